import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { DEMO_MANIFEST } from '../../src/demo/demoManifest';
import { applyYaml, closeAll, dropYaml, loadYaml, openApp, readObjects, readState, waitForMarkers, type App } from './harness';

after(closeAll);

const POD_YAML = `apiVersion: v1
kind: Pod
metadata:
  name: hello
  labels:
    app: hello
spec:
  containers:
    - name: app
      image: busybox:1.36
      command: ["sh", "-c", "echo hello && sleep 3600"]
`;

/** Line 5 has an unclosed flow sequence: the YAML does not parse. */
const SYNTAX_ERROR_YAML = `apiVersion: v1
kind: Pod
metadata:
  name: broken
  labels: [app: broken
spec:
  containers:
    - name: app
      image: nginx:1.27
`;

/** Parses, but the API server rejects it: a container without an image. */
const NO_IMAGE_YAML = `apiVersion: v1
kind: Pod
metadata:
  name: no-image
spec:
  containers:
    - name: app
`;

/** Valid YAML whose spec.replicas has the wrong type: the schema (monaco-yaml) flags it on line 6. */
const SCHEMA_INVALID_YAML = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: typo
spec:
  replicas: three
  selector:
    matchLabels:
      app: typo
  template:
    metadata:
      labels:
        app: typo
    spec:
      containers:
        - name: app
          image: nginx:1.27
