/**
 * The browser sweep for English left in the Chinese UI: `untranslatedSweep(page)` reads what a
 * person sees or hears on the page as it is now and returns every string that is English left
 * behind (a Latin word that is not a kept term, and no Chinese character: `isUntranslated`).
 *
 * Read: (a) the text nodes of shown elements; (b) the `aria-label`, `title`, `placeholder`,
 * `aria-description`, `aria-valuetext`, `aria-roledescription` and `alt` attributes of shown
 * elements and the `label` of options; (c) hidden text that an `aria-describedby` or
 * `aria-labelledby` points at (a screen reader reads it). Not read: anything inside an element
 * marked as data — `[translate="no"]`, `[lang^="en"]` (below `<html>`), `<pre>`, `<code>`,
 * `<kbd>`, `<samp>` — nor Monaco (`.monaco-editor`: the learner's YAML), nor React Flow's
 * attribution link (a product name).
 *
 * `Walk` drives the app from state to state for the sweep: it finds controls by their English name
 * or its Chinese translation (`either`, from the catalogs) or by structure, sweeps each state
 * into a `SweepLog`, and logs a state it cannot reach (with a screenshot in test-results/)
 * instead of stopping, so one renamed control hides no other offender.
 */
import { mkdir } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { en, zh } from '../../src/i18n/catalog';
import { isUntranslated } from '../../src/i18n/keptTerms';
import { t as lessonText } from '../../src/ui/lessons/uiText';
import { readState, until } from './harness';

export interface SweptText {
  text: string;
  /** `text`, an attribute name, or `aria-describedby` (hidden text read out). */
  source: string;
  /** Where it was: pane › the dialog, menu, form, region or card around it › the element. */
  where: string;
}

/**
 * Runs in the page. A plain script, not a function: the test compiler would wrap named functions
 * in a helper the page lacks.
 */
const COLLECT = String.raw`(() => {
  const DATA = '[translate="no"], [lang^="en"], .monaco-editor, .monaco-aria-container, pre, code, kbd, samp, .react-flow__attribution';
  const ATTRIBUTES = ['aria-label', 'title', 'placeholder', 'aria-description', 'aria-valuetext', 'aria-roledescription', 'alt'];
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
  const BOX = 'dialog, [role="dialog"], [role="menu"], form[aria-label], [role="tabpanel"], [role="region"], section[aria-label], [role="group"][aria-label], .react-flow__node';
  const root = document.documentElement;
  const isData = (el) => { const m = el.closest(DATA); return m !== null && m !== root; };
  const isShown = (el) => {
    let target = el;
    if (el.tagName === 'OPTION' || el.tagName === 'OPTGROUP') target = el.closest('select') || el;
    if (el.namespaceURI === 'http://www.w3.org/2000/svg' && el.tagName.toLowerCase() === 'title') target = el.parentElement || el;
    return target.checkVisibility({ visibilityProperty: true, checkVisibilityCSS: true });
  };
  const clip = (s) => (s.length > 48 ? s.slice(0, 47) + '…' : s);
  const nameOf = (el) => {
    const ids = el.getAttribute('aria-labelledby');
    if (ids) return ids.split(/\s+/).map((id) => document.getElementById(id)?.textContent || '').join(' ').trim();
    return el.getAttribute('aria-label') || '';
  };
  const describe = (el) => {
    const parts = [];
    const pane = el.closest('[data-pane]');
    if (pane) parts.push(pane.getAttribute('data-pane'));
    else if (el.closest('header, [role="banner"]')) parts.push('header');
    const box = el.closest(BOX);
    if (box) parts.push((box.getAttribute('role') || box.tagName.toLowerCase()) + ' "' + clip(nameOf(box).replace(/\s+/g, ' ')) + '"');
    const role = el.getAttribute('role');
    parts.push(el.tagName.toLowerCase() + (role ? '[role=' + role + ']' : ''));
    return parts.join(' › ');
  };
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    const text = node.data.replace(/\s+/g, ' ').trim();
    if (!text || !el || SKIP.has(el.tagName) || isData(el) || !isShown(el)) continue;
    found.push({ text, source: 'text', where: describe(el) });
  }
  for (const el of document.querySelectorAll('*')) {
    if (isData(el) || !isShown(el)) continue;
    const names = el.tagName === 'OPTION' || el.tagName === 'OPTGROUP' ? [...ATTRIBUTES, 'label'] : ATTRIBUTES;
    for (const name of names) {
      const value = (el.getAttribute(name) || '').replace(/\s+/g, ' ').trim();
      if (value) found.push({ text: value, source: name, where: describe(el) });
    }
    for (const relation of ['aria-describedby', 'aria-labelledby']) {
      for (const id of (el.getAttribute(relation) || '').split(/\s+/).filter(Boolean)) {
        const target = document.getElementById(id);
        if (!target || isShown(target) || isData(target)) continue; // shown text is read above
        const text = (target.textContent || '').replace(/\s+/g, ' ').trim();
        if (text) found.push({ text, source: relation, where: describe(el) });
      }
    }
  }
  return found;
})()`;

