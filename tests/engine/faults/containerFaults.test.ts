import { describe, expect, it } from 'vitest';
import { apply, cluster, condition, eventsAbout, readyOf, runUntil, stepsSince, syncErrors, type Cluster, type Obj } from './faultHelpers';

const pod = (name: string, container: string, restartPolicy = 'Always') => `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  restartPolicy: ${restartPolicy}
  containers:
  - name: app
    image: nginx:1.27
${container}`;

const probes = `    livenessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 10}
    readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5}
`;

const status = (c: Cluster, name: string) => (c.get('Pod', name) as Obj).status;
const app = (c: Cluster, name: string) => status(c, name).containerStatuses[0] as Obj;

function started(yaml: string): Cluster {
  const c = cluster(1);
  apply(c, yaml);
  c.advance(20_000);
  return c;
}

describe('killContainer', () => {
  it('kills the process (137 by default) and the kubelet restarts it at once, the first time', () => {
    const c = started(pod('web', ''));
    const from = c.steps.length;
    expect(c.killContainer('web', 'app')).toEqual({ ok: true, message: 'container app of pod default/web killed (SIGKILL, exit code 137)' });
    c.advance(1000);
    const steps = stepsSince(c, from);
    expect(steps[0]).toMatchObject({ actor: 'user', time: 20_000 });
    expect(steps[1]).toMatchObject({ actor: 'kubelet/node-1', time: 20_000, message: 'Container app exited with code 137: its process was killed' });
    expect(app(c, 'web')).toMatchObject({ restartCount: 1, state: { running: {} }, lastState: { terminated: { exitCode: 137, reason: 'Error' } } });
    expect(c.table('faults')).toEqual([]);
  });

  it('follows restartPolicy: a non-zero exit under Never fails the Pod, exit 0 under OnFailure completes it', () => {
    const c = cluster(1);
    apply(c, pod('never', '', 'Never') + '---\n' + pod('onfailure', '', 'OnFailure'));
    c.advance(20_000);
    c.killContainer('never', 'app', 'default', 3);
    c.killContainer('onfailure', 'app', undefined, 0);
    c.advance(5000);
    expect(status(c, 'never').phase).toBe('Failed');
    expect(app(c, 'never').state.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
    expect(status(c, 'onfailure').phase).toBe('Succeeded');
    expect(app(c, 'onfailure').state.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
  });

  it('says what is wrong with the target', () => {
    const c = started(pod('web', ''));
    expect(c.killContainer('nope', 'app')).toEqual({ ok: false, message: 'Error from server (NotFound): pods "nope" not found' });
    expect(c.killContainer('web', 'side')).toEqual({ ok: false, message: 'Error from server (BadRequest): container side is not valid for pod web' });
    expect(c.killContainer('web', 'app', 'default', 256).ok).toBe(false);
    expect(c.failProbe('web', 'app', 'liveness', true)).toEqual({ ok: false, message: 'error: container app of pod default/web has no liveness probe' });
  });
});

describe('exhaustMemory', () => {
  it('OOM-kills a container at its memory limit (OOMKilled, 137) and restarts it, with back-off the second time', () => {
    const c = started(pod('capped', '    resources: {limits: {memory: 128Mi}}\n'));
    c.exhaustMemory('capped', 'app');
    c.advance(1000);
    expect(app(c, 'capped')).toMatchObject({ restartCount: 1, lastState: { terminated: { exitCode: 137, reason: 'OOMKilled' } } });
    c.exhaustMemory('capped', 'app');
    c.advance(1000);
    expect(app(c, 'capped')).toMatchObject({ restartCount: 1, state: { waiting: { reason: 'CrashLoopBackOff' } },
      lastState: { terminated: { exitCode: 137, reason: 'OOMKilled' } } });
    c.advance(10_000);
    expect(app(c, 'capped')).toMatchObject({ restartCount: 2, state: { running: {} } });
  });

  it('without a limit the Node runs low: the eviction manager evicts the Pod at its next 10s check', () => {
    const c = started(pod('hog', ''));
    c.advance(3000);
    const from = c.steps.length;
    c.exhaustMemory('hog', 'app');
    c.advance(6999);
    expect(status(c, 'hog').phase).toBe('Running');
    c.advance(1);
    const message = 'The node was low on resource: memory. Threshold quantity: 100Mi, available: 61Mi. ' +
      'Container app was using 8131Mi, request is 0, has larger consumption of memory. ';
    expect(eventsAbout(c, 'hog', 'Evicted')).toEqual([expect.objectContaining({ type: 'Warning', message })]);
    expect(eventsAbout(c, 'node-1', 'EvictionThresholdMet')).toEqual([expect.objectContaining({ type: 'Warning', message: 'Attempting to reclaim memory' })]);
    expect(condition(c.get('Pod', 'hog') as Obj, 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'TerminationByKubelet', message });
    c.advance(3000);
    expect(status(c, 'hog')).toMatchObject({ phase: 'Failed', reason: 'Evicted', message });
    const node = c.get('Node', 'node-1') as Obj;
    expect(condition(node, 'MemoryPressure')).toMatchObject({ status: 'True', reason: 'KubeletHasInsufficientMemory' });
    expect(node.spec.taints).toEqual([expect.objectContaining({ key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' })]);
    expect(stepsSince(c, from).map((s) => `${s.time} ${s.actor}`)).toContain('30000 kubelet/node-1');

    c.advance(300_000);
    expect(condition(c.get('Node', 'node-1') as Obj, 'MemoryPressure')).toMatchObject({ status: 'False', reason: 'KubeletHasSufficientMemory' });
    expect((c.get('Node', 'node-1') as Obj).spec.taints).toBeUndefined();
    expect(syncErrors(c)).toEqual([]);
  });
});

describe('failProbe', () => {
  it('a failing liveness probe restarts the container after 3 failures', () => {
    const c = started(pod('live', probes));
    c.advance(10_000);
    const restarts = app(c, 'live').restartCount;
    expect(c.failProbe('live', 'app', 'liveness', true)).toEqual({ ok: true, message: 'liveness probe of container app in pod default/live failing' });
    runUntil(c, () => eventsAbout(c, 'live', 'Killing').length > 0, 60_000);
    const killing = eventsAbout(c, 'live', 'Killing')[0];
    expect(killing.message).toBe('Container app failed liveness probe, will be restarted');
    expect(eventsAbout(c, 'live', 'Unhealthy').map((e) => e.message)).toContain('Liveness probe failed: HTTP probe failed with statuscode: 500');
    runUntil(c, () => app(c, 'live').restartCount === restarts + 1, 10_000);
    expect(c.failProbe('live', 'app', 'liveness', false).message).toBe('liveness probe of container app in pod default/live recovered');
    c.advance(120_000);
    expect(app(c, 'live').restartCount).toBe(restarts + 1);
  });

  it('a failing readiness probe takes the Pod out of Ready after 3 failures; it is Ready again once it passes', () => {
    const c = started(pod('ready', probes));
    expect(readyOf(c.get('Pod', 'ready') as Obj)).toBe('True');
    c.failProbe('ready', 'app', 'readiness', true);
    c.advance(9_999);
    expect(readyOf(c.get('Pod', 'ready') as Obj)).toBe('True');
    c.advance(15_000);
    expect(readyOf(c.get('Pod', 'ready') as Obj)).toBe('False');
    expect(app(c, 'ready').restartCount).toBe(0);
    expect(c.failProbe('ready', 'app', 'readiness', true).message).toBe('readiness probe of container app in pod default/ready is already failing');
    c.failProbe('ready', 'app', 'readiness', false);
    c.advance(5_000);
    expect(readyOf(c.get('Pod', 'ready') as Obj)).toBe('True');
  });
});
