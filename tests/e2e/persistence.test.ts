import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { DEMO_MANIFEST } from '../../src/demo/demoManifest';
import { EDITOR_TEXT_KEY } from '../../src/store/persistence';
import { closeAll, loadYaml, openApp, readObjects, readState, waitForEditor } from './harness';

after(closeAll);

const MY_POD = `apiVersion: v1
kind: Pod
metadata:
  name: kept
spec:
  containers:
    - name: app
      image: nginx:1.27
`;

test('edited text survives a reload, and is applied at start instead of the demo', async () => {
  const app = await openApp();
  await loadYaml(app.page, MY_POD, 'kept.yaml');
  // The save is debounced: wait until it is stored, then reload.
  await app.page.waitForFunction(([key, text]) => localStorage.getItem(key) === text, [EDITOR_TEXT_KEY, MY_POD] as const);
  await app.page.reload();
  await waitForEditor(app.page);
  const state = await readState(app.page);
  assert.equal(state.editorText, MY_POD);
  assert.equal(await app.page.evaluate(() => window.__kubePlayground?.editorModelText?.()), MY_POD);
  assert.ok((await readObjects(app.page, 'Pod')).includes('default/kept'), 'the saved text was applied at start');
  assert.deepEqual(await readObjects(app.page, 'Deployment'), [], 'the demo was not applied');
  assert.deepEqual(app.errors, []);
  await app.close();
});

test('keystrokes typed just before a reload are kept', async () => {
  const app = await openApp();
  const editor = app.page.getByRole('textbox', { name: 'Kubernetes YAML editor' }).first();
  await editor.focus();
  await app.page.keyboard.press('Control+Home');
  await app.page.keyboard.type('#edited');
  await app.page.waitForFunction(() => window.__kubePlayground?.state?.().editorText.startsWith('#edited'));
  await app.page.reload(); // no wait for the debounce: the page-hide flush must save it
  await waitForEditor(app.page);
  const state = await readState(app.page);
  assert.equal(state.editorText, `#edited${DEMO_MANIFEST}`);
  await app.close();
});

test('saved text that does not apply is restored with its errors, and nothing is applied', async () => {
  const app = await openApp();
  const broken = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: no-image\nspec:\n  containers:\n    - name: app\n';
  await loadYaml(app.page, broken);
  await app.page.waitForFunction(([key, text]) => localStorage.getItem(key) === text, [EDITOR_TEXT_KEY, broken] as const);
  await app.page.reload();
  await waitForEditor(app.page);
  assert.equal((await readState(app.page)).editorText, broken);
  await app.page.getByRole('alert', { name: 'Apply errors' }).getByText('Required value').waitFor();
  assert.deepEqual(await readObjects(app.page, 'Pod'), []);
  assert.deepEqual(await readObjects(app.page, 'Deployment'), []);
  await app.close();
});