`;

const KINDS = ['Pod', 'Deployment', 'ReplicaSet', 'Service'];
const alert = (app: App) => app.page.getByRole('alert', { name: 'Apply errors' });
const applyResult = (app: App) => app.page.getByRole('status', { name: 'Apply result' });
const canvas = (app: App) => app.page.getByRole('main', { name: 'Cluster' });

function assertClean(app: App) {
  assert.deepEqual(app.errors, [], 'no page or console errors');
  assert.deepEqual(app.offsiteRequests, [], 'nothing loads from the network');
}

/** A failed apply shows the API message in the alert and a marker, and changes nothing. */
async function assertRejected(app: App, expectedMessage: RegExp, objectKind: string, objectName: string) {
  const before = await readState(app.page);
  const objectsBefore = await Promise.all(KINDS.map((k) => readObjects(app.page, k)));
  await app.page.getByRole('button', { name: 'Apply', exact: true }).click();
  await alert(app).waitFor();
  const text = (await alert(app).textContent()) ?? '';
  assert.match(text, expectedMessage);
  const after = await readState(app.page);
  assert.ok(after.problems.length > 0);
  for (const p of after.problems) assert.ok(text.includes(p.message), `the alert shows "${p.message}"`);
  const markers = await waitForMarkers(app.page, 'kubectl-apply');
  assert.ok(markers.some((m) => expectedMessage.test(m.message)), 'a marker carries the API message');
  assert.equal(after.stepCount, before.stepCount, 'no Step was recorded');
  assert.deepEqual(await Promise.all(KINDS.map((k) => readObjects(app.page, k))), objectsBefore, 'no object changed');
  assert.ok(!(await readObjects(app.page, objectKind)).includes(`default/${objectName}`));
  assert.equal(await applyResult(app).count(), 0, 'no success summary is shown');
}

test('the demo loads: the editor holds it, it is applied, the canvas shows the Nodes', async () => {
  const app = await openApp();
  const state = await readState(app.page);
  assert.equal(state.editorText, DEMO_MANIFEST);
  assert.equal(state.playing, false);
  assert.equal(state.cursor, state.stepCount - 1, 'paused at the newest Step');
  for (const node of ['node-1', 'node-2', 'node-3']) await canvas(app).getByRole('group', { name: `Node ${node}` }).waitFor();
  assert.match((await applyResult(app).textContent()) ?? '', /deployment\.apps\/web created.*service\/web created/s);
  assert.deepEqual(await readObjects(app.page, 'Deployment'), ['default/web']);
  assertClean(app);
  await app.close();
});

test('a Pod file opened through "Open YAML file" and applied appears', async () => {
  const app = await openApp();
  await applyYaml(app.page, POD_YAML, 'hello-pod.yaml');
  await applyResult(app).getByText('pod/hello created').waitFor();
  assert.ok((await readObjects(app.page, 'Pod')).includes('default/hello'));
  await canvas(app).getByRole('button', { name: /^Pod hello,/ }).waitFor();
  // Applying the same text again changes nothing, as kubectl reports.
  await app.page.getByRole('button', { name: 'Apply', exact: true }).click();
  await applyResult(app).getByText('pod/hello unchanged').waitFor();
  assertClean(app);
  await app.close();
});

test('a YAML syntax error shows the error in the alert and a marker, and changes nothing', async () => {
  const app = await openApp();
  await loadYaml(app.page, SYNTAX_ERROR_YAML);
  await assertRejected(app, /yaml/i, 'Pod', 'broken');
  const [marker] = await waitForMarkers(app.page, 'kubectl-apply');
  assert.ok(marker.startLineNumber >= 5, `the marker is at the error (line ${marker.startLineNumber})`);
  await app.close();
});

test('an invalid object (a Pod without image) shows the API error, a marker, and changes nothing', async () => {
  const app = await openApp();
  await loadYaml(app.page, NO_IMAGE_YAML);
  await assertRejected(app, /spec\.containers\[0\]\.image: Required value/, 'Pod', 'no-image');
  // The problem's location is a button that moves the editor's cursor there.
  const { line, column } = (await readState(app.page)).problems[0];
  assert.ok(line !== undefined, 'the API error has a line');
  await alert(app).getByRole('button', { name: new RegExp(`^line ${line}`) }).click();
  await app.page.waitForFunction((l) => window.__kubePlayground?.editorCursor?.()?.lineNumber === l, line);
  assert.equal((await app.page.evaluate(() => window.__kubePlayground?.editorCursor?.()))?.column, column ?? 1);
  // Fixing the text and applying clears the problems.
  await loadYaml(app.page, POD_YAML);
  await app.page.getByRole('button', { name: 'Apply', exact: true }).click();
  await applyResult(app).getByText('pod/hello created').waitFor();
  assert.equal(await alert(app).count(), 0);
  assert.deepEqual((await waitForMarkersOrNone(app)).filter((m) => m.owner === 'kubectl-apply'), []);
  await app.close();
});

test('a schema-invalid field gets a monaco-yaml marker (the YAML worker is alive)', async () => {
  const app = await openApp();
  await loadYaml(app.page, SCHEMA_INVALID_YAML);
  const handle = await app.page.waitForFunction(
    () => {
      const markers = window.__kubePlayground?.markers?.().filter((m) => m.owner === 'yaml') ?? [];
      return markers.some((m) => m.startLineNumber === 6) ? markers : null;
    },
    null,
    { timeout: 20_000 },
  );
  const markers = (await handle.jsonValue()) as { startLineNumber: number; message: string }[];
  // Only the wrong field is flagged: the schema resolves everywhere else (no spurious markers).
  assert.deepEqual(
    markers.filter((m) => m.startLineNumber !== 6),
    [],
    `only spec.replicas (line 6) is flagged; got ${JSON.stringify(markers)}`,
  );
  assertClean(app);
  await app.close();
});

test('a file dropped onto the editor replaces the text; Ctrl+S applies it', async () => {
  const app = await openApp();
  await dropYaml(app.page, POD_YAML, 'dropped.yaml');
  await app.page.waitForFunction((t) => window.__kubePlayground?.editorModelText?.() === t, POD_YAML);
  await app.page.getByRole('textbox', { name: 'Kubernetes YAML editor' }).first().focus();
  await app.page.keyboard.press('Control+s');
  await applyResult(app).getByText('pod/hello created').waitFor();
  assertClean(app);
  await app.close();
});

test('"Reset cluster" starts again with only the Nodes and keeps the editor text', async () => {
  const app = await openApp();
  await applyYaml(app.page, POD_YAML);
  await applyResult(app).getByText('pod/hello created').waitFor();
  await app.page.getByRole('button', { name: 'Reset cluster' }).click();
  await app.page.waitForFunction(() => window.__kubePlayground?.objects?.('Pod').length === 0);
  assert.deepEqual(await readObjects(app.page, 'Deployment'), []);
  assert.deepEqual(await readObjects(app.page, 'Node'), ['node-1', 'node-2', 'node-3']);
  await canvas(app).getByRole('group', { name: 'Node node-1' }).waitFor();
  assert.equal((await readState(app.page)).editorText, POD_YAML);
  assert.equal(await applyResult(app).count(), 0);
  assertClean(app);
  await app.close();
});

async function waitForMarkersOrNone(app: App) {
  return app.page.evaluate(() => window.__kubePlayground?.markers?.() ?? []);
}

test("the first screen's JS stays within 250 KB gzip; Monaco loads lazily in its own chunk", async () => {
  const { gzipSync } = await import('node:zlib');
  const app = await openApp();
  const html = await (await fetch(app.url)).text();
  if (html.includes('/@vite/client')) return; // a dev server serves unbundled modules: nothing to measure
  const firstScreen = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g)].map((m) => m[1]);
  assert.ok(firstScreen.length > 0, 'index.html loads a script');
  let gzipBytes = 0;
  for (const path of firstScreen) {
    const body = Buffer.from(await (await fetch(new URL(path, app.url))).arrayBuffer());
    assert.ok(!body.includes('MonacoEnvironment'), `${path} holds no Monaco`);
    gzipBytes += gzipSync(body).length;
  }
  assert.ok(gzipBytes <= 250 * 1024, `first-screen JS is ${(gzipBytes / 1024).toFixed(0)} KB gzip`);
  await app.close();
});
