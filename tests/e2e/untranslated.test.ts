/**
 * No English left in 中文: with the UI in Chinese and a cluster that exercises every panel (a
 * Deployment behind a Service with an HPA, a ConfigMap and a Secret as env and volumes, a PVC bound
 * by the default StorageClass, a Job, a second Namespace), every panel, tab, menu and dialog a
 * person can reach is opened and swept (`untranslatedSweep`): the test fails listing each English
 * string left behind with the panel it was first seen in. Controls are found by their English name
 * or its Chinese translation in the catalogs, or by structure, so the walk works in both languages.
 * The same sweep in English must find the English chrome: the check can fail.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Locator } from 'playwright-core';
import { closeAll, openApp } from './harness';
import { either, lesson, untranslatedSweep, Walk } from './untranslatedSweep';

after(closeAll);

const MANIFEST = `apiVersion: v1
kind: Namespace
metadata: { name: team-a }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: settings, namespace: team-a }
data: { COLOR: blue }
---
apiVersion: v1
kind: Pod
metadata: { name: api, namespace: team-a }
spec:
  containers:
    - { name: app, image: "nginx:1.27", envFrom: [{ configMapRef: { name: settings } }] }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: web-config }
data: { MODE: production, index.html: hello }
---
apiVersion: v1
kind: Secret
metadata: { name: creds }
stringData: { PASSWORD: s3cret }
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: data }
spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          ports: [{ containerPort: 80 }]
          resources: { requests: { cpu: 100m } }
          readinessProbe: { httpGet: { path: /, port: 80 } }
          livenessProbe: { httpGet: { path: /, port: 80 } }
          env:
            - { name: MODE, valueFrom: { configMapKeyRef: { name: web-config, key: MODE } } }
            - { name: PASSWORD, valueFrom: { secretKeyRef: { name: creds, key: PASSWORD } } }
          volumeMounts:
            - { name: html, mountPath: /usr/share/nginx/html }
            - { name: secret, mountPath: /etc/creds, readOnly: true }
      volumes:
        - { name: html, configMap: { name: web-config } }
        - { name: secret, secret: { secretName: creds } }
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec: { selector: { app: web }, ports: [{ port: 80 }] }
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: web }
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web }
  minReplicas: 2
  maxReplicas: 4
  metrics: [{ type: Resource, resource: { name: cpu, target: { type: Utilization, averageUtilization: 50 } } }]
---
apiVersion: v1
kind: Pod
metadata: { name: db }
spec:
  containers:
    - { name: db, image: "nginx:1.27", volumeMounts: [{ name: data, mountPath: /data }] }
  volumes:
    - { name: data, persistentVolumeClaim: { claimName: data } }
---
apiVersion: batch/v1
kind: Job
metadata: { name: migrate }
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{ name: migrate, image: "busybox:1.36", command: [sh, -c, echo migrated] }]
`;

const BROKEN = `apiVersion: v1
kind: Pod
metadata: {}
spec: { containers: [] }
---
kind: Nonsense
`;

const shown = async (locator: Locator) => (await locator.count()) > 0;

test('中文: no panel, tab, menu or dialog shows English left behind', async () => {
  const app = await openApp();
  const { page } = app;
  await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
  await page.getByRole('button', { name: '中文', exact: true }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  const walk = new Walk(page, app.errors);

  // The first screen: the demo, the lessons invite, and the cluster tools of an empty selection.
  await walk.visit('first screen (demo applied, lessons invite)', async () => {}, true);
  const tools = walk.inspector.getByRole('tab');
  for (let i = 0; i < (await tools.count()); i++) {
    await walk.visit(`cluster tools › ${(await tools.nth(i).textContent())?.trim()}`, () => tools.nth(i).click(), true);
  }
  await walk.button(lesson('dismiss')).click().catch((e) => walk.log.unreachable('lessons invite: dismiss', e));

  // The cluster that exercises every panel.
  await walk.button(either('Reset cluster')).click();
  await walk.load(MANIFEST);
  await walk.visit('editor: apply results', async () => { await page.waitForTimeout(300); }, true);
  await walk.play('the Deployment, the Job, the claim and both namespaces settle', async () =>
    (await walk.canvas.getByRole('button', { name: /^Pod web-\S+[,，] ?Running/ }).count()) === 2 &&
    (await shown(walk.canvas.getByRole('button', { name: /^Pod migrate-\S+[,，] ?Succeeded/ }))) &&
    (await shown(walk.canvas.getByRole('button', { name: /^Pod db[,，] ?Running/ }))) &&
    (await shown(walk.canvas.getByRole('button', { name: /^Pod api[,，] ?Running/ }))));
  await walk.visit('cluster running: graph, Steps, Step detail', async () => {}, true);

  // A Pod: every tab, a DNS lookup, a container's environment and mounts.
  await walk.visit('Pod inspector', () => walk.select('Pod', 'web-'), true);
  await walk.inspectorTabs('Pod inspector');
  await walk.visit('Pod inspector › DNS lookup answered', async () => {
    await walk.inspector.getByRole('tab', { name: /DNS/ }).click();
    const name = walk.inspector.locator('form input:not([type="checkbox"])').first();
    await name.fill('web');
    await name.press('Enter');
  }, true);
  await walk.visit('container view', () => walk.inspector.locator('button[aria-pressed]').first().click(), true);
  await walk.visit('container view › secrets revealed', () => walk.inspector.getByRole('switch').first().click(), true);
  await walk.inspector.locator('button[aria-pressed="true"]').first().click().catch(() => undefined);

  // A Deployment: every tab (rollout, autoscaling), the actions drawer and its delete confirmation.
  await walk.visit('Deployment inspector', () => walk.select('Deployment', 'web'), true);
  await walk.inspectorTabs('Deployment inspector');
  await walk.visit('Deployment › autoscaling under load, the HPA formula computed', async () => {
    await walk.tab(either('Autoscaling')).click();
    await walk.inspector.getByRole('slider').first().fill('40');
    const computed = walk.inspector.getByRole('list', { name: either('How the replica count was computed') }).getByRole('listitem');
    await walk.play('the HPA has computed a replica count', async () => (await computed.count()) > 0);
  }, true);
  await walk.visit('Deployment › actions drawer', () => walk.button(either('Actions'), walk.inspector).click(), true);
  await walk.visit('Deployment › delete confirmation', () => walk.button(either('Delete'), walk.inspector).click(), true);
  await walk.button(either('Cancel'), walk.inspector).click().catch(() => undefined);
  await walk.visit('Deployment › rollout in progress (after Restart rollout)', async () => {
    await walk.button(either('Restart rollout'), walk.inspector).click();
    await walk.stepForward(8);
    await walk.tab(either('Rollout')).click();
  }, true);
  await walk.button(either('Actions'), walk.inspector).click().catch(() => undefined);

  // A Service: every tab; traffic running, and the rules a request went through.
  await walk.visit('Service inspector', () => walk.select('Service', 'web'), true);
  await walk.inspectorTabs('Service inspector');
  await walk.visit('Service › traffic running', async () => {
    await walk.tab(either('Traffic')).click();
    await walk.button(either('Start traffic'), walk.inspector).click();
    await walk.stepForward(6);
  }, true);
  await walk.visit('Service › kube-proxy rules with a request highlighted', async () => {
    await walk.tab(/^kube-proxy/).click();
    const note = walk.inspector.getByRole('note');
    for (let i = 0; i < 40 && !(await shown(note)); i++) await walk.stepForward(1);
    await note.first().waitFor({ timeout: 2_000 });
  }, true);

  // A Node, and the other kinds.
  await walk.visit('Node inspector', async () => {
    await walk.canvas.getByRole('group', { name: /^Node node-1\b/ }).first().click({ position: { x: 8, y: 8 } });
    await walk.inspector.getByRole('tab').first().waitFor({ timeout: 5_000 });
  }, true);
  await walk.inspectorTabs('Node inspector');
  for (const [kind, name] of [['ReplicaSet', 'web-'], ['Job', 'migrate'], ['PersistentVolumeClaim', 'data'], ['PersistentVolume', 'pvc-'],
    ['StorageClass', 'standard'], ['ConfigMap', 'web-config'], ['Secret', 'creds']]) {
    await walk.visit(`${kind} inspector`, () => walk.select(kind, name), true);
  }

  // Namespaces: the picker, a Namespace inspected, grouping.
  const picker = page.getByRole('banner').getByRole('combobox').first();
  await walk.visit('namespace picker › team-a', () => picker.selectOption('team-a'), true);
  await walk.visit('Namespace inspector', () => walk.button(either('Inspect Namespace {}'), page.getByRole('banner')).click(), true);
  await walk.visit('graph grouped by namespace', () => walk.canvas.getByRole('switch', { name: either('Group by namespace') }).click(), true);
  await walk.canvas.getByRole('switch', { name: either('Group by namespace') }).click().catch(() => undefined);
  await picker.selectOption('').catch(() => undefined);

  // The fault menus and their forms.
  const podMenu = async () => {
    await walk.card('Pod', 'web-').click({ button: 'right' });
    await page.getByRole('menu').waitFor({ timeout: 5_000 });
  };
  await walk.visit('fault menu › Pod', podMenu);
  await walk.visit('fault form › kill container', async () => {
    await podMenu();
    await page.getByRole('menu').getByRole('menuitem', { name: either('Kill container {}…') }).first().click();
    await page.locator('form[aria-label]').last().waitFor();
  });
  const nodeMenu = async () => {
    await walk.canvas.getByRole('group', { name: /^Node node-2\b/ }).first().click({ button: 'right', position: { x: 8, y: 8 } });
    await page.getByRole('menu').waitFor({ timeout: 5_000 });
  };
  await walk.visit('fault menu › Node', nodeMenu);
  await walk.visit('fault form › drain', async () => {
    await nodeMenu();
    await page.getByRole('menu').getByRole('menuitem', { name: either('Drain…') }).click();
  });
  await walk.visit('fault form › add Node (canvas menu)', async () => {
    await walk.canvas.locator('.react-flow__pane').click({ button: 'right', position: { x: 20, y: 20 } });
    await page.getByRole('menu').getByRole('menuitem', { name: either('Add Node…') }).click();
  });
  await page.keyboard.press('Escape');

  // The timeline: filters, grouping, the Events list, the Step detail enlarged.
  await walk.visit('timeline › filter popover', async () => {
    await walk.timeline.getByTitle(either('Filter Steps')).first().click();
    await page.getByRole('group', { name: either('Filter Steps') }).locator('select').first().selectOption({ index: 1 });
  }, true);
  await page.keyboard.press('Escape');
  await walk.visit('timeline › filter chips', async () => {}, true);
  await walk.timeline.getByRole('button', { name: either('Remove filter {}') }).first().click().catch((e) => walk.log.unreachable('timeline › remove filter', e));
  const grouping = walk.timeline.getByRole('combobox', { name: either('Group Steps') });
  for (const index of [1, 2]) {
    await walk.visit(`timeline › grouped (option ${index + 1})`, async () => {
      await grouping.selectOption({ index });
      const expand = walk.timeline.getByRole('listitem').locator('button[aria-expanded="false"]').first();
      if (await expand.count()) await expand.click();
    }, true);
  }
  await grouping.selectOption({ index: 0 }).catch(() => undefined);
  const timelineTabs = walk.timeline.getByRole('tablist').first().getByRole('tab');
  await walk.visit('timeline › Events list', () => timelineTabs.nth(1).click(), true);
  await walk.visit('timeline › Events list as text, watching', async () => {
    for (const box of await walk.timeline.getByRole('checkbox').all()) await box.check();
  }, true);
  await timelineTabs.nth(0).click();
  await walk.visit('timeline › Step detail with all fields', async () => {
    await walk.timeline.getByRole('list').getByRole('listitem').last().getByRole('button').first().click();
    for (const box of await walk.timeline.getByRole('checkbox').all()) await box.check();
  }, true);
  await walk.visit('timeline › Step detail enlarged', () => walk.button(either('Enlarge'), walk.timeline).click());

  // The header's dialogs and modes.
  await walk.visit('cluster settings dialog', () => walk.button(either('Cluster settings')).click());
  await walk.visit('share dialog', async () => {
    await walk.button(either('Share')).click();
    await page.getByRole('dialog').getByRole('textbox').first().waitFor();
  });
  await walk.visit('presentation mode', () => walk.button(either('Presentation mode')).click());
  await walk.visit('editor: apply errors', async () => {
    await walk.load(BROKEN);
    await page.waitForTimeout(300);
  }, true);
  await walk.visit('lessons dialog', () => walk.button(lesson('lessons')).click(), true);
  await walk.visit('lesson panel', () => page.getByRole('dialog').getByRole('listitem').first().getByRole('button').first().click(), true);
  await walk.button(lesson('exit')).click().catch((e) => walk.log.unreachable('lesson panel: exit', e));

  // Empty: after a reset, and a damaged share link's notice.
  await walk.visit('empty state (after reset)', async () => {
    await walk.button(either('Reset cluster')).click();
    await page.locator('[aria-labelledby="kp-welcome-title"]').waitFor({ timeout: 5_000 });
  }, true);
  await walk.visit('session notice (damaged share link)', async () => {
    await page.goto(`${app.url}#s=dVNNb9swDP0rhHrZADuL08My3QZstxUI0GGXpgfF5hyt1`);
    await page.waitForFunction(() => window.__kubePlayground?.editorModelText?.() === window.__kubePlayground?.state?.().editorText);
    await page.getByRole('alert').filter({ hasText: /\S/ }).first().waitFor();
  }, true);

  const problems = walk.log.unreached;
  assert.ok(walk.log.panels.length >= 40, `the walk swept ${walk.log.panels.length} states`);
  assert.equal(walk.log.count + problems.length, 0,
    `${walk.log.count} English strings left in 中文, by the panel they were first seen in:\n${walk.log.report()}` +
    (problems.length ? `\n\nPanels not reached:\n  ${problems.join('\n  ')}` : ''));
  await app.close();
});

test('English: the same sweep finds the English chrome (the check can fail)', async () => {
  const app = await openApp();
  const { page } = app;
  const found = await untranslatedSweep(page);
  const texts = new Set(found.map((f) => f.text));
  for (const chrome of ['Reset cluster', 'Apply', 'Step forward']) assert.ok(texts.has(chrome), `finds "${chrome}" (found ${found.length})`);
  assert.ok(found.some((f) => f.source === 'aria-label'), 'finds English accessible names');
  // and in 中文 the known chrome is gone from what it finds
  await page.getByRole('button', { name: '中文', exact: true }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  const zhTexts = new Set((await untranslatedSweep(page)).map((f) => f.text));
  for (const chrome of ['Reset cluster', 'Apply', 'Step forward']) assert.ok(!zhTexts.has(chrome), `"${chrome}" is translated`);
  await app.close();
});
