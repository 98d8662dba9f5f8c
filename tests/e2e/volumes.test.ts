/**
 * Volumes on the canvas: a two-container Pod sharing an emptyDir shows one volume linked to both
 * containers (each line labelled with its mount path); its PersistentVolumeClaim, bound through
 * the default StorageClass, shows claim → volume → class; clicking a container shows its
 * environment in the inspector, the Secret value masked until "Reveal secrets".
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import { applyYaml, closeAll, openApp, stopPlayback, until } from './harness';

after(closeAll);

const MANIFEST = `apiVersion: v1
kind: Secret
metadata:
  name: creds
stringData:
  password: hunter2
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
---
apiVersion: v1
kind: Pod
metadata:
  name: shared
spec:
  containers:
    - name: writer
      image: nginx:1.27
      env:
        - name: PASSWORD
          valueFrom:
            secretKeyRef: { name: creds, key: password }
        - name: POD_IP
          valueFrom:
            fieldRef: { fieldPath: status.podIP }
      volumeMounts:
        - { name: scratch, mountPath: /out }
        - { name: data, mountPath: /data }
    - name: reader
      image: nginx:1.27
      volumeMounts:
        - { name: scratch, mountPath: /in, readOnly: true }
  volumes:
    - name: scratch
      emptyDir: {}
    - name: data
      persistentVolumeClaim:
        claimName: data
`;


async function playUntil(page: Page, what: string, check: () => Promise<boolean>): Promise<void> {
  await page.getByRole('slider', { name: 'Speed' }).fill('20');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await until(what, check, 60_000);
  // playback may stop by itself at any moment (nothing left to do), so a missing Pause button is fine
  await stopPlayback(page);
}

/** Accessible names of the edges React Flow drew (it draws only edges whose ends it could place). */
function edgeNames(page: Page): Promise<string[]> {
  return page.locator('.react-flow__edge').evaluateAll((els) =>
    els.filter((e) => e.querySelector('path')?.getAttribute('d')).map((e) => e.getAttribute('aria-label') ?? ''));
}

test('a shared emptyDir is one volume linked to both containers; the claim shows claim → volume → class', async () => {
  const app = await openApp();
  const { page } = app;
  await page.getByRole('button', { name: 'Reset cluster' }).click();
  await applyYaml(page, MANIFEST);

  const canvas = page.getByRole('region', { name: 'Cluster graph' });
  const pod = canvas.getByRole('button', { name: /^Pod shared,/ });
  await playUntil(page, 'the claim is bound and the Pod runs', async () =>
    (await canvas.getByRole('button', { name: /^PersistentVolumeClaim data, Bound to pvc-[0-9a-f-]{36}$/ }).count()) === 1 &&
    /^Pod shared, Running/.test((await pod.getAttribute('aria-label').catch(() => '')) ?? ''));

  // One volume, mounted by both containers, each mount its own labelled line.
  const scratch = pod.getByRole('group', { name: 'volume scratch (emptyDir), mounted by 2 containers', exact: true });
  assert.equal(await scratch.count(), 1);
  assert.equal(await pod.getByRole('group', { name: /^volume scratch \(/ }).count(), 1);
  await scratch.getByRole('group', { name: 'volume scratch mounted by container writer at /out', exact: true }).waitFor();
  await scratch.getByRole('group', { name: 'volume scratch mounted by container reader at /in, read-only', exact: true }).waitFor();
  assert.match((await scratch.textContent()) ?? '', /\/out[\s\S]*\/in/);
  // the drawn lines: two from the scratch volume, one into each container's row
  const lines = await pod.locator('svg g[data-volume="scratch"] path[data-container]').evaluateAll((els) => els.map((e) => e.getAttribute('data-container')));
  assert.deepEqual(lines.sort(), ['reader', 'writer']);
  await pod.getByRole('group', { name: 'volume data (persistentVolumeClaim data), mounted by 1 container', exact: true }).waitFor();

  // claim → volume → class, and the Pod → its claim.
  const pvButton = canvas.getByRole('button', { name: /^PersistentVolume pvc-[0-9a-f-]{36}, Bound, 1Gi RWO$/ });
  await pvButton.waitFor();
  const pv = /^PersistentVolume (\S+),/.exec((await pvButton.getAttribute('aria-label')) ?? '')![1];
  await canvas.getByRole('button', { name: 'StorageClass standard (default)', exact: true }).waitFor();
  await until('the storage edges are drawn', async () => {
    const edges = await edgeNames(page);
    return edges.includes(`PersistentVolumeClaim data is bound to PersistentVolume ${pv}`) &&
      edges.includes(`PersistentVolume ${pv} has StorageClass standard`) &&
      edges.includes('Pod shared uses PersistentVolumeClaim data (volume data)');
  });
  // the binding draws in: the claim → volume edge grows from the claim when it appears
  assert.equal(await page.locator(`.react-flow__edge[aria-label="PersistentVolumeClaim data is bound to PersistentVolume ${pv}"] animate[attributeName="stroke-dashoffset"]`).count(), 1);
  await canvas.getByRole('button', { name: 'Secret creds', exact: true }).waitFor();
  assert.ok((await edgeNames(page)).includes('Secret creds provides env PASSWORD to container writer of Pod shared'));

  // Click a container: the inspector shows its environment, the Secret value masked.
  await pod.getByRole('group', { name: /^container writer \(/ }).click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  const section = inspector.getByRole('region', { name: 'Container writer' });
  await section.waitFor();
  const env = section.getByRole('table', { name: 'Environment variables' });
  const row = env.getByRole('row', { name: /^PASSWORD / });
  assert.match((await row.textContent()) ?? '', /••••••/);
  assert.doesNotMatch((await row.textContent()) ?? '', /hunter2/);
  assert.match((await env.getByRole('row', { name: /^POD_IP / }).textContent()) ?? '', /10\.244\.\d+\.\d+/);
  assert.match((await env.getByRole('row', { name: /^KUBERNETES_SERVICE_HOST / }).textContent()) ?? '', /10\.96\.0\.1/);
  const reveal = section.getByRole('switch', { name: 'Reveal secrets' });
  await reveal.click();
  await until('the Secret value shows', async () => /hunter2/.test((await row.textContent()) ?? ''));
  const mounts = section.getByRole('list', { name: 'Mounts' });
  assert.match((await mounts.textContent()) ?? '', /\/out[\s\S]*emptyDir[\s\S]*shared with reader/);
  assert.match((await mounts.textContent()) ?? '', new RegExp(`/data[\\s\\S]*persistentVolumeClaim data → ${pv}`));

  assert.deepEqual(app.errors, []);
  await app.close();
});
