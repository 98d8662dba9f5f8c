/**
 * The inspector: click a Pod on the canvas and read, as of the timeline cursor, its describe text,
 * its live YAML with status, and its Events.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { closeAll, openApp, readState, until } from './harness';

after(closeAll);

const MAX_STEPS = 400;


test('a clicked Pod shows its describe text, YAML with status, and its Events', async () => {
  const app = await openApp();
  const { page } = app;
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await until('the empty inspector says what to do', async () => /Click a Pod or Node/.test((await inspector.textContent()) ?? ''));

  // Run the demo until a Pod is Running on the canvas.
  const running = page.getByRole('button', { name: /^Pod \S+, Running/ });
  for (let i = 0; i < MAX_STEPS && (await running.count()) === 0; i++) {
    const before = (await readState(page)).cursor;
    await page.getByRole('button', { name: 'Step forward', exact: true }).click();
    await until('the cursor moved', async () => (await readState(page)).cursor !== before);
  }
  const pod = running.first();
  const label = (await pod.getAttribute('aria-label')) ?? '';
  const name = /^Pod (\S+),/.exec(label)?.[1];
  assert.ok(name, `a Pod name in ${JSON.stringify(label)}`);
  await pod.click();

  // Describe: kubectl's layout.
  const describe = inspector.getByLabel('Describe output', { exact: true });
  await until('the describe text is shown', async () => ((await describe.textContent()) ?? '').startsWith(`Name:             ${name}\n`));
  const text = (await describe.textContent()) ?? '';
  assert.match(text, /\nNamespace:\s+default\n/);
  assert.match(text, /\nNode:\s+node-\d+\/\S*\n/);
  assert.match(text, /\nStatus:\s+Running\n/);
  assert.match(text, /\nControlled By:\s+ReplicaSet\/web-\w+\n/);
  assert.match(text, /\nContainers:\n {2}nginx:\n/);
  assert.match(text, /\n {4}State:\s+Running\n/);
  assert.match(text, /\nConditions:\n {2}Type\s+Status\n/);
  assert.match(text, /\nQoS Class:\s+Burstable\n/);
  assert.match(text, /\nEvents:\n {2}Type\s+Reason\s+Age\s+From\s+Message\n/);
  assert.match(text, /\n {2}Normal\s+Scheduled\s+\d+s\s+default-scheduler\s+Successfully assigned default\/\S+ to node-\d+\n/);

  // YAML: the live object with its status, in kubectl's order.
  await inspector.getByRole('tab', { name: 'YAML' }).click();
  const yaml = (await inspector.getByLabel('YAML output', { exact: true }).textContent()) ?? '';
  assert.ok(yaml.startsWith('apiVersion: v1\nkind: Pod\nmetadata:\n'), yaml.slice(0, 80));
  assert.ok(yaml.indexOf('\nspec:\n') < yaml.indexOf('\nstatus:\n'), 'spec comes before status');
  assert.match(yaml, /\n {2}name: \S+\n/);
  assert.match(yaml, /\n {2}phase: Running\n/);
  assert.match(yaml, /\n {2}podIP: \d+\.\d+\.\d+\.\d+\n/);

  // Events: the Pod's own Events, oldest first.
  await inspector.getByRole('tab', { name: 'Events' }).click();
  const list = inspector.getByRole('list', { name: `Events of Pod ${name}` });
  await list.waitFor();
  const items = await list.getByRole('listitem').allTextContents();
  assert.ok(items[0].includes('Scheduled') && items[0].includes('default-scheduler'), items.join('\n'));
  assert.ok(items.some((r) => r.includes('Started') && r.includes('kubelet')), 'the kubelet started the container');

  assert.deepEqual(app.errors, []);
  await app.close();
});
