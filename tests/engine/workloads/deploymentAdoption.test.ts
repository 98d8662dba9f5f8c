import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster, type KubeObject } from '../../../src/engine';
import { virtualMs } from '../../../src/engine/core/time';
import { runUntil, syncErrors } from '../helpers';

const manifest = (replicas = 2, specExtra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
${specExtra}  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: app
        image: nginx:1.27
`;

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const status = (o: KubeObject | undefined) => ((o?.status ?? {}) as Any);
const spec = (o: KubeObject | undefined) => ((o?.spec ?? {}) as Any);

function complete(c: Cluster): boolean {
  const d = c.get('Deployment', 'web');
  const s = status(d);
  return !!d && s.observedGeneration >= d.metadata.generation! && s.availableReplicas === spec(d).replicas &&
    s.updatedReplicas === spec(d).replicas && s.replicas === spec(d).replicas &&
    s.conditions?.some((x: Any) => x.reason === 'NewReplicaSetAvailable');
}

describe('ownership', () => {
  it('adopts its orphaned ReplicaSet instead of creating another', () => {
    const c = createCluster();
    c.apply(manifest());
    runUntil(c, () => complete(c), 120_000);
    const rs = c.list('ReplicaSet', 'default')[0];
    const pods = c.list('Pod', 'default').map((p) => p.metadata.name).sort();
    expect(c.delete('Deployment', 'web', 'default', { propagationPolicy: 'Orphan' }).ok).toBe(true);
    runUntil(c, () => !c.get('Deployment', 'web') && !c.get('ReplicaSet', rs.metadata.name)?.metadata.ownerReferences, 60_000);
    c.apply(manifest());
    runUntil(c, () => complete(c), 120_000);
    const d = c.get('Deployment', 'web')!;
    const sets = c.list('ReplicaSet', 'default');
    expect(sets.map((r) => r.metadata.name)).toEqual([rs.metadata.name]);
    expect(sets[0].metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Deployment', uid: d.metadata.uid, controller: true });
    expect(c.list('Pod', 'default').map((p) => p.metadata.name).sort()).toEqual(pods);
    expect(syncErrors(c)).toEqual([]);
  });
});

describe('availability', () => {
  it('copies minReadySeconds to the ReplicaSet and counts Pods available only after it', () => {
    const c = createCluster();
    c.apply(manifest(2, '  minReadySeconds: 10\n'));
    runUntil(c, () => status(c.get('Deployment', 'web')).readyReplicas === 2, 120_000);
    const [rs] = c.list('ReplicaSet', 'default');
    expect(spec(rs).minReadySeconds).toBe(10);
    expect(status(c.get('Deployment', 'web')).availableReplicas).toBeUndefined();
    const readyAt = c.now;
    runUntil(c, () => complete(c), 60_000);
    expect(c.now).toBeGreaterThanOrEqual(readyAt + 9_000);
    const available = status(c.get('Deployment', 'web')).conditions.find((x: Any) => x.type === 'Available');
    expect(virtualMs(available.lastTransitionTime)!).toBeGreaterThanOrEqual(readyAt + 9_000);
  });

  it('scales its only ReplicaSet to 0 and back without a new revision', () => {
    const c = createCluster();
    c.apply(manifest(2));
    runUntil(c, () => complete(c), 120_000);
    const [rs] = c.list('ReplicaSet', 'default');
    c.scale('Deployment', 'web', 0);
    runUntil(c, () => c.list('Pod', 'default').length === 0, 120_000);
    expect(spec(c.get('ReplicaSet', rs.metadata.name)).replicas).toBe(0);
    c.scale('Deployment', 'web', 3);
    runUntil(c, () => complete(c), 120_000);
    expect(c.list('ReplicaSet', 'default').map((r) => r.metadata.name)).toEqual([rs.metadata.name]);
    expect(c.get('ReplicaSet', rs.metadata.name)!.metadata.annotations).toMatchObject({
      'deployment.kubernetes.io/revision': '1', 'deployment.kubernetes.io/desired-replicas': '3' });
    expect(c.events().map((e) => e.message)).toEqual(expect.arrayContaining([
      `Scaled down replica set ${rs.metadata.name} from 2 to 0`, `Scaled up replica set ${rs.metadata.name} from 0 to 3`]));
  });
});
