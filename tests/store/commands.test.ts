import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster, type KubeObject } from '../../src/engine';
import { commandLines } from '../../src/store/commandsSlice';
import { createPlaygroundStore } from '../../src/store/createStore';
import type { ObjectRef } from '../../src/store/types';
import { memoryStorage } from './fakeCluster';

const deployment = (image: string, replicas = 3) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
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
        image: ${image}
`;

const JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: pi
        image: busybox
        command: ["sh", "-c", "sleep 30"]
`;

const WEB: ObjectRef = { kind: 'Deployment', name: 'web', namespace: 'default' };

function start(text = deployment('nginx:1.27')) {
  const store = createPlaygroundStore({ createCluster, demoText: text, storage: memoryStorage() });
  expect(store.getState().problems).toEqual([]);
  return store;
}

function runUntil(c: Cluster, done: () => boolean): void {
  for (let guard = 0; guard < 20_000 && !done(); guard++) if (!c.step()) c.advance(1000);
  expect(done()).toBe(true);
}

const livePods = (c: Cluster): KubeObject[] =>
  c.list('Pod', 'default').filter((p) => p.metadata.labels?.app === 'web' && !p.metadata.deletionTimestamp);
const available = (c: Cluster, n: number) => () =>
  ((c.get('Deployment', 'web')?.status ?? {}) as { availableReplicas?: number }).availableReplicas === n;

describe('command lines', () => {
  it.each([
    [commandLines.scale(WEB, 5), 'kubectl scale deployment/web --replicas=5'],
    [commandLines.scale({ kind: 'StatefulSet', name: 'db', namespace: 'data' }, 0), 'kubectl scale statefulset/db -n data --replicas=0'],
    [commandLines.rollout('undo', WEB), 'kubectl rollout undo deployment/web'],
    [commandLines.rollout('undo', WEB, 2), 'kubectl rollout undo deployment/web --to-revision=2'],
    [commandLines.rollout('restart', { kind: 'DaemonSet', name: 'agent' }), 'kubectl rollout restart daemonset/agent'],
    [commandLines.delete(WEB), 'kubectl delete deployment web'],
    [commandLines.delete(WEB, 'Orphan'), 'kubectl delete deployment web --cascade=orphan'],
    [commandLines.delete({ kind: 'Node', name: 'node-1' }, 'Foreground'), 'kubectl delete node node-1 --cascade=foreground'],
    [commandLines.suspend({ kind: 'Job', name: 'pi', namespace: 'default' }, true), `kubectl patch job pi -p '{"spec":{"suspend":true}}'`],
  ])('%s', (line, expected) => expect(line).toBe(expected));
});

