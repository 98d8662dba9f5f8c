import { describe, expect, it } from 'vitest';
import type { Cluster, KubeObject } from '../../../src/engine';
import type { ReconcileContext, WriteResult } from '../../../src/engine/controllers/types';
import { replicaSetController } from '../../../src/engine/controllers/replicaset/replicaSetController';
import { createRandom } from '../../../src/engine/core/random';
import { virtualMs } from '../../../src/engine/core/time';
import { newCluster, runUntil } from '../helpers';

const rsYaml = (replicas: number, minReadySeconds = 0) => `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web
spec:
  replicas: ${replicas}
  minReadySeconds: ${minReadySeconds}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: app
        image: nginx:1.27
`;

type Status = { replicas?: number; readyReplicas?: number; availableReplicas?: number; fullyLabeledReplicas?: number;
  observedGeneration?: number; conditions?: { type: string; status: string; reason: string; message: string }[] };
const status = (c: Pick<Cluster, 'get'>) => (c.get('ReplicaSet', 'web')?.status ?? {}) as Status;

describe('ReplicaSet status', () => {
  it('counts replicas, fully labeled, ready and available Pods and the observed generation', () => {
    const c = newCluster();
    c.apply(rsYaml(3));
    runUntil(c, () => status(c).availableReplicas === 3);
    expect(status(c)).toEqual({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
    c.scale('ReplicaSet', 'web', 0);
    runUntil(c, () => c.list('Pod').length === 0 && status(c).replicas === 0, 60_000);
    // zero counts are omitted like Go's omitempty; replicas is always there
    expect(status(c)).toEqual({ replicas: 0, observedGeneration: 2 });
  });

  it('counts a Pod as available only once it has been Ready for longer than minReadySeconds', () => {
    const c = newCluster();
    c.apply(rsYaml(2, 10));
    runUntil(c, () => status(c).readyReplicas === 2);
    const readyAt = c.now;
    expect(status(c).availableReplicas).toBeUndefined();
    const readyCondition = (p: KubeObject) => (p.status as { conditions: { type: string; lastTransitionTime: string }[] })
      .conditions.find((x) => x.type === 'Ready')!;
    const readySince = Math.max(...c.list('Pod').map((p) => virtualMs(readyCondition(p).lastTransitionTime)!));
    runUntil(c, () => status(c).availableReplicas === 2, 30_000);
    const step = c.steps[c.steps.length - 1];
    expect(step).toMatchObject({ actor: 'replicaset-controller',
      message: 'ReplicaSet web status: 2 of 2 Pods, 2 ready, 2 available (Ready for more than minReadySeconds=10)' });
    // upstream re-syncs minReadySeconds after all are ready (or minReadySeconds + 1s after a Pod turns Ready)
    expect(step.time).toBeGreaterThan(readySince + 10_000);
    expect(step.time).toBeLessThanOrEqual(readyAt + 11_000);
    expect(c.at(step.index - 1).get('ReplicaSet', 'web')?.status).toMatchObject({ readyReplicas: 2 });
    expect((c.at(step.index - 1).get('ReplicaSet', 'web')?.status as Status).availableReplicas).toBeUndefined();
  });

  it('reports available together with ready when minReadySeconds is 0', () => {
    const c = newCluster();
    c.apply(rsYaml(1));
    runUntil(c, () => status(c).readyReplicas === 1);
    expect(status(c).availableReplicas).toBe(1);
  });
});

/** A store-backed context whose Pod creates the API server refuses (as a quota would). */
function refusingContext(rs: KubeObject, refusal: string) {
  const events: string[] = [];
  let stored = rs;
  let creates = 0;
  const ctx = {
    now: 5000, rng: createRandom(1), actor: 'replicaset-controller',
    get: (kind: string) => (kind === 'ReplicaSet' ? stored : undefined),
    list: () => [],
    create: (): WriteResult => { creates++; return { ok: false, message: refusal }; },
    update: (obj: KubeObject): WriteResult => ({ ok: true, object: obj }),
    updateStatus: (obj: KubeObject): WriteResult => { stored = obj; return { ok: true, object: obj }; },
    delete: (): WriteResult => ({ ok: false, message: 'unused' }),
    event: (_o: KubeObject, type: string, reason: string, message: string) => void events.push(`${type} ${reason}: ${message}`),
    describe: () => undefined,
    runtime: () => { throw new Error('unused'); },
    memo: (() => { const m = new Map<string, unknown>(); return { get: (k: string) => m.get(k), set: (k: string, v: unknown) => void m.set(k, v), delete: (k: string) => void m.delete(k) }; })(),
  } as unknown as ReconcileContext;
  return { ctx, events, stored: () => stored, creates: () => creates };
}

describe('ReplicaSet create errors', () => {
  const rs = {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: { name: 'web', namespace: 'default', uid: 'rs-uid', resourceVersion: '5', generation: 1, creationTimestamp: '2025-01-01T09:00:00Z' },
    spec: { replicas: 4, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx' }] } } },
  } as unknown as KubeObject;
  const refusal = 'pods "web-x8kzq" is forbidden: exceeded quota: q, requested: pods=1, used: pods=0, limited: pods=0';

  it('stops the slow start at the first failed batch, records FailedCreate and the ReplicaFailure condition, and backs off', () => {
    const f = refusingContext(rs, refusal);
    const first = replicaSetController.reconcile('default/web', f.ctx);
    expect(f.creates()).toBe(1);
    expect(f.events).toEqual([`Warning FailedCreate: Error creating: ${refusal}`]);
    expect((f.stored().status as Status).conditions).toEqual([
      { type: 'ReplicaFailure', status: 'True', lastTransitionTime: '2025-01-01T09:00:05Z', reason: 'FailedCreate', message: refusal }]);
    expect(first).toEqual({ requeueAfter: 5 });
    expect(replicaSetController.reconcile('default/web', f.ctx)).toEqual({ requeueAfter: 10 });
    expect(f.creates()).toBe(2);
  });

  it('does not count a refusal because the namespace is terminating as an error', () => {
    const f = refusingContext(rs, 'pods is forbidden: unable to create new content in namespace default because it is being terminated');
    expect(replicaSetController.reconcile('default/web', f.ctx)).toBeUndefined();
    // every batch "succeeds", so the whole slow start runs, with no events and no condition
    expect(f.creates()).toBe(4);
    expect(f.events).toEqual([]);
    expect((f.stored().status as Status).conditions).toBeUndefined();
  });
});