/** Every human-language string on the page now, as collected (before judging). */
export function collectTexts(page: Page): Promise<SweptText[]> {
  return page.evaluate(COLLECT) as Promise<SweptText[]>;
}

/** The English left behind on the page now, each (text, source, where) once. */
export async function untranslatedSweep(page: Page): Promise<SweptText[]> {
  const seen = new Set<string>();
  return (await collectTexts(page)).filter((t) => {
    const key = `${t.source}\u0000${t.text}\u0000${t.where}`;
    if (!isUntranslated(t.text) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Offenders gathered over many states of the app: each (text, source) is kept once, under the
 * first panel it was seen in, so a string the whole page shows is not repeated for every state.
 */
export class SweepLog {
  private readonly offenders = new Map<string, SweptText & { panel: string; panels: Set<string> }>();
  private readonly problems: string[] = [];
  readonly panels: string[] = [];

  record(panel: string, found: readonly SweptText[]): void {
    this.panels.push(panel);
    for (const t of found) {
      const key = `${t.source}\u0000${t.text}`;
      const known = this.offenders.get(key);
      if (known) known.panels.add(panel);
      else this.offenders.set(key, { ...t, panel, panels: new Set([panel]) });
    }
  }

  /** A panel the sweep could not reach (its control missing or renamed): reported, not fatal. */
  unreachable(panel: string, error: unknown): void {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    this.problems.push(`${panel}: not reached (${message})`);
  }

  get count(): number {
    return this.offenders.size;
  }

  get unreached(): readonly string[] {
    return this.problems;
  }

  /** The offenders grouped by the panel they were first seen in, one line each. */
  report(): string {
    const byPanel = new Map<string, string[]>();
    for (const o of this.offenders.values()) {
      const also = o.panels.size > 1 ? ` (and ${o.panels.size - 1} more states)` : '';
      const line = `  ${JSON.stringify(o.text)} — ${o.source} at ${o.where}${also}`;
      byPanel.set(o.panel, [...(byPanel.get(o.panel) ?? []), line]);
    }
    return [...byPanel].map(([panel, lines]) => `[${panel}]\n${lines.join('\n')}`).join('\n');
  }
}

// The walk: controls found by name in either language, each state reached and swept.

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const normalise = (message: string) => message.replace(/\{[^}]*\}/g, '{}');

/**
 * An accessible name in either language: the English as written, or the Chinese of every catalog
 * message with that English (parameters `{}` match anything). `extra` adds names kept elsewhere.
 */
export function either(english: string, ...extra: string[]): RegExp {
  const wanted = normalise(english);
  const chinese = (Object.keys(en) as (keyof typeof en)[]).filter((k) => normalise(en[k]) === wanted).map((k) => zh[k]);
  const pattern = (text: string) => normalise(text).split('{}').map(escape).join('.+');
  return new RegExp(`^(?:${[english, ...chinese, ...extra].map(pattern).join('|')})$`);
}

/** A lesson-panel text (its own bilingual table) in either language. */
export const lesson = (key: Parameters<typeof lessonText>[0]) => either(lessonText(key, 'en'), lessonText(key, 'zh'));


/** Walks the app, sweeping each state; a state it cannot reach is logged, and the walk goes on. */
export class Walk {
  readonly log = new SweepLog();
  private errorsSeen = 0;
  constructor(readonly page: Page, private readonly errors: string[]) {}

  get inspector(): Locator { return this.page.locator('[data-pane="inspector"]'); }
  get timeline(): Locator { return this.page.locator('[data-pane="timeline"]'); }
  get canvas(): Locator { return this.page.locator('[data-pane="cluster"]'); }
  button(name: RegExp, within: Page | Locator = this.page): Locator { return within.getByRole('button', { name }).first(); }
  /** An inspector tab by its name (less a count badge). */
  tab(name: RegExp): Locator {
    return this.inspector.getByRole('tab').filter({ hasText: new RegExp(name.source.replace(/\$$/, '')) }).first();
  }
  /** A card on the canvas: its accessible name starts with its kind, then its name (maybe after a word). */
  card(kind: string, name: string): Locator {
    return this.canvas.getByRole('button', { name: new RegExp(`^${kind}\\b[^,，]*?\\b${escape(name)}`) }).first();
  }

  async sweep(panel: string): Promise<void> {
    await this.page.waitForTimeout(150); // let the panel render and transitions settle
    // a crashed app shows no English at all: that is no pass
    if ((await this.page.locator('[data-pane="timeline"]').count()) === 0) throw new Error('the app is not on the page (crashed?)');
    if (this.errors.length > this.errorsSeen) {
      const fresh = this.errors.slice(this.errorsSeen);
      this.errorsSeen = this.errors.length;
      throw new Error(`page errors: ${fresh.join(' | ').slice(0, 300)}`);
    }
    this.log.record(panel, await untranslatedSweep(this.page));
  }

  /** Reaches a state and sweeps it; Escape afterwards unless `keep`. */
  async visit(panel: string, reach: () => Promise<unknown>, keep = false): Promise<void> {
    try {
      await reach();
      await this.sweep(panel);
    } catch (error) {
      this.log.unreachable(panel, error);
      await mkdir('test-results', { recursive: true });
      await this.page.screenshot({ path: `test-results/untranslated-unreached-${this.log.unreached.length}.png` }).catch(() => undefined);
    }
    if (!keep) await this.page.keyboard.press('Escape');
  }

  /** Every tab of the inspector for the selected object, each swept. */
  async inspectorTabs(what: string): Promise<void> {
    const tabs = this.inspector.getByRole('tab');
    const count = await tabs.count();
    if (count === 0) return this.log.unreachable(`${what}: tabs`, new Error('no tab in the inspector'));
    for (let i = 0; i < count; i++) {
      const name = (await tabs.nth(i).textContent())?.replace(/\d+$/, '').trim() || `tab ${i + 1}`; // less its count badge
      await this.visit(`${what} › ${name}`, () => tabs.nth(i).click(), true);
    }
    await tabs.first().click();
  }

  async select(kind: string, name: string): Promise<void> {
    const card = this.card(kind, name);
    // a card under the minimap takes no pointer click; React Flow selects on the click event alone
    await card.click({ timeout: 3_000 }).catch(() => card.dispatchEvent('click'));
    await this.inspector.getByRole('tab').first().waitFor({ timeout: 5_000 });
  }

  async play(what: string, check: () => Promise<boolean>): Promise<void> {
    await this.page.getByRole('slider', { name: either('Speed') }).fill('20');
    await this.button(either('Play')).click();
    await until(what, check, 90_000);
    const pause = this.page.getByRole('button', { name: either('Pause') });
    if (await pause.count()) await pause.first().click({ timeout: 2_000 }).catch(() => undefined);
    await this.button(either('Play')).waitFor();
  }

  async stepForward(n: number): Promise<void> {
    for (let i = 0; i < n; i++) {
      const cursor = (await readState(this.page)).cursor;
      await this.button(either('Step forward')).click();
      await until('the cursor moved', async () => (await readState(this.page)).cursor !== cursor);
    }
  }

  async load(text: string): Promise<void> {
    await this.page.locator('input[type="file"][accept*=".yaml"]').setInputFiles({ name: 'sweep.yaml', mimeType: 'application/yaml', buffer: Buffer.from(text) });
    await this.page.waitForFunction((expected) => window.__kubePlayground?.editorModelText?.() === expected, text);
    await this.button(either('Apply'), this.page.locator('[data-pane="editor"]')).click();
  }
}
