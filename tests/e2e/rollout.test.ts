/**
 * A rolling update, Step by Step: a Deployment of 4 becomes available; its image changes in the
 * editor; stepping through, old (rev 1) and new (rev 2) Pods run side by side, never more than
 * 5 (replicas + maxSurge); the Rollout tab charts it and moves the cursor; "Rollout undo" rolls
 * back to the old template (its ReplicaSet renumbered to rev 3), again within the bounds.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import { applyYaml, closeAll, openApp, readState, stopPlayback, until } from './harness';

after(closeAll);

const deployment = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 4
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: nginx
          image: ${image}
`;

const MAX_STEPS = 600;


const frames = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

interface PodCounts { total: number; byRevision: Record<string, number>; names: string[]; allReady: boolean }

/** The Deployment's Pods on the canvas that are not terminating, counted by their revision badge (`…, rev 2`). */
async function pods(page: Page): Promise<PodCounts> {
  const labels = await page.getByRole('button', { name: /^Pod web-/ }).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  const live = labels.filter((l) => !/Terminating|Succeeded|Failed/.test(l));
  const byRevision: Record<string, number> = {};
  for (const l of live) {
    const rev = /, rev (\d+)$/.exec(l)?.[1] ?? 'none';
    byRevision[rev] = (byRevision[rev] ?? 0) + 1;
  }
  return { total: live.length, byRevision, names: live.map((l) => /^Pod (\S+),/.exec(l)![1]),
    allReady: live.every((l) => /, Running, ready (\d+)\/\1, /.test(l)) };
}

/** One Step forward, then the canvas as drawn for it. */
async function stepForward(page: Page): Promise<boolean> {
  const before = (await readState(page)).cursor;
  await page.getByRole('button', { name: 'Step forward', exact: true }).click();
  try {
    await until('the cursor moved', async () => (await readState(page)).cursor !== before, 3_000);
  } catch {
    return false; // nothing left to do
  }
  await frames(page);
  return true;
}

/** Steps until `done`, checking the RollingUpdate bounds on the canvas after every Step. */
async function stepThrough(page: Page, done: (c: PodCounts) => boolean, seen: Set<string>): Promise<PodCounts> {
  for (let i = 0; i < MAX_STEPS; i++) {
    const counts = await pods(page);
    assert.ok(counts.total <= 5, `at most 5 Pods (4 + maxSurge 1), saw ${JSON.stringify(counts.byRevision)} at Step ${(await readState(page)).cursor}`);
    seen.add(Object.keys(counts.byRevision).sort().join('+'));
    if (done(counts)) return counts;
    await stepForward(page);
  }
  throw new Error(`the rollout did not finish within ${MAX_STEPS} Steps`);
}

async function playUntil(page: Page, what: string, check: () => Promise<boolean>): Promise<void> {
  await page.getByRole('slider', { name: 'Speed' }).fill('20');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await until(what, check, 60_000);
  // playback stops by itself once nothing is left to do
  await stopPlayback(page);
}

test('a rolling update keeps old and new Pods within the bounds, is charted, and rolls back with Rollout undo', async () => {
  const app = await openApp();
  const { page } = app;
  await page.getByRole('button', { name: 'Reset cluster' }).click();
  await applyYaml(page, deployment('nginx:1.27'));
  const ready = page.getByRole('button', { name: 'Deployment web, 4/4 ready' });
  await playUntil(page, 'Deployment web has 4 ready Pods', async () => (await ready.count()) === 1);
  const first = await pods(page);
  assert.deepEqual(first.byRevision, { 1: 4 });
  const oldHash = /^web-(\w+)-/.exec(first.names[0])![1];

  // Change the image in the editor and Apply: the cursor jumps to the apply and follows.
  await applyYaml(page, deployment('nginx:1.28'));
  await until('the apply is reported', async () => /deployment\.apps\/web configured/.test((await page.textContent('body')) ?? ''));
  const seen = new Set<string>();
  const rolled = await stepThrough(page, (c) => c.byRevision[2] === 4 && c.total === 4 && c.allReady, seen);
  assert.ok(seen.has('1+2'), `old and new Pods side by side at some Step (saw ${[...seen].join(', ')})`);
  assert.ok(!rolled.names.some((n) => n.startsWith(`web-${oldHash}-`)), 'every Pod is from the new ReplicaSet');

  // The Rollout tab: the numbers at the cursor, and the chart moves the cursor.
  await page.getByRole('button', { name: /^Deployment web, / }).click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await inspector.getByRole('tab', { name: 'Rollout' }).click();
  const summary = inspector.getByLabel('Rollout summary');
  const complete = /Revision 2: 4 of 4 available — total 4 ≤ max 5; available 4 ≥ min 3/;
  // the ReplicaSets' status catches up with the Pods a few Steps later
  for (let i = 0; i < 40 && !complete.test((await summary.textContent()) ?? ''); i++) await stepForward(page);
  assert.match((await summary.textContent()) ?? '', complete);
  const atEnd = (await readState(page)).cursor;
  await inspector.getByRole('button', { name: 'Previous change' }).click();
  await until('Previous change moved the cursor back', async () => (await readState(page)).cursor < atEnd);
  const chart = inspector.getByRole('slider', { name: 'Rollout chart' });
  const box = (await chart.boundingBox())!;
  const beforeClick = (await readState(page)).cursor;
  await page.mouse.click(box.x + box.width * 0.7, box.y + box.height / 2);
  await until('a click on the chart moved the cursor', async () => (await readState(page)).cursor !== beforeClick);
  const picked = (await readState(page)).cursor;
  await until('the chart reads the Step clicked', async () => ((await chart.getAttribute('aria-valuetext')) ?? '').startsWith(`Step ${picked}: `));
  assert.match((await summary.textContent()) ?? '',
    new RegExp(`^Step ${picked}: Revision \\d: .+ — total \\d ≤ max 5; available \\d ≥ min 3$`));

  // Rollout undo: back to the old template; its ReplicaSet becomes revision 3.
  await inspector.getByRole('button', { name: 'Actions', exact: true }).click();
  await inspector.getByRole('button', { name: 'Rollout undo' }).click();
  const output = inspector.getByRole('status', { name: 'Command output' });
  await until('kubectl says it rolled back', async () => /deployment\.apps\/web rolled back/.test((await output.textContent()) ?? ''));
  assert.match((await output.textContent()) ?? '', /kubectl rollout undo deployment\/web/);
  assert.equal((await readState(page)).following, true);
  const back = new Set<string>();
  const undone = await stepThrough(page, (c) => c.byRevision[3] === 4 && c.total === 4 && c.allReady, back);
  assert.ok(back.has('2+3'), `new and restored Pods side by side at some Step (saw ${[...back].join(', ')})`);
  assert.ok(undone.names.every((n) => n.startsWith(`web-${oldHash}-`)), `the Pods are the old ReplicaSet's again: ${undone.names.join(', ')}`);

  assert.deepEqual(app.errors, []);
  await app.close();
});
