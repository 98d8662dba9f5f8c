/**
 * Traffic to a Service: a Deployment of 3 behind a Service; traffic started from the Service's
 * Traffic tab spreads over the 3 Pods (the per-Pod rates as accessible text, badges on the
 * canvas); a deleted Pod's share goes to zero while the others take all of it; the kube-proxy tab
 * shows the Service's iptables chains, and after switching kube-proxy to ipvs its virtual server.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { applyYaml, axeViolations, closeAll, openApp, stopPlayback, until } from './harness';

after(closeAll);

const inspectorViolations = (page: Page) => axeViolations(page, '[aria-label="Inspector"]');

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

const RATE = 30;


async function play(page: Page): Promise<void> {
  await page.getByRole('slider', { name: 'Speed' }).fill('20');
  const button = page.getByRole('button', { name: 'Play', exact: true });
  if (await button.count()) await button.click();
}

async function pause(page: Page): Promise<void> {
  await stopPlayback(page);
}

interface Rate { pod: string; perSecond: number; text: string }

/** The Traffic tab's "Requests per Pod" list: `web-abc: 12 req/s, 40%`. */
async function rates(list: Locator): Promise<Rate[]> {
  const labels = await list.getByRole('listitem').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  return labels.map((text) => {
    const m = /^(\S+): (\d+) req\/s/.exec(text);
    assert.ok(m, `a per-Pod line reads "<pod>: <n> req/s…", got "${text}"`);
    return { pod: m[1], perSecond: Number(m[2]), text };
  });
}

test('requests spread over the Pods, a deleted Pod’s share goes to zero, and kube-proxy switches from iptables to ipvs', async () => {
  const app = await openApp();
  const { page } = app;
  // a first visit may offer the lessons; this test does not take them
  const dismiss = page.getByRole('button', { name: 'Dismiss', exact: true });
  if (await dismiss.count()) await dismiss.click();
  await page.getByRole('button', { name: 'Reset cluster' }).click();
  await applyYaml(page, MANIFEST);
  await play(page);
  await until('3 Pods ready', async () => (await page.getByRole('button', { name: 'Deployment web, 3/3 ready' }).count()) === 1, 60_000);
  await pause(page);

  // Start traffic at the Service, from its Traffic tab.
  await page.getByRole('button', { name: /^Service web, ClusterIP / }).click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await inspector.getByRole('tab', { name: 'Traffic' }).click();
  await inspector.getByRole('spinbutton', { name: 'Requests per second' }).fill(String(RATE));
  await inspector.getByRole('button', { name: 'Start traffic' }).click();
  const output = inspector.getByRole('status', { name: 'Network command output' });
  await until('the generator started', async () => /traffic-1/.test((await output.textContent()) ?? ''));
  assert.match((await inspector.getByRole('list', { name: 'Running traffic generators' }).textContent()) ?? '',
    new RegExp(`${RATE} requests/s to Service default/web port 80 via ClusterIP`));

  const perPod = inspector.getByRole('list', { name: 'Requests per Pod' });
  await play(page);
  await until('every Pod gets requests', async () => {
    const r = await rates(perPod);
    return r.length === 3 && r.every((x) => x.perSecond > 0) && r.reduce((n, x) => n + x.perSecond, 0) === RATE;
  });
  await pause(page);
  const spread = await rates(perPod);
  assert.equal(spread.reduce((n, x) => n + x.perSecond, 0), RATE, `all ${RATE} requests answered: ${spread.map((x) => x.text).join('; ')}`);
  assert.ok(spread.every((x) => /, \d+%$/.test(x.text)), 'each line gives the Pod’s share');
  // the canvas badges the same rates on the Pods
  const badges = await page.locator('.kp-traffic-badge').allTextContents();
  assert.deepEqual(badges.map((b) => Number(/^(\d+) req\/s/.exec(b)?.[1])).sort(), spread.map((x) => x.perSecond).sort());

  // Delete one Pod: its share drops to zero and the others take every request.
  assert.deepEqual(await inspectorViolations(page), [], 'the Traffic tab passes axe');
  const victim = spread[0].pod;
  await page.getByRole('button', { name: new RegExp(`^Pod ${victim},`) }).click();
  await inspector.getByRole('button', { name: 'Actions' }).click();
  await inspector.getByRole('button', { name: 'Delete', exact: true }).click();
  await inspector.getByRole('button', { name: 'Confirm delete' }).click();
  await page.getByRole('button', { name: /^Service web, ClusterIP / }).click();
  await inspector.getByRole('tab', { name: 'Traffic' }).click();
  await play(page);
  await until(`${victim} gets no more requests`, async () => {
    const r = await rates(perPod);
    const gone = r.find((x) => x.pod === victim);
    const others = r.filter((x) => x.pod !== victim);
    return (!gone || gone.perSecond === 0) && others.length >= 2 && others.reduce((n, x) => n + x.perSecond, 0) === RATE;
  }, 60_000);
  await pause(page);

  // kube-proxy: the Service's iptables chains, then its IPVS virtual server.
  await inspector.getByRole('tab', { name: 'kube-proxy' }).click();
  const rules = inspector.getByLabel('kube-proxy rules on node-1');
  assert.match(await rules.innerText(), /^-A KUBE-SVC-\w+ .*default\/web/m);
  assert.doesNotMatch(await rules.innerText(), /default\/kubernetes/, 'only the Service’s rules');
  await inspector.getByRole('radio', { name: 'ipvs' }).check();
  await until('the mode is edited', async () => /configmap\/kube-proxy edited/.test((await inspector.getByRole('status', { name: 'Network command output' }).textContent()) ?? ''));
  const clusterIP = /ClusterIP (\S+)/.exec((await page.getByRole('button', { name: /^Service web, ClusterIP / }).getAttribute('aria-label')) ?? '')![1];
  await play(page);
  await until('node-1 has IPVS rules', async () => (await rules.innerText()).includes(`TCP  ${clusterIP}:80 rr`), 30_000);
  await pause(page);
  const ipvs = await rules.innerText();
  assert.deepEqual(await inspectorViolations(page), [], 'the kube-proxy tab passes axe');
  assert.doesNotMatch(ipvs, /-A KUBE-SVC-/);
  assert.match(ipvs, /^ {2}-> 10\.244\.\d+\.\d+:80 +Masq +1/m);
  assert.ok((await inspector.getByRole('radio', { name: 'ipvs' }).isChecked()), 'the switch shows ipvs');
  await inspector.getByRole('combobox', { name: 'Service', exact: true }).selectOption({ label: 'all Services' });
  assert.match(await rules.innerText(), /^TCP {2}10\.96\.0\.1:443 rr$/m);

  assert.deepEqual(app.errors, []);
  await app.close();
});
