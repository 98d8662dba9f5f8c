/**
 * A Pod's life on the canvas, Step by Step: applied, it waits in the Unscheduled lane, is bound to a
 * Node, gets its sandbox (pause container with the Pod IP), and runs; stepping back shows the
 * earlier state again.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { applyYaml, closeAll, openApp, readState, until } from './harness';

after(closeAll);

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: lifecycle
spec:
  containers:
    - name: nginx
      image: nginx:1.27
`;

const IPV4 = /(?<![\d.])\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?![\d.])/;
const MAX_STEPS = 300;

/** Polls a condition (a rendered fact, never a fixed delay) until it holds. */

function podElement(page: Page): Locator {
  return page.getByRole('button', { name: /^Pod lifecycle, / });
}

async function podName(page: Page): Promise<string> {
  return (await podElement(page).getAttribute('aria-label')) ?? '';
}

/** Presses a Timeline button and waits until the cursor has moved. */
async function press(page: Page, name: 'Step forward' | 'Step back'): Promise<void> {
  const before = (await readState(page)).cursor;
  await page.getByRole('button', { name, exact: true }).click();
  await until(`"${name}" moved the cursor`, async () => (await readState(page)).cursor !== before);
}

/** Whether the element's box lies inside the box of the named group (Node box or lane), read in one frame. */
async function inside(element: Locator, groupName: string): Promise<boolean> {
  return element.evaluate((el, name) => {
    const group = [...document.querySelectorAll('[role="group"]')].find((g) => g.getAttribute('aria-label') === name);
    if (!group) return false;
    const a = el.getBoundingClientRect();
    const b = group.getBoundingClientRect();
    return a.left >= b.left - 1 && a.top >= b.top - 1 && a.right <= b.right + 1 && a.bottom <= b.bottom + 1;
  }, groupName);
}

test('a Pod goes from Pending to Running Step by Step, and Step back shows the earlier state', async () => {
  const app = await openApp();
  const { page } = app;
  await applyYaml(page, POD);
  await podElement(page).waitFor();

  // Step forward until the canvas shows the Pod Running, noting a Step where it was still Pending.
  let pendingAt: number | undefined;
  let unscheduledSeen = false;
  for (let i = 0; i < MAX_STEPS && !(await podName(page)).startsWith('Pod lifecycle, Running'); i++) {
    const name = await podName(page);
    if (name.startsWith('Pod lifecycle, Pending')) pendingAt = (await readState(page)).cursor;
    if (!unscheduledSeen && (await inside(podElement(page), 'Unscheduled'))) unscheduledSeen = true;
    await press(page, 'Step forward');
  }
  const running = page.getByRole('button', { name: 'Pod lifecycle, Running, ready 1/1', exact: true });
  await running.waitFor();
  assert.ok(pendingAt !== undefined, 'the Pod was seen Pending before it ran');
  assert.ok(unscheduledSeen, 'the Pod waited in the Unscheduled lane before it was bound');

  // Running: on a Node, its app container running, its pause container holding the Pod IP.
  await running.getByRole('group', { name: 'container nginx (running)', exact: true }).waitFor();
  const pause = running.getByRole('group', { name: 'pause container', exact: true });
  assert.match((await pause.textContent()) ?? '', IPV4);
  const nodes = await page.getByRole('group', { name: /^Node node-\d+$/ }).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  assert.ok(nodes.length >= 1, 'the canvas shows the Nodes');
  await until('the running Pod sits inside a Node box', async () => {
    for (const node of nodes) if (await inside(running, node)) return true;
    return false;
  });

  // Step back to the Step where it was Pending: the canvas shows that state again.
  while ((await readState(page)).cursor > pendingAt!) await press(page, 'Step back');
  await until('the Pod shows its earlier, Pending state', async () => (await podName(page)).startsWith('Pod lifecycle, Pending'));
  const earlier = await podName(page);
  assert.match(earlier, /^Pod lifecycle, Pending(, (ContainerCreating|Pending))?, ready 0\/1$/);
  const container = podElement(page).getByRole('group', { name: /^container nginx \(waiting(: ContainerCreating)?\)$/ });
  await container.waitFor();

  assert.deepEqual(app.errors, []);
  await app.close();
});
