/**
 * Commands from the inspector: scale a Deployment to 5 and see 5 Pods; delete it with
 * Cascade "Orphan" (keyboard only, through the confirmation) and see its ReplicaSet and Pods stay.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import { applyYaml, closeAll, openApp, readObjects, readState, stopPlayback, until } from './harness';

after(closeAll);

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
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
          image: nginx:1.27
`;


async function playUntil(page: Page, what: string, check: () => Promise<boolean>): Promise<void> {
  await page.getByRole('slider', { name: 'Speed' }).fill('20');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await until(what, check, 60_000);
  // playback stops by itself once nothing is left to do
  await stopPlayback(page);
}

/** Names of the web Pods on the canvas that are Running and ready. */
async function runningPods(page: Page): Promise<string[]> {
  const labels = await page.getByRole('button', { name: /^Pod web-/ }).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  return labels.filter((l) => /, Running, ready 1\/1/.test(l)).map((l) => /^Pod (\S+),/.exec(l)![1]).sort();
}

test('scale to 5 from the inspector, then delete with Cascade Orphan keeps the Pods', async () => {
  const app = await openApp();
  const { page } = app;
  await page.getByRole('button', { name: 'Reset cluster' }).click();
  await applyYaml(page, DEPLOYMENT);
  await playUntil(page, 'Deployment web has 3 ready Pods', async () =>
    (await page.getByRole('button', { name: 'Deployment web, 3/3 ready' }).count()) === 1);

  // Scale: the Replicas field starts at spec.replicas.
  await page.getByRole('button', { name: /^Deployment web, / }).click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  const toggle = inspector.getByRole('button', { name: 'Actions', exact: true });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await toggle.click();
  const replicas = inspector.getByRole('spinbutton', { name: 'Replicas' });
  assert.equal(await replicas.inputValue(), '3');
  await replicas.fill('5');
  await inspector.getByRole('button', { name: 'Scale', exact: true }).click();
  const output = inspector.getByRole('status', { name: 'Command output' });
  await until('kubectl says it scaled', async () => /deployment\.apps\/web scaled/.test((await output.textContent()) ?? ''));
  assert.match((await output.textContent()) ?? '', /kubectl scale deployment\/web --replicas=5/);
  const state = await readState(page);
  assert.equal(state.following, true);
  assert.equal(state.cursor, state.stepCount - 1);

  await playUntil(page, '5 Pods run', async () => (await runningPods(page)).length === 5 &&
    (await page.getByRole('button', { name: 'Deployment web, 5/5 ready' }).count()) === 1);
  const pods = await runningPods(page);
  assert.equal(pods.length, 5);

  // Delete, by keyboard: choose Orphan, press Delete, Escape cancels, Delete again, confirm.
  await inspector.getByRole('combobox', { name: 'Cascade' }).selectOption('Orphan');
  const del = inspector.getByRole('button', { name: 'Delete', exact: true });
  await del.focus();
  await page.keyboard.press('Enter');
  const confirm = inspector.getByRole('button', { name: 'Confirm delete' });
  await until('the confirmation has focus', async () => confirm.evaluate((el) => el === document.activeElement).catch(() => false));
  assert.match((await inspector.getByRole('group', { name: 'Confirm deleting Deployment web' }).textContent()) ?? '',
    /kubectl delete deployment web --cascade=orphan/);
  await page.keyboard.press('Escape');
  await until('Escape cancelled', async () => (await confirm.count()) === 0);
  assert.deepEqual(await readObjects(page, 'Deployment'), ['default/web']);
  await until('focus is back on Delete', async () => del.evaluate((el) => el === document.activeElement));
  await page.keyboard.press('Enter');
  await until('the confirmation has focus again', async () => confirm.evaluate((el) => el === document.activeElement).catch(() => false));
  await page.keyboard.press('Enter');
  await until('kubectl says it deleted', async () => /deployment\.apps "web" deleted/.test((await output.textContent()) ?? ''));
  assert.match((await output.textContent()) ?? '', /kubectl delete deployment web --cascade=orphan/);

  // The Deployment goes; its ReplicaSet and all 5 Pods stay, no longer owned.
  await playUntil(page, 'the Deployment is gone from the canvas', async () =>
    (await page.getByRole('button', { name: /^Deployment web, / }).count()) === 0 && (await readObjects(page, 'Deployment')).length === 0);
  const forward = page.getByRole('button', { name: 'Step forward', exact: true });
  for (let i = 0; i < 30 && (await forward.isEnabled()); i++) await forward.click(); // let the garbage collector act
  assert.equal(await page.getByRole('button', { name: /^ReplicaSet web-/ }).count(), 1);
  assert.deepEqual(await runningPods(page), pods);
  assert.deepEqual((await readObjects(page, 'Pod')).sort(), pods.map((p) => `default/${p}`));
  assert.match((await inspector.textContent()) ?? '', /Deployment web does not exist at Step \d+/);
  assert.match((await output.textContent()) ?? '', /deployment\.apps "web" deleted/);

  assert.deepEqual(app.errors, []);
  await app.close();
});
