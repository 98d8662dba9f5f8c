import { describe, expect, it } from 'vitest';
import { createCluster } from '../../src/engine/index';
import { createPlaygroundStore } from '../../src/store/createStore';
import { faultLines } from '../../src/store/faultsSlice';
import { memoryStorage } from './fakeCluster';

const POD = `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers:
  - name: app
    image: nginx:1.27
    readinessProbe: { httpGet: { path: /, port: 80 }, periodSeconds: 5 }
`;

/** A store over the real engine with one Pod applied and running. */
function start(text = POD) {
  const store = createPlaygroundStore({ createCluster, demoText: text, storage: memoryStorage() });
  store.getState().cluster.advance(60_000);
  return store;
}

const pod = (store: ReturnType<typeof start>) => store.getState().cluster.get('Pod', 'web', 'default') as {
  status?: { phase?: string; containerStatuses?: { restartCount: number; lastState?: { terminated?: { exitCode: number } } }[] };
};
const nodeReady = (store: ReturnType<typeof start>, name: string) =>
  (store.getState().cluster.get('Node', name) as { status?: { conditions?: { type: string; status: string }[] } })
    .status?.conditions?.find((c) => c.type === 'Ready')?.status;

describe('faults slice', () => {
  it('kill container: output shown, cursor follows the newest Step, then the restart count is 1', () => {
    const store = start();
    expect(pod(store).status?.phase).toBe('Running');
    const r = store.getState().killContainer({ pod: 'web', container: 'app' });
    expect(r.ok).toBe(true);
    const s = store.getState();
    expect(s.lastCommand).toMatchObject({ ok: true, command: faultLines.kill({ pod: 'web', container: 'app' }, 137), ref: { kind: 'Pod', name: 'web' } });
    expect(s.cursor).toBe(s.cluster.steps.length - 1);
    expect(s.following).toBe(true);
    s.cluster.advance(30_000);
    const status = pod(store).status?.containerStatuses?.[0];
    expect(status?.restartCount).toBe(1);
    expect(status?.lastState?.terminated?.exitCode).toBe(137);
  });

  it('kill with another exit code passes it on', () => {
    const store = start();
    store.getState().killContainer({ pod: 'web', container: 'app' }, 3);
    store.getState().cluster.advance(30_000);
    expect(pod(store).status?.containerStatuses?.[0].lastState?.terminated?.exitCode).toBe(3);
  });

  it('an unknown container is an error in the output and leaves the cursor', () => {
    const store = start();
    const cursor = store.getState().cursor;
    const r = store.getState().killContainer({ pod: 'web', container: 'nope' });
    expect(r.ok).toBe(false);
    expect(store.getState().lastCommand?.ok).toBe(false);
    expect(store.getState().cursor).toBe(cursor);
  });

  it('stop kubelet: the Node goes NotReady only after the grace period; start brings it back', () => {
    const store = start();
    expect(store.getState().stopKubelet('node-1').ok).toBe(true);
    store.getState().cluster.advance(20_000);
    expect(nodeReady(store, 'node-1')).toBe('True');
    store.getState().cluster.advance(40_000);
    expect(nodeReady(store, 'node-1')).toBe('Unknown');
    expect(store.getState().startKubelet('node-1').ok).toBe(true);
    store.getState().cluster.advance(30_000);
    expect(nodeReady(store, 'node-1')).toBe('True');
  });

  it('cordon and uncordon set spec.unschedulable, with kubectl output', () => {
    const store = start();
    store.getState().cordon('node-2');
    expect(store.getState().lastCommand?.message).toBe('node/node-2 cordoned');
    expect((store.getState().cluster.get('Node', 'node-2') as { spec?: { unschedulable?: boolean } }).spec?.unschedulable).toBe(true);
    store.getState().uncordon('node-2');
    expect(store.getState().lastCommand?.message).toBe('node/node-2 uncordoned');
  });

  it('drain evicts the bare Pod only with --force, and prints kubectl lines', () => {
    const store = start();
    const node = (store.getState().cluster.get('Pod', 'web', 'default') as unknown as { spec: { nodeName: string } }).spec.nodeName;
    expect(store.getState().drain(node).ok).toBe(false);
    expect(store.getState().lastCommand?.command).toBe(`kubectl drain ${node}`);
    const r = store.getState().drain(node, { force: true });
    expect(r.ok).toBe(true);
    expect(store.getState().lastCommand?.message).toContain('evicting pod default/web');
  });

  it('add and remove a Node', () => {
    const store = start();
    expect(store.getState().addNode('node-9', { cpu: 2, memory: '4Gi' }).ok).toBe(true);
    store.getState().cluster.advance(5_000);
    expect(store.getState().cluster.get('Node', 'node-9')).toBeDefined();
    expect(store.getState().removeNode('node-9')).toMatchObject({ ok: true, message: 'node "node-9" deleted' });
  });

  it('readiness probe failing makes the Pod not ready, recovering makes it ready again', () => {
    const store = start();
    const ready = () => (store.getState().cluster.get('Pod', 'web', 'default') as unknown as { status: { conditions: { type: string; status: string }[] } })
      .status.conditions.find((c) => c.type === 'Ready')?.status;
    expect(ready()).toBe('True');
    expect(store.getState().failProbe({ pod: 'web', container: 'app' }, 'readiness', true).ok).toBe(true);
    store.getState().cluster.advance(30_000);
    expect(ready()).toBe('False');
    store.getState().failProbe({ pod: 'web', container: 'app' }, 'readiness', false);
    store.getState().cluster.advance(30_000);
    expect(ready()).toBe('True');
  });

  it('delete pod with a grace period', () => {
    const store = start();
    const r = store.getState().deletePod('web', 'default', 0);
    expect(r.ok).toBe(true);
    expect(store.getState().lastCommand?.command).toBe('kubectl delete pod web --grace-period=0');
  });
});