describe('command actions with the real engine', () => {
  it('scale prints kubectl output, jumps to the newest Step and follows it to 5 Pods', () => {
    const store = start();
    const { cluster } = store.getState();
    runUntil(cluster, available(cluster, 3));
    store.getState().setCursor(0);
    expect(store.getState().following).toBe(false);

    const result = store.getState().scale(WEB, 5);
    expect(result).toEqual({ ok: true, message: 'deployment.apps/web scaled' });
    const s = store.getState();
    expect(s.lastCommand).toMatchObject({ command: 'kubectl scale deployment/web --replicas=5', ok: true,
      message: 'deployment.apps/web scaled', ref: WEB });
    expect(s.cursor).toBe(cluster.steps.length - 1);
    expect(cluster.steps[s.cursor]).toMatchObject({ actor: 'kubectl' });
    expect(s.following).toBe(true);

    runUntil(cluster, available(cluster, 5));
    expect(livePods(cluster)).toHaveLength(5);
    expect(store.getState().cursor).toBe(cluster.steps.length - 1); // still following
  });

  it('an error is shown and leaves the cursor where it was', () => {
    const store = start();
    store.getState().setCursor(1);
    const steps = store.getState().cluster.steps.length;
    const result = store.getState().scale({ kind: 'Deployment', name: 'nope', namespace: 'default' }, 2);
    expect(result).toEqual({ ok: false, message: 'Error from server (NotFound): deployments.apps "nope" not found' });
    expect(store.getState().lastCommand).toMatchObject({ ok: false, message: result.message });
    expect(store.getState().cursor).toBe(1);
    expect(store.getState().cluster.steps).toHaveLength(steps);
  });

  it('each command gets a new id, so the same output twice is still shown as new', () => {
    const store = start();
    store.getState().scale(WEB, 2);
    const first = store.getState().lastCommand!.id;
    store.getState().scale(WEB, 2);
    expect(store.getState().lastCommand!.id).toBeGreaterThan(first);
    store.getState().clearCommandOutput();
    expect(store.getState().lastCommand).toBeNull();
  });

  it('pause, resume, restart and undo print what kubectl prints', () => {
    const store = start();
    const { cluster } = store.getState();
    runUntil(cluster, available(cluster, 3));
    const s = () => store.getState();
    expect(s().rolloutPause(WEB).message).toBe('deployment.apps/web paused');
    expect(s().rolloutPause(WEB)).toEqual({ ok: false, message: 'error: deployments.apps "web" is already paused' });
    expect((cluster.get('Deployment', 'web')!.spec as { paused?: boolean }).paused).toBe(true);
    expect(s().rolloutRestart(WEB).message).toBe("error: deployments.apps \"web\" can't restart paused deployment (run rollout resume first)");
    expect(s().rolloutResume(WEB).message).toBe('deployment.apps/web resumed');
    expect(s().rolloutUndo(WEB)).toEqual({ ok: false, message: 'error: no rollout history found for deployment "web"' });

    s().setEditorText(deployment('nginx:1.28'));
    expect(s().applyText().ok).toBe(true);
    runUntil(cluster, () => available(cluster, 3)() && livePods(cluster).every((p) =>
      (p.spec as { containers: { image: string }[] }).containers[0].image === 'nginx:1.28'));
    expect(s().rolloutUndo(WEB, 1)).toEqual({ ok: true, message: 'deployment.apps/web rolled back' });
    expect(s().lastCommand!.command).toBe('kubectl rollout undo deployment/web --to-revision=1');
    runUntil(cluster, () => livePods(cluster).length === 3 && livePods(cluster).every((p) =>
      (p.spec as { containers: { image: string }[] }).containers[0].image === 'nginx:1.27'));
    expect(s().rolloutRestart(WEB).message).toBe('deployment.apps/web restarted');
  });

  it('delete with Orphan removes the Deployment and its ReplicaSet but keeps the Pods', () => {
    const store = start();
    const { cluster } = store.getState();
    runUntil(cluster, available(cluster, 3));
    const pods = livePods(cluster).map((p) => p.metadata.name).sort();
    const result = store.getState().deleteObject(WEB, 'Orphan');
    expect(result).toEqual({ ok: true, message: 'deployment.apps "web" deleted' });
    expect(store.getState().lastCommand!.command).toBe('kubectl delete deployment web --cascade=orphan');
    runUntil(cluster, () => !cluster.get('Deployment', 'web'));
    for (let i = 0; i < 50; i++) if (!cluster.step()) cluster.advance(1000);
    expect(cluster.list('ReplicaSet', 'default')).toHaveLength(1); // orphaned, not deleted
    expect(cluster.list('ReplicaSet', 'default')[0].metadata.ownerReferences ?? []).toEqual([]);
    expect(livePods(cluster).map((p) => p.metadata.name).sort()).toEqual(pods);
  });

  it('delete in the background removes the Pods too', () => {
    const store = start();
    const { cluster } = store.getState();
    runUntil(cluster, available(cluster, 3));
    expect(store.getState().deleteObject(WEB).message).toBe('deployment.apps "web" deleted');
    runUntil(cluster, () => cluster.list('Pod', 'default').length === 0);
    expect(cluster.list('ReplicaSet', 'default')).toEqual([]);
  });

  it('suspends and resumes a Job', () => {
    const store = start(JOB);
    const job: ObjectRef = { kind: 'Job', name: 'pi', namespace: 'default' };
    expect(store.getState().setSuspended(job, true)).toEqual({ ok: true, message: 'job.batch/pi patched' });
    expect(store.getState().lastCommand!.command).toBe(`kubectl patch job pi -p '{"spec":{"suspend":true}}'`);
    const { cluster } = store.getState();
    expect((cluster.get('Job', 'pi')!.spec as { suspend?: boolean }).suspend).toBe(true);
    expect(store.getState().setSuspended(job, false).message).toBe('job.batch/pi patched');
    expect((cluster.get('Job', 'pi')!.spec as { suspend?: boolean }).suspend).toBe(false);
  });
});
