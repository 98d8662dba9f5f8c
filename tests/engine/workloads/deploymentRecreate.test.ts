import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster, type KubeObject } from '../../../src/engine';
import { runUntil, syncErrors } from '../helpers';

const manifest = (image: string, replicas = 3) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  strategy:
    type: Recreate
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: app
        image: ${image}
`;

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const status = (o: KubeObject | undefined) => ((o?.status ?? {}) as Any);
const ownerName = (p: KubeObject) => p.metadata.ownerReferences?.find((r) => r.controller)?.name;

function complete(c: Cluster, replicas: number): boolean {
  const d = c.get('Deployment', 'web')!;
  const s = status(d);
  return s.observedGeneration >= d.metadata.generation! && s.updatedReplicas === replicas && s.replicas === replicas &&
    s.availableReplicas === replicas && s.conditions?.some((x: Any) => x.reason === 'NewReplicaSetAvailable');
}

describe('Recreate', () => {
  it('starts no new Pod while any old Pod still exists, then creates the new ReplicaSet at full size', () => {
    const c = createCluster();
    c.apply(manifest('nginx:1.27'));
    runUntil(c, () => complete(c, 3), 120_000);
    const oldRS = c.list('ReplicaSet', 'default')[0].metadata.name;
    c.apply(manifest('nginx:1.28'));
    const scalings: string[] = [];
    let sawUnavailable = false;
    for (let guard = 0; guard < 3000 && !(complete(c, 3) && c.list('ReplicaSet').length === 2); guard++) {
      const step = c.step() ?? c.advance(1000)[0];
      if (!step) continue;
      const view = c.at(step.index);
      const pods = view.list('Pod', 'default').filter((p) => p.metadata.labels?.app === 'web');
      const oldPods = pods.filter((p) => ownerName(p) === oldRS);
      const newPods = pods.filter((p) => ownerName(p) !== oldRS);
      expect(oldPods.length > 0 && newPods.length > 0, `old and new Pods together after Step ${step.index}`).toBe(false);
      scalings.push(...step.events.filter((e) => e.startsWith('ScalingReplicaSet')));
      const available = status(view.get('Deployment', 'web')).conditions?.find((x: Any) => x.type === 'Available');
      if (available?.status === 'False') {
        sawUnavailable = true;
        expect(available).toMatchObject({ reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' });
      }
    }
    expect(complete(c, 3)).toBe(true);
    const newRS = c.list('ReplicaSet', 'default').find((r) => r.metadata.name !== oldRS)!.metadata.name;
    expect(scalings).toEqual([
      `ScalingReplicaSet: Scaled down replica set ${oldRS} from 3 to 0`,
      `ScalingReplicaSet: Scaled up replica set ${newRS} to 3`,
    ]);
    // Recreate has maxUnavailable 0: Available goes False while the Pods are replaced
    expect(sawUnavailable).toBe(true);
    expect(syncErrors(c)).toEqual([]);
  });
});
