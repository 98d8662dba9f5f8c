/**
 * Sessions in the browser: a share link copied from one page opens in another (fresh storage) on
 * the same Step with the same objects; a damaged link changes nothing; an exported session file
 * imports into a fresh page; the session survives a reload.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import { applyYaml, closeAll, openApp, readObjects, readState, until, waitForEditor } from './harness';

after(closeAll);

const SHARED = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shared
spec:
  replicas: 2
  selector:
    matchLabels:
      app: shared
  template:
    metadata:
      labels:
        app: shared
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;


/** Clicks Step forward `n` times, each time waiting for the cursor to move. */
async function stepForward(page: Page, n: number): Promise<void> {
  const forward = page.getByRole('button', { name: 'Step forward', exact: true });
  for (let i = 0; i < n; i++) {
    const before = (await readState(page)).cursor;
    await forward.click();
    await until('the cursor moved', async () => (await readState(page)).cursor === before + 1);
  }
}

/** What must be the same on both sides of a link: the Step, the Steps, the objects, the editor. */
async function moment(page: Page) {
  const s = await readState(page);
  return {
    cursor: s.cursor,
    stepCount: s.stepCount,
    editorText: s.editorText,
    pods: await readObjects(page, 'Pod'),
    deployments: await readObjects(page, 'Deployment'),
    highlighted: await page.getByRole('list', { name: 'Steps' }).locator('[aria-current="step"]').textContent(),
  };
}

test('a share link opens the same cluster at the same Step in a new page', async () => {
  const a = await openApp();
  await a.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(a.url).origin });
  await applyYaml(a.page, SHARED, 'shared.yaml');
  await until('the apply went through', async () => (await readObjects(a.page, 'Deployment')).includes('default/shared'));
  await stepForward(a.page, 10);
  const original = await moment(a.page);

  await a.page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = a.page.getByRole('dialog', { name: 'Share this moment' });
  const link = await dialog.getByRole('textbox', { name: 'Share link' }).inputValue();
  assert.match(link, /#s=[A-Za-z0-9_-]+$/);
  assert.ok(link.length < 2000, `a short link (${link.length} characters)`);
  await dialog.getByText('Link copied to the clipboard.').waitFor();
  assert.equal(await a.page.evaluate(() => navigator.clipboard.readText()), link);
  await dialog.getByRole('button', { name: 'Done' }).click();

  // Another browser context (nothing saved) loads the link in a new page.
  const b = await openApp();
  const page = await b.context.newPage();
  await page.goto(link);
  await waitForEditor(page);
  await page.getByRole('status', { name: 'Session' }).getByText(/^Opened the share link/).waitFor();
  assert.deepEqual(await moment(page), original);
  assert.equal(new URL(page.url()).hash, '', 'the session leaves the address bar once opened');

  // A reload keeps the opened session (saved locally), on the same Step.
  await page.reload();
  await waitForEditor(page);
  assert.deepEqual(await moment(page), original);
  assert.deepEqual([...a.errors, ...b.errors], []);
  await a.close();
  await b.close();
});

test('a damaged link is explained and changes nothing', async () => {
  const app = await openApp();
  await stepForward(app.page, 3);
  const before = await moment(app.page);
  // pasted into the address bar of the open page: only the fragment changes
  await app.page.goto(`${app.url}#s=dVNNb9swDP0rhHrZADuL08My3QZstxUI0GGXpgfF5hyt1`);
  await app.page.getByRole('alert', { name: 'Session' }).getByText(/^The share link cannot be opened: .*Nothing was changed\.$/).waitFor();
  assert.deepEqual(await moment(app.page), before);
  await app.close();
});

test('an exported session file imports into a fresh page at the same Step', async () => {
  const a = await openApp();
  await stepForward(a.page, 12);
  const original = await moment(a.page);
  const [download] = await Promise.all([
    a.page.waitForEvent('download'),
    a.page.getByRole('button', { name: 'Export session' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), `kube-playground-step-${original.cursor}.kubeplay.json`);
  const text = await readFile((await download.path())!, 'utf8');
  assert.equal(JSON.parse(text).format, 'kube-playground-session');

  const b = await openApp();
  const input = b.page.getByLabel('Import session');
  await input.setInputFiles({ name: 'not-a-session.json', mimeType: 'application/json', buffer: Buffer.from('{"kind":"Pod"}') });
  await b.page.getByRole('alert', { name: 'Session' }).getByText(/not a Kube Playground session/).waitFor();
  await input.setInputFiles({ name: 'lesson.kubeplay.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await b.page.getByRole('status', { name: 'Session' }).getByText('Opened the file “lesson.kubeplay.json”', { exact: false }).waitFor();
  assert.deepEqual(await moment(b.page), original);
  await a.close();
  await b.close();
});
