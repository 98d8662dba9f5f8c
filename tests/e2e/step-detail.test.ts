/**
 * Every Step explains itself: with the demo applied, step to a kubelet Step and read its detail —
 * the message, a link to the Pod it changed (which selects the Pod) and a diff with `+ phase:
 * Running`. Then filter to the scheduler and step forward to the next scheduler Step; group per
 * virtual second and see fewer rows; and read the cluster's Events like `kubectl get events`.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, closeAll, openApp, readState, until } from './harness';

after(closeAll);

const MAX_STEPS = 200;
const timelineViolations = (page: Page) => axeViolations(page, '[data-timeline-root]');


const detail = (page: Page) => page.getByRole('region', { name: 'Step detail' });

/** The Step number and actor the detail shows. */
async function shown(page: Page): Promise<{ index: number; actor: string }> {
  const heading = (await detail(page).getByRole('heading', { level: 3 }).textContent()) ?? '';
  const actor = (await detail(page).locator('span[title*=" — "]').first().textContent()) ?? '';
  return { index: Number(heading.replace(/^Step #/, '')), actor };
}

async function detailFollowsCursor(page: Page): Promise<void> {
  const { cursor } = await readState(page);
  await until(`the detail shows Step #${cursor}`, async () => (await shown(page)).index === cursor);
}

/** The lines of every diff in the detail, as text (`+   phase: Running`). */
function diffLines(page: Page): Promise<string[]> {
  return detail(page).locator('span[data-op]').allTextContents();
}

/** How many rows the Step list has (every row says it, the list being virtual). */
async function rowCount(page: Page): Promise<number> {
  const row = page.getByRole('list', { name: 'Steps' }).getByRole('listitem').first();
  return Number(await row.getAttribute('aria-setsize'));
}

test('a Step explains itself; filters, stepping through matches, grouping and the Events list', async () => {
  const app = await openApp();
  const { page } = app;
  const forward = page.getByRole('button', { name: 'Step forward', exact: true });
  await until('the demo has been applied', async () => (await readState(page)).stepCount > 0);

  // Step until a kubelet Step whose diff turns the Pod Running.
  let kubeletWithPod = false;
  let running = false;
  for (let i = 0; i < MAX_STEPS && !running; i++) {
    const before = (await readState(page)).cursor;
    await forward.click();
    await until('the cursor moved', async () => (await readState(page)).cursor !== before);
    await detailFollowsCursor(page);
    const { actor } = await shown(page);
    if (!actor.startsWith('kubelet/')) continue;
    const podLink = detail(page).getByRole('button', { name: /^pod\/web-/ });
    if ((await podLink.count()) === 0) continue;
    kubeletWithPod = true;
    const lines = await diffLines(page);
    running = lines.some((l) => /^\+\s+phase: Running$/.test(l));
    if (running) assert.ok(lines.some((l) => /^-\s+phase: Pending$/.test(l)), 'the old phase is shown removed');
  }
  assert.ok(kubeletWithPod, 'a kubelet Step links to the Pod it changed');
  assert.ok(running, 'a kubelet Step shows + phase: Running in its diff');
  assert.match((await detail(page).textContent()) ?? '', /Started container nginx/);
  assert.match((await detail(page).textContent()) ?? '', /Started/, 'the Event it emitted is listed');

  assert.deepEqual(await timelineViolations(page), [], 'the Step list and detail pass axe');

  // The link selects the Pod: the inspector follows.
  const link = detail(page).getByRole('button', { name: /^pod\/web-/ }).first();
  const podName = ((await link.textContent()) ?? '').replace(/^pod\//, '');
  await link.click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await until('the inspector shows the Pod', async () => ((await inspector.getByRole('heading', { level: 2 }).textContent()) ?? '').includes(podName));

  // Filter to the scheduler; from the start, Step forward visits only scheduler Steps.
  await page.getByRole('button', { name: /^Filter/ }).click();
  await page.getByLabel('Actor', { exact: true }).selectOption('kind:scheduler');
  assert.equal(await page.getByLabel('Step to matching Steps only').isChecked(), true);
  await page.keyboard.press('Escape');
  await page.getByRole('slider', { name: 'Timeline position' }).fill('0');
  await until('the cursor is at the start', async () => (await readState(page)).cursor === 0);
  await forward.click();
  await until('the cursor moved to a scheduler Step', async () => (await readState(page)).cursor > 0);
  await detailFollowsCursor(page);
  const firstScheduler = await shown(page);
  assert.equal(firstScheduler.actor, 'kube-scheduler');
  await forward.click();
  await until('the cursor moved on', async () => (await readState(page)).cursor > firstScheduler.index);
  await detailFollowsCursor(page);
  const nextScheduler = await shown(page);
  assert.equal(nextScheduler.actor, 'kube-scheduler');
  const { stepCount } = await readState(page);
  const schedulerRows = await rowCount(page);
  assert.ok(schedulerRows >= 2 && schedulerRows < stepCount, 'the list shows only the scheduler Steps');
  const actors = await page.getByRole('list', { name: 'Steps' }).locator('[role="listitem"] span[title*=" — "]').allTextContents();
  assert.deepEqual([...new Set(actors)], ['kube-scheduler']);

  // Clear the filter, then group per virtual second: fewer rows than Steps.
  await page.getByRole('button', { name: /^Remove filter actor/ }).click();
  await until('every Step is listed again', async () => (await rowCount(page)) === (await readState(page)).stepCount);
  await page.getByLabel('Group Steps').selectOption('second');
  await until('seconds are grouped', async () => (await rowCount(page)) < (await readState(page)).stepCount);
  const expand = page.getByRole('list', { name: 'Steps' }).getByRole('button', { name: /^Show the \d+ Steps/ });
  assert.ok((await expand.count()) > 0);
  await expand.first().click();
  assert.deepEqual(await timelineViolations(page), [], 'grouped rows pass axe');

  // The Events tab lists the cluster's Events like kubectl get events.
  await page.getByRole('tablist', { name: 'Timeline views' }).getByRole('tab', { name: 'Events' }).click();
  const events = page.getByRole('region', { name: 'Events list' });
  await events.getByRole('columnheader', { name: 'LAST SEEN' }).waitFor();
  assert.ok((await events.getByRole('cell', { name: 'Scheduled', exact: true }).count()) > 0);
  assert.match((await events.textContent()) ?? '', /\$ kubectl get events -A/);
  assert.deepEqual(await timelineViolations(page), [], 'the Events list passes axe');

  assert.deepEqual(app.errors, []);
  await app.close();
});
