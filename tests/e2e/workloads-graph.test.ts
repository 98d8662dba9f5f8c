/**
 * Workloads and Services on the canvas: a Deployment and a Service applied, stepped until ready,
 * show as `Deployment web, 3/3 ready` over its ReplicaSet, with ownership edges down to the Pods
 * and the Service linked to its 3 endpoint Pods; "Show ownership" hides and shows the owner edges.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import { applyYaml, closeAll, openApp, readState, until } from './harness';

after(closeAll);

const MANIFEST = `apiVersion: apps/v1
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
          ports:
            - containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
`;

const MAX_STEPS = 400;


/** Accessible names of the edges drawn on the canvas (React Flow renders only edges it could place). */
function edgeNames(page: Page): Promise<string[]> {
  return page.locator('.react-flow__edge[aria-roledescription="edge"]').evaluateAll((els) =>
    els.filter((e) => e.querySelector('path.react-flow__edge-path')?.getAttribute('d')).map((e) => e.getAttribute('aria-label') ?? ''));
}

async function stepUntil(page: Page, what: string, done: () => Promise<boolean>): Promise<void> {
  const forward = page.getByRole('button', { name: 'Step forward', exact: true });
  for (let i = 0; i < MAX_STEPS && !(await done()); i++) {
    const before = (await readState(page)).cursor;
    await forward.click();
    await until('the cursor moved', async () => (await readState(page)).cursor !== before);
  }
  assert.ok(await done(), `within ${MAX_STEPS} Steps: ${what}`);
}

test('a Deployment and its Service: owner edges down to the Pods, the Service linked to 3 ready Pods', async () => {
  const app = await openApp();
  const { page } = app;
  await page.getByRole('button', { name: 'Reset cluster' }).click();
  await applyYaml(page, MANIFEST);

  const deployment = page.getByRole('button', { name: 'Deployment web, 3/3 ready', exact: true });
  await stepUntil(page, 'the Deployment is 3/3 ready', async () => (await deployment.count()) === 1);
  const rsButton = page.getByRole('button', { name: /^ReplicaSet web-[bcdf2-9]+, 3 of 3 ready$/ });
  await until('the ReplicaSet shows 3 of 3 ready', async () => (await rsButton.count()) === 1);
  const rs = /^ReplicaSet (\S+),/.exec((await rsButton.getAttribute('aria-label')) ?? '')![1];
  await stepUntil(page, 'the Service routes to 3 ready Pods', async () =>
    (await edgeNames(page)).filter((n) => /^Service web routes to Pod .*, ready$/.test(n)).length === 3);

  // The Pods, each with the revision it runs.
  const pods = await page.getByRole('button', { name: /^Pod web-/ }).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  assert.equal(pods.length, 3);
  for (const p of pods) assert.match(p, new RegExp(`^Pod ${rs}-\\w+, Running, ready 1/1, rev 1$`));
  const podNames = pods.map((p) => /^Pod (\S+),/.exec(p)![1]).sort();

  // Ownership: Deployment → ReplicaSet → each Pod; the Service → each Pod.
  const edges = await edgeNames(page);
  assert.deepEqual(edges.filter((n) => n.startsWith('Deployment web owns')), [`Deployment web owns ReplicaSet ${rs}`]);
  assert.deepEqual(edges.filter((n) => n.startsWith(`ReplicaSet ${rs} owns`)).sort(), podNames.map((p) => `ReplicaSet ${rs} owns Pod ${p}`));
  assert.deepEqual(edges.filter((n) => n.startsWith('Service web')).sort(), podNames.map((p) => `Service web routes to Pod ${p}, ready`));
  const service = page.getByRole('button', { name: /^Service web, ClusterIP \d+\.\d+\.\d+\.\d+$/ });
  await service.waitFor();
  assert.match((await service.textContent()) ?? '', /3 ready/);

  // "Show ownership" off hides the owner edges only; on brings them back.
  const ownership = page.getByRole('switch', { name: 'Show ownership' });
  assert.equal(await ownership.getAttribute('aria-checked'), 'true');
  await ownership.click();
  assert.equal(await ownership.getAttribute('aria-checked'), 'false');
  await until('the owner edges are hidden', async () => (await edgeNames(page)).every((n) => !n.includes(' owns ')));
  assert.equal((await edgeNames(page)).filter((n) => n.startsWith('Service web routes to')).length, 3);
  await ownership.click();
  await until('the owner edges are back', async () => (await edgeNames(page)).filter((n) => n.includes(' owns ')).length === 4);

  // The Deployment is selectable like a Pod.
  await deployment.click();
  await until('the Deployment is selected', async () => (await deployment.getAttribute('aria-pressed')) === 'true');

  assert.deepEqual(app.errors, []);
  await app.close();
});
