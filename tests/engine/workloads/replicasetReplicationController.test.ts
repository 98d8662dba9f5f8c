import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../src/engine';
import { newCluster, runUntil, syncErrors } from '../helpers';

const rcYaml = (replicas: number) => `apiVersion: v1
kind: ReplicationController
metadata:
  name: legacy
spec:
  replicas: ${replicas}
  template:
    metadata:
      labels: {app: legacy}
    spec:
      containers:
      - name: app
        image: nginx:1.27
`;

const status = (c: Cluster) => (c.get('ReplicationController', 'legacy')?.status ?? {}) as Record<string, number | undefined>;
const live = (c: Cluster) => c.list('Pod').filter((p) => !p.metadata.deletionTimestamp);

describe('ReplicationController (the ReplicaSet controller over a label-map selector)', () => {
  it('creates Pods in slow-start batches as replication-controller, defaulting its selector to the template labels', () => {
    const c = newCluster();
    const from = c.steps.length;
    c.apply(rcYaml(3));
    runUntil(c, () => status(c).readyReplicas === 3);
    const rc = c.get('ReplicationController', 'legacy')!;
    expect((rc.spec as { selector: unknown }).selector).toEqual({ app: 'legacy' });
    const creates = c.steps.slice(from).filter((s) => s.actor === 'replication-controller' && s.changes.some((ch) => ch.type === 'ADDED'));
    expect(creates.map((s) => /creating (\d+)/.exec(s.message)![1])).toEqual(['1', '2', '2']);
    expect(creates[0].message).toMatch(/^ReplicationController legacy has 0 of 3 Pods: creating 1/);
    for (const pod of c.list('Pod')) {
      expect(pod.metadata.name).toMatch(/^legacy-[a-z0-9]{5}$/);
      expect(pod.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'ReplicationController', name: 'legacy',
        uid: rc.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    }
    const created = c.events().filter((e) => e.reason === 'SuccessfulCreate');
    expect(created).toHaveLength(3);
    expect(created[0]).toMatchObject({ source: { component: 'replication-controller' },
      involvedObject: { kind: 'ReplicationController', name: 'legacy' }, message: expect.stringMatching(/^Created pod: legacy-/) });
    expect(status(c)).toMatchObject({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
  });

  it('adopts a matching orphan, scales down by the ranking and is garbage-collected with its Pods', () => {
    const c = newCluster();
    c.apply('apiVersion: v1\nkind: Pod\nmetadata:\n  name: stray\n  labels: {app: legacy, extra: "yes"}\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n');
    c.apply(rcYaml(2));
    runUntil(c, () => status(c).readyReplicas === 2);
    expect(c.get('Pod', 'stray')?.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicationController', name: 'legacy' });
    expect(c.scale('ReplicationController', 'legacy', 1)).toEqual({ ok: true, message: 'replicationcontroller/legacy scaled' });
    runUntil(c, () => live(c).length === 1, 10_000);
    expect(c.events().filter((e) => e.reason === 'SuccessfulDelete')).toHaveLength(1);
    c.delete('ReplicationController', 'legacy');
    runUntil(c, () => c.list('Pod').length === 0, 60_000);
    expect(c.steps.some((s) => s.actor === 'garbage-collector' && s.message.includes('ReplicationController legacy'))).toBe(true);
    expect(syncErrors(c)).toEqual([]);
  });
});
