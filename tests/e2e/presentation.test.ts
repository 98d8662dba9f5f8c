/**
 * Presentation mode on a 1280×720 projector: the toggle folds the editor away and shows big step
 * controls and large type; PageDown/PageUp step (a presenter remote), Esc leaves, F/P toggle it
 * except while typing. The screenshot goes to test-results/.
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import { closeAll, openApp, readState, until } from './harness';

after(closeAll);


const cursor = async (page: Page) => (await readState(page)).cursor;

/** Rendered size of a text element: its box height and the font size it is drawn at (CSS zoom included). */
function renderedText(page: Page, selector: string) {
  return page.locator(selector).first().evaluate((el) => {
    const style = getComputedStyle(el);
    let zoom = 1;
    for (let e: Element | null = el; e; e = e.parentElement) zoom *= Number(getComputedStyle(e).zoom) || 1;
    return { height: el.getBoundingClientRect().height, fontPx: parseFloat(style.fontSize) * zoom };
  });
}

test('presentation mode: large type, editor folded, PageDown/PageUp step, Esc leaves', async () => {
  const app = await openApp({ viewport: { width: 1280, height: 720 } });
  const { page } = app;
  const toggle = page.getByRole('button', { name: 'Presentation mode' });
  const editor = page.getByRole('textbox', { name: 'Kubernetes YAML editor' }).first();
  const forward = page.getByRole('button', { name: 'Step forward', exact: true });
  for (let i = 0; i < 5; i++) await forward.click();
  await until('five Steps shown', async () => (await cursor(page)) >= 5);
  const normalRow = await renderedText(page, '[role="list"][aria-label="Steps"] [role="listitem"] button');

  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  await until('the editor is folded away', async () => !(await editor.isVisible()));

  // PageDown steps forward, PageUp back (focus on the page, as with a presenter remote).
  await page.locator('body').click({ position: { x: 5, y: 5 } }).catch(() => {});
  const start = await cursor(page);
  await page.keyboard.press('PageDown');
  await until('PageDown stepped forward', async () => (await cursor(page)) === start + 1);
  await page.keyboard.press('PageDown');
  await until('PageDown stepped forward again', async () => (await cursor(page)) === start + 2);
  await page.keyboard.press('PageUp');
  await until('PageUp stepped back', async () => (await cursor(page)) === start + 1);

  // Big controls and large type, in a screenshot a person can check.
  const bigForward = await forward.boundingBox();
  assert.ok(bigForward && bigForward.height >= 48 && bigForward.width >= 120, `a big Step button (${JSON.stringify(bigForward)})`);
  const message = await renderedText(page, '.kp-presenting-message');
  assert.ok(message.fontPx >= 20, `the Step's message in large type (${message.fontPx}px)`);
  const row = await renderedText(page, '[role="list"][aria-label="Steps"] [role="listitem"] button');
  assert.ok(row.fontPx >= normalRow.fontPx * 1.25, `the Steps list in larger type (${row.fontPx}px, was ${normalRow.fontPx}px)`);
  const inspector = await renderedText(page, '[data-pane="inspector"] p');
  assert.ok(inspector.fontPx >= 16, `the inspector in larger type (${inspector.fontPx}px)`);
  await mkdir('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/presentation-1280x720.png' });

  // Esc leaves; P comes back; F leaves; typing F or P in the editor is just typing.
  await page.keyboard.press('Escape');
  await until('Esc left presentation mode', async () => (await toggle.getAttribute('aria-pressed')) === 'false');
  await editor.waitFor({ state: 'visible' });
  await page.locator('body').click({ position: { x: 5, y: 5 } }).catch(() => {});
  await page.keyboard.press('p');
  await until('P entered presentation mode', async () => (await toggle.getAttribute('aria-pressed')) === 'true');
  await page.keyboard.press('f');
  await until('F left presentation mode', async () => (await toggle.getAttribute('aria-pressed')) === 'false');
  await editor.focus();
  await page.keyboard.type('fp');
  await page.waitForTimeout(200);
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false', 'typing in the editor does not toggle it');
  assert.ok((await readState(page)).editorText.includes('fp'));

  assert.deepEqual(app.errors, []);
  await app.close();
});
