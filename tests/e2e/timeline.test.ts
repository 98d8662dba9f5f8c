/**
 * The timeline with the demo loaded: Step forward advances the clock and highlights the new Step,
 * Step back returns, clicking an earlier Step moves the canvas to that moment, ←/→ step, and
 * Play then Pause.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import { closeAll, openApp, readState, until } from './harness';

after(closeAll);

const MAX_STEPS = 400;


/** The virtual clock as shown (`t = 12.4s`) in seconds. */
async function clock(page: Page): Promise<number> {
  const text = (await page.getByLabel('Virtual time').textContent()) ?? '';
  const m = /t = (?:(\d+)h )?(?:(\d+)m )?([\d.]+)s/.exec(text);
  assert.ok(m, `clock text ${JSON.stringify(text)}`);
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3]);
}

/** The 0-based index of the highlighted Step in the Steps list. */
async function highlighted(page: Page): Promise<number> {
  const current = page.getByRole('list', { name: 'Steps' }).locator('[aria-current="step"]');
  await current.waitFor();
  return Number(await current.getAttribute('aria-posinset')) - 1;
}

async function cursorMoves(page: Page, act: () => Promise<void>): Promise<number> {
  const before = (await readState(page)).cursor;
  await act();
  await until('the cursor moved', async () => (await readState(page)).cursor !== before);
  const after = (await readState(page)).cursor;
  await until('the list highlights the Step at the cursor', async () => (await highlighted(page)) === after);
  return after;
}

const podsOnCanvas = (page: Page) => page.getByRole('button', { name: /^Pod / });

test('stepping, clicking an earlier Step, arrow keys, and Play/Pause move the whole UI through time', async () => {
  const app = await openApp();
  const { page } = app;
  const forward = page.getByRole('button', { name: 'Step forward', exact: true });
  const back = page.getByRole('button', { name: 'Step back', exact: true });
  await until('the demo has been applied', async () => (await readState(page)).stepCount > 0);
  const start = (await readState(page)).cursor;
  assert.equal(await highlighted(page), start);

  // Step forward until the clock moves: it never runs backwards, and the new Step is highlighted.
  const t0 = await clock(page);
  let previousTime = t0;
  let cursor = start;
  for (let i = 0; i < MAX_STEPS && (await clock(page)) === t0; i++) {
    cursor = await cursorMoves(page, () => forward.click());
    const t = await clock(page);
    assert.ok(t >= previousTime, 'the clock never runs backwards');
    previousTime = t;
  }
  const t1 = await clock(page);
  assert.ok(t1 > t0, 'stepping forward advanced the virtual clock');
  assert.equal((await page.getByRole('slider', { name: 'Timeline position' }).inputValue()), String(cursor));

  // Step back returns to the previous Step and its time.
  const backAt = await cursorMoves(page, () => back.click());
  assert.equal(backAt, cursor - 1);
  assert.ok((await clock(page)) <= t1);
  await cursorMoves(page, () => forward.click());

  // Run on until Pods show on the canvas, then click the first Step: the canvas goes back to before them.
  for (let i = 0; i < MAX_STEPS && (await podsOnCanvas(page).count()) === 0; i++) await cursorMoves(page, () => forward.click());
  assert.ok((await podsOnCanvas(page).count()) > 0, 'Pods appeared on the canvas');
  const list = page.getByRole('list', { name: 'Steps' });
  await list.hover();
  await page.mouse.wheel(0, -1_000_000);
  const first = list.getByRole('listitem').first();
  await until('the first Step is in view', async () => (await first.getAttribute('aria-posinset')) === '1');
  await cursorMoves(page, () => first.getByRole('button').click());
  assert.equal((await readState(page)).cursor, 0);
  await until('the canvas shows the cluster before any Pod', async () => (await podsOnCanvas(page).count()) === 0);
  assert.equal(await clock(page), 0);

  // Arrow keys step (focus is on the clicked Step, not in a text field).
  const right = await cursorMoves(page, () => page.keyboard.press('ArrowRight'));
  assert.equal(right, 1);
  const left = await cursorMoves(page, () => page.keyboard.press('ArrowLeft'));
  assert.equal(left, 0);

  // Play runs on by itself; Pause stops it and the button says so.
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
  await until('playback advanced the cursor', async () => (await readState(page)).cursor >= 3);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
  const paused = await readState(page);
  assert.equal(paused.playing, false);
  assert.equal(await highlighted(page), paused.cursor);

  assert.deepEqual(app.errors, []);
  await app.close();
});
