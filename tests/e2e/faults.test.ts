/**
 * Faults from the canvas context menu: kill a running Pod's container and see its restart count
 * rise as the timeline steps on; cordon a Node from its menu (keyboard: Shift+F10) and see
 * `SchedulingDisabled`.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import { applyYaml, closeAll, openApp, until } from './harness';

after(closeAll);

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27
      livenessProbe:
        httpGet: { path: /, port: 80 }
`;


/** Steps forward one Step at a time until the check holds. */
async function stepUntil(page: Page, what: string, check: () => Promise<boolean>): Promise<void> {
  const forward = page.getByRole('button', { name: 'Step forward' });
  for (let i = 0; i < 300 && !(await check()); i++) await forward.click();
  assert.ok(await check(), what);
}

const podCard = (page: Page) => page.getByRole('button', { name: /^Pod web,/ });

test('kill a container from the context menu, then cordon a Node by keyboard', async () => {
  const { page } = await openApp();
  await page.getByRole('button', { name: 'Reset cluster' }).click();
  await applyYaml(page, POD);
  await stepUntil(page, 'Pod web is Running and ready', async () =>
    (await page.getByRole('button', { name: /^Pod web, Running, ready 1\/1/ }).count()) === 1);

  // right-click the Pod: its menu, with the container's faults
  await podCard(page).click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Actions for Pod web' });
  await menu.waitFor();
  assert.equal(await menu.getByRole('menuitem', { name: 'Make liveness probe fail' }).count(), 1);
  assert.equal(await menu.getByRole('menuitem', { name: 'Make readiness probe fail' }).count(), 0, 'only the probes the container has');
  await page.keyboard.press('Escape');
  await until('the menu closes on Escape', async () => (await menu.count()) === 0);

  await podCard(page).click({ button: 'right' });
  await menu.getByRole('menuitem', { name: 'Kill container app…' }).click();
  const form = page.getByRole('form', { name: 'Kill container app' });
  assert.equal(await form.getByRole('spinbutton', { name: 'Exit code' }).inputValue(), '137');
  await form.getByRole('button', { name: 'Kill' }).click();
  await stepUntil(page, 'the restart count rises to 1', async () => (await podCard(page).getByText('↻ 1').count()) === 1);

  // keyboard: focus the Node box, Shift+F10 opens its menu, arrows and Enter pick Cordon
  const nodeName = 'node-1';
  const nodeBox = page.locator(`.react-flow__node[aria-label="Node ${nodeName}"]`);
  await nodeBox.focus();
  await page.keyboard.press('Shift+F10');
  const nodeMenu = page.getByRole('menu', { name: `Actions for Node ${nodeName}` });
  await nodeMenu.waitFor();
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Cordon');
  await page.keyboard.press('Enter');
  await until('the Node shows SchedulingDisabled', async () =>
    (await page.locator(`.react-flow__node[aria-label="Node ${nodeName}"]`).getByText(/SchedulingDisabled/).count()) > 0);
  assert.equal(await nodeMenu.count(), 0);
});
