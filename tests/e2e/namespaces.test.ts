/**
 * Namespaces: create one with a Pod and a ConfigMap, pick it in the namespace picker (the graph
 * shows only its objects), group the graph by namespace, delete the Namespace from the inspector,
 * see it Terminating, then its objects leave the graph.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import { applyYaml, closeAll, openApp, readObjects, stopPlayback, until } from './harness';

after(closeAll);

const MANIFEST = `apiVersion: v1
kind: Namespace
metadata:
  name: team-a
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: team-a
data:
  COLOR: blue
---
apiVersion: v1
kind: Pod
metadata:
  name: api
  namespace: team-a
spec:
  containers:
    - name: app
      image: nginx:1.27
      envFrom:
        - configMapRef: { name: settings }
---
apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: nginx
      image: nginx:1.27
`;


async function playUntil(page: Page, what: string, check: () => Promise<boolean>): Promise<void> {
  await page.getByRole('slider', { name: 'Speed' }).fill('20');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await until(what, check, 60_000);
  // playback may stop by itself at any moment (nothing left to do), so a missing Pause button is fine
  await stopPlayback(page);
}

test('pick a namespace, delete it from the inspector, and watch its objects leave the graph', async () => {
  const app = await openApp();
  const { page } = app;
  await page.getByRole('button', { name: 'Reset cluster' }).click();
  await applyYaml(page, MANIFEST);

  const canvas = page.getByRole('region', { name: 'Cluster graph' });
  const api = canvas.getByRole('button', { name: /^Pod api, Running/ });
  const web = canvas.getByRole('button', { name: /^Pod web,/ });
  await playUntil(page, 'both Pods run', async () => (await api.count()) === 1 && (await canvas.getByRole('button', { name: /^Pod web, Running/ }).count()) === 1);

  // Pick team-a: only its objects are drawn (the Nodes stay).
  const picker = page.getByRole('banner').getByRole('combobox', { name: 'Namespace' });
  assert.equal(await picker.inputValue(), '');
  const options = await picker.locator('option').allTextContents();
  assert.deepEqual(options, ['All namespaces', 'default', 'kube-node-lease', 'kube-public', 'kube-system', 'team-a']);
  await picker.selectOption('team-a');
  await until('the default Pod leaves the graph', async () => (await web.count()) === 0);
  assert.equal(await api.count(), 1);
  await canvas.getByRole('button', { name: 'ConfigMap settings', exact: true }).waitFor();
  assert.equal(await canvas.getByRole('group', { name: /^Node node-\d+$/ }).count(), 3);

  // Grouped by namespace: a box for team-a around its Pod.
  await canvas.getByRole('switch', { name: 'Group by namespace' }).click();
  const box = canvas.getByRole('group', { name: 'Namespace team-a, Active', exact: true });
  await box.waitFor();

  // Delete the Namespace from the inspector.
  await page.getByRole('banner').getByRole('button', { name: 'Inspect Namespace team-a' }).click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await until('the inspector shows the Namespace', async () => /Namespace\s*team-a/.test((await inspector.textContent()) ?? ''));
  await inspector.getByRole('button', { name: 'Actions', exact: true }).click();
  await inspector.getByRole('button', { name: 'Delete', exact: true }).click();
  await inspector.getByRole('button', { name: 'Confirm delete' }).click();
  const output = inspector.getByRole('status', { name: 'Command output' });
  await until('kubectl says it deleted', async () => /namespace "team-a" deleted/.test((await output.textContent()) ?? ''));

  // Terminating: in the picker and on its box, its Pod still there while the controller works.
  await until('the namespace is Terminating', async () =>
    (await picker.locator('option:checked').textContent()) === 'team-a (Terminating)' &&
    (await canvas.getByRole('group', { name: 'Namespace team-a, Terminating', exact: true }).count()) === 1);
  assert.equal(await api.count(), 1);

  // The namespace controller deletes its content; the Pod and the ConfigMap leave the graph.
  await playUntil(page, 'its objects are gone', async () =>
    (await canvas.getByRole('button', { name: /^Pod api,/ }).count()) === 0 &&
    (await canvas.getByRole('button', { name: 'ConfigMap settings', exact: true }).count()) === 0 &&
    !(await readObjects(page, 'Namespace')).some((n) => n.endsWith('team-a')));
  assert.equal(await picker.locator('option:checked').textContent(), 'team-a (not found)');
  assert.deepEqual((await readObjects(page, 'Pod')).filter((p) => p.startsWith('team-a/')), []);

  // All namespaces again: the default Pod is back, untouched.
  await picker.selectOption('');
  await web.waitFor();
  assert.match((await web.getAttribute('aria-label')) ?? '', /^Pod web, Running/);

  assert.deepEqual(app.errors, []);
  await app.close();
});
