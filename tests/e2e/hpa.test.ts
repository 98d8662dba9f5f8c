/**
 * A HorizontalPodAutoscaler at work: a Deployment of 1 (100m CPU requested) behind a Service, an
 * HPA on 50% CPU. The Autoscaling tab's load slider sends requests to the Service; as the Pod's
 * CPU climbs, the HPA's formula (with its numbers) asks for more replicas and the Deployment grows.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import { applyYaml, axeViolations, closeAll, openApp, stopPlayback, until } from './harness';

after(closeAll);

const inspectorViolations = (page: Page) => axeViolations(page, '[aria-label="Inspector"]');

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
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
          resources:
            requests:
              cpu: 100m
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
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  minReplicas: 1
  maxReplicas: 5
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: 50
`;


async function play(page: Page): Promise<void> {
  await page.getByRole('slider', { name: 'Speed' }).fill('20');
  const button = page.getByRole('button', { name: 'Play', exact: true });
  if (await button.count()) await button.click();
}

async function pause(page: Page): Promise<void> {
  await stopPlayback(page);
}

/** Live (not terminating) Pods of the Deployment on the canvas. */
async function webPods(page: Page): Promise<number> {
  const labels = await page.getByRole('button', { name: /^Pod web-/ }).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  return labels.filter((l) => !/Terminating/.test(l)).length;
}

test('raising the load with the slider makes the HPA add Pods, with its formula shown', async () => {
  const app = await openApp();
  const { page } = app;
  // a first visit may offer the lessons; this test does not take them
  const dismiss = page.getByRole('button', { name: 'Dismiss', exact: true });
  if (await dismiss.count()) await dismiss.click();
  await page.getByRole('button', { name: 'Reset cluster' }).click();
  await applyYaml(page, MANIFEST);
  await play(page);
  await until('the Pod is ready', async () => (await page.getByRole('button', { name: 'Deployment web, 1/1 ready' }).count()) === 1, 60_000);

  // The Deployment an HPA scales has an Autoscaling tab.
  await page.getByRole('button', { name: /^Deployment web, / }).click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await inspector.getByRole('tab', { name: 'Autoscaling' }).click();
  const status = inspector.getByRole('region', { name: 'HPA status' });
  assert.match((await status.textContent()) ?? '', /Deployment\/web · min 1 · max 5/);
  await until('the HPA has synced once', async () => /cpu: \d+%\/50%/.test((await inspector.getByLabel('Targets', { exact: true }).textContent()) ?? ''), 60_000);
  await pause(page);
  assert.match((await inspector.getByLabel('Targets', { exact: true }).textContent()) ?? '', /^cpu: [0-4]%\/50%$/, 'idle at first');

  // Raise the load: 40 requests/s at 10m CPU each is 400m for one Pod of 100m, 400% of its request.
  const slider = inspector.getByRole('slider', { name: 'Load (requests per second)' });
  await slider.fill('40');
  const output = inspector.getByRole('status', { name: 'Network command output' });
  await until('the load is set', async () => /traffic-1: 40 requests\/s/.test((await output.textContent()) ?? ''));
  assert.equal(await slider.getAttribute('aria-valuetext'), '40 requests per second to Service web');

  await play(page);
  // the sync that rescales: 1 current, more desired (the next sync, 15s later, reports them current)
  await until('the HPA scales the Deployment up', async () => /^1 current, [2-5] desired$/.test((await inspector.getByLabel('Replicas', { exact: true }).textContent()) ?? ''), 90_000);
  await pause(page);
  assert.deepEqual(await inspectorViolations(page), [], 'the Autoscaling tab passes axe');
  const formula = (await inspector.getByLabel('Latest sync', { exact: true }).textContent()) ?? '';
  // upstream: desired = ceil(ready Pods × current / target), scale-up capped at max(2 × current, 4) without behavior
  assert.match(formula, /^desired = ceil\(1 × \d{3}% \/ 50%\) = \d+, capped by the scale-up limit max\(2 × 1, 4\) to 4$/, formula);
  const lines = await inspector.getByRole('list', { name: 'How the replica count was computed' }).getByRole('listitem').allTextContents();
  assert.match(lines.join('\n'), /cpu: 1 Pod uses \d+m of 100m requested = \d+% \(target 50%\)/);
  assert.match(lines.join('\n'), /Deployment\/web scaled from 1 to 4/);
  assert.match((await inspector.getByRole('list', { name: 'Recent syncs' }).textContent()) ?? '', /desired = ceil\(1 × /);

  await play(page);
  await until('4 Pods run', async () => (await webPods(page)) === 4, 60_000);
  await pause(page);
  assert.match((await inspector.getByLabel('Utilization', { exact: true }).textContent()) ?? '', /^cpu: (\d+% of request|not measured yet) \(target 50%\)$/);

  assert.deepEqual(app.errors, []);
  await app.close();
});
