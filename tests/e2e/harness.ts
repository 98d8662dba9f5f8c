/**
 * Browser-test harness: serves the production build (`vite preview`, a free port) and drives
 * Debian's Chromium through playwright-core. Tests drive the page by roles and accessible
 * names and await conditions; the window hook `__kubePlayground` is only read, never used to
 * drive. Build first: `npx vite build`. Set E2E_BASE_URL to test an app already being served
 * (e.g. `npx vite --port 5190`) instead of starting `vite preview`.
 *
 *   const app = await openApp();            // a fresh browser context (fresh localStorage)
 *   await loadYaml(app.page, text);         // through the "Open YAML file" input
 *   after(closeAll);                        // once per test file
 */
import { createRequire } from 'node:module';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { MarkerInfo, PlaygroundProbe } from '../../src/ui/common/testHook';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

let server: { url: string; child: ChildProcess } | undefined;
let browser: Browser | undefined;
const contexts = new Set<BrowserContext>();

export interface App {
  page: Page;
  context: BrowserContext;
  url: string;
  /** Uncaught page errors and console errors seen so far. */
  errors: string[];
  /** Requests that tried to leave the app's origin (all are blocked: nothing loads from the network). */
  offsiteRequests: string[];
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with code ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`vite preview did not answer at ${url} within ${timeoutMs} ms`);
}

/** Serves dist/ with `vite preview` on a free port (once per process). */
export async function startServer(): Promise<string> {
  if (server) return server.url;
  if (process.env.E2E_BASE_URL) return process.env.E2E_BASE_URL;
  if (!existsSync(resolve(ROOT, 'dist/index.html'))) {
    throw new Error('No production build in dist/: run `npx vite build` before the browser tests.');
  }
  const port = await freePort();
  const child = spawn(process.execPath, [resolve(ROOT, 'node_modules/vite/bin/vite.js'), 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}/`;
  server = { url, child };
  await waitForHttp(url, child, 30_000);
  return url;
}

async function getBrowser(): Promise<Browser> {
  browser ??= await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return browser;
}

/**
 * Opens the app in a fresh browser context and waits until the first screen is up (the editor
 * holds its text). Pass `context` to open another page in the same context (same localStorage).
 */
export async function openApp(options: { context?: BrowserContext; viewport?: { width: number; height: number } } = {}): Promise<App> {
  const url = await startServer();
  const origin = new URL(url).origin;
  const context = options.context ?? (await (await getBrowser()).newContext({ viewport: options.viewport ?? { width: 1440, height: 900 } }));
  contexts.add(context);
  const errors: string[] = [];
  const offsiteRequests: string[] = [];
  await context.route('**/*', (route) => {
    const requestUrl = route.request().url();
    if (requestUrl.startsWith(origin) || requestUrl.startsWith('data:') || requestUrl.startsWith('blob:')) return route.continue();
    offsiteRequests.push(requestUrl);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  await page.goto(url);
  await waitForEditor(page);
  return {
    page,
    context,
    url,
    errors,
    offsiteRequests,
    async close() {
      contexts.delete(context);
      await context.close();
    },
  };
}

/** Waits until Monaco is up and shows the store's text. */
export async function waitForEditor(page: Page): Promise<void> {
  await page.getByRole('textbox', { name: 'Kubernetes YAML editor' }).first().waitFor({ state: 'attached' });
  await page.waitForFunction(() => {
    const probe = window.__kubePlayground;
    return !!probe?.editorModelText && !!probe.state && probe.editorModelText() === probe.state().editorText;
  });
}

/** Replaces the editor text the way a person does: through the "Open YAML file" input. */
export async function loadYaml(page: Page, text: string, fileName = 'manifest.yaml'): Promise<void> {
  await page.getByLabel('Open YAML file').setInputFiles({ name: fileName, mimeType: 'application/yaml', buffer: Buffer.from(text) });
  await page.waitForFunction((expected) => window.__kubePlayground?.editorModelText?.() === expected, text);
}

/** Opens the text as a file and presses Apply. */
export async function applyYaml(page: Page, text: string, fileName?: string): Promise<void> {
  await loadYaml(page, text, fileName);
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
}

/** Drops a file onto the editor, as dragging it from the desktop does. */
export async function dropYaml(page: Page, text: string, fileName = 'dropped.yaml'): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ text, fileName }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], fileName, { type: 'application/yaml' }));
      return dt;
    },
    { text, fileName },
  );
  const target = page.getByTestId('yaml-editor');
  await target.dispatchEvent('dragenter', { dataTransfer });
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
}

type ProbeState = ReturnType<NonNullable<PlaygroundProbe['state']>>;

/** Reads the store through the read-only hook. */
export function readState(page: Page): Promise<ProbeState> {
  return page.evaluate(() => window.__kubePlayground!.state!());
}

/** Reads the names (`namespace/name`) of the objects of a kind in the newest state. */
export function readObjects(page: Page, kind: string): Promise<string[]> {
  return page.evaluate((k) => window.__kubePlayground!.objects!(k), kind);
}

/** Waits for Monaco markers of an owner (`yaml` or `kubectl-apply`) and returns them. */
export async function waitForMarkers(page: Page, owner: string, timeoutMs = 20_000): Promise<MarkerInfo[]> {
  const handle = await page.waitForFunction(
    (o) => {
      const found = window.__kubePlayground?.markers?.().filter((m) => m.owner === o) ?? [];
      return found.length > 0 ? found : null;
    },
    owner,
    { timeout: timeoutMs },
  );
  return (await handle.jsonValue()) as MarkerInfo[];
}

/** Closes every context, the browser and the preview server; register with `after(closeAll)`. */
export async function closeAll(): Promise<void> {
  for (const context of contexts) await context.close().catch(() => {});
  contexts.clear();
  await browser?.close();
  browser = undefined;
  server?.child.kill();
  server = undefined;
}

/**
 * Stops playback and waits until it has stopped. Playback also stops by itself once nothing is
 * left to do, so the Pause button may vanish between looking for it and pressing it.
 */
export async function stopPlayback(page: Page): Promise<void> {
  const pause = page.getByRole('button', { name: 'Pause', exact: true });
  if (await pause.count()) await pause.click({ timeout: 2_000 }).catch(() => undefined);
  await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
}

/**
 * Polls `check` until it holds, for conditions no Playwright locator expresses (the store, counts
 * across panes); fails naming `what` after `timeoutMs`.
 */
export async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core's WCAG 2 A/AA violations inside the element `rootSelector` finds, as `rule: targets`. */
export async function axeViolations(page: Page, rootSelector: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SCRIPT });
  return page.evaluate(async (selector) => {
    type Violation = { id: string; nodes: { target: string[] }[] };
    const axe = (window as unknown as { axe: { run(el: Element, o: object): Promise<{ violations: Violation[] }> } }).axe;
    const root = document.querySelector(selector);
    if (!root) throw new Error(`nothing matches ${selector}`);
    const result = await axe.run(root, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] }, resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, rootSelector);
}
