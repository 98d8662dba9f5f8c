import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster, type KubeObject } from '../../../src/engine';
import { virtualMs } from '../../../src/engine/core/time';
import { runUntil, syncErrors } from '../helpers';

interface Options { image?: string; replicas?: number; specExtra?: string; name?: string }

const manifest = ({ image = 'nginx:1.27', replicas = 3, specExtra = '', name = 'web' }: Options = {}) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
${specExtra}  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - name: app
        image: ${image}
`;

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const status = (o: KubeObject | undefined) => ((o?.status ?? {}) as Any);
const spec = (o: KubeObject | undefined) => ((o?.spec ?? {}) as Any);
const condition = (o: KubeObject | undefined, type: string) => status(o).conditions?.find((c: Any) => c.type === type);

function complete(c: Cluster, name = 'web'): boolean {
  const d = c.get('Deployment', name)!;
  const s = status(d);
  const replicas = spec(d).replicas;
  return s.observedGeneration >= d.metadata.generation! && s.updatedReplicas === replicas && s.replicas === replicas &&
    s.availableReplicas === replicas && condition(d, 'Progressing')?.reason === 'NewReplicaSetAvailable';
}

describe('a new Deployment', () => {
  it('creates <name>-<pod-template-hash> and reports upstream-shaped status and conditions', () => {
    const c = createCluster();
    c.apply(manifest());
    runUntil(c, () => complete(c), 120_000);
    const [rs] = c.list('ReplicaSet', 'default');
    const hash = rs.metadata.labels!['pod-template-hash'];
    expect(hash).toMatch(/^[456789bcdf]{9,10}$/);
    expect(rs.metadata.name).toBe(`web-${hash}`);
    expect(rs.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(spec(rs).selector).toEqual({ matchLabels: { app: 'web', 'pod-template-hash': hash } });
    expect(spec(rs).template.metadata.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    const d = c.get('Deployment', 'web')!;
    expect(rs.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web',
      uid: d.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(rs.metadata.annotations).toEqual({ 'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4', 'deployment.kubernetes.io/revision': '1' });
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    expect(status(d)).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3,
      observedGeneration: d.metadata.generation });
    expect(status(d).unavailableReplicas).toBeUndefined();
    expect(status(d).conditions.map((x: Any) => [x.type, x.status, x.reason, x.message])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      ['Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${rs.metadata.name}" has successfully progressed.`],
    ]);
    const scaling = c.events().filter((e) => e.reason === 'ScalingReplicaSet');
    expect(scaling.map((e) => [e.message, (e.source as Any).component, (e.involvedObject as Any).kind])).toEqual([
      [`Scaled up replica set ${rs.metadata.name} to 3`, 'deployment-controller', 'Deployment']]);

    // along the way: NewReplicaSetCreated, then Available=False until enough Pods were available
    const seen = c.steps.map((s) => c.at(s.index).get('Deployment', 'web')).filter(Boolean);
    expect(seen.some((x) => condition(x, 'Progressing')?.reason === 'NewReplicaSetCreated' &&
      condition(x, 'Progressing')?.message === `Created new replica set "${rs.metadata.name}"`)).toBe(true);
    expect(seen.some((x) => condition(x, 'Available')?.reason === 'MinimumReplicasUnavailable' &&
      status(x).unavailableReplicas === 3)).toBe(true);
    expect(syncErrors(c)).toEqual([]);
  });

  it('reports ProgressDeadlineExceeded once an image never pulls, checked a second after the deadline', () => {
    const c = createCluster();
    c.apply(manifest({ image: 'nginx:does-not-exist', specExtra: '  progressDeadlineSeconds: 30\n' }));
    runUntil(c, () => condition(c.get('Deployment', 'web'), 'Progressing')?.status === 'False', 120_000);
    const d = c.get('Deployment', 'web')!;
    const [rs] = c.list('ReplicaSet', 'default');
    const progressing = condition(d, 'Progressing');
    expect(progressing).toMatchObject({ reason: 'ProgressDeadlineExceeded',
      message: `ReplicaSet "${rs.metadata.name}" has timed out progressing.` });
    expect(condition(d, 'Available')).toMatchObject({ status: 'False', reason: 'MinimumReplicasUnavailable' });
    const step = c.steps.find((s) => s.actor === 'deployment-controller' && s.message.includes('ProgressDeadlineExceeded'))!;
    const before = c.at(step.index - 1).get('Deployment', 'web')!;
    const lastUpdate = virtualMs(condition(before, 'Progressing').lastUpdateTime)!;
    expect(step.time).toBeGreaterThan(lastUpdate + 30_000);
    expect(step.time).toBeLessThanOrEqual(lastUpdate + 32_000);
    expect(c.events().some((e) => e.reason === 'ProgressDeadlineExceeded')).toBe(false);
    // the condition stays; nothing rolls back
    c.advance(60_000);
    expect(condition(c.get('Deployment', 'web'), 'Progressing').reason).toBe('ProgressDeadlineExceeded');
    expect(status(c.get('Deployment', 'web')).unavailableReplicas).toBe(3);
  });
});

describe('scaling mid-rollout', () => {
  it('shares a replicas change proportionally: 10→15 with A=8, B=5 gives 11 and 7', () => {
    const c = createCluster();
    const strategy = '  strategy:\n    rollingUpdate:\n      maxSurge: 3\n      maxUnavailable: 2\n';
    c.apply(manifest({ replicas: 10, specExtra: strategy }));
    runUntil(c, () => complete(c), 120_000);
    const a = c.list('ReplicaSet', 'default')[0].metadata.name;
    // the new Pods never become available, so the rollout stalls at A=8, B=5
    c.apply(manifest({ replicas: 10, specExtra: strategy, image: 'nginx:does-not-exist' }));
    c.advance(20_000);
    const b = c.list('ReplicaSet', 'default').find((r) => r.metadata.name !== a)!.metadata.name;
    expect([spec(c.get('ReplicaSet', a)).replicas, spec(c.get('ReplicaSet', b)).replicas]).toEqual([8, 5]);
    expect(c.scale('Deployment', 'web', 15)).toEqual({ ok: true, message: 'deployment.apps/web scaled' });
    c.advance(5_000);
    expect([spec(c.get('ReplicaSet', a)).replicas, spec(c.get('ReplicaSet', b)).replicas]).toEqual([11, 7]);
    const messages = c.events().map((e) => e.message);
    expect(messages).toContain(`Scaled up replica set ${a} from 8 to 11`);
    expect(messages).toContain(`Scaled up replica set ${b} from 5 to 7`);
    for (const name of [a, b]) {
      expect(c.get('ReplicaSet', name)!.metadata.annotations).toMatchObject({
        'deployment.kubernetes.io/desired-replicas': '15', 'deployment.kubernetes.io/max-replicas': '18' });
    }
    expect(syncErrors(c)).toEqual([]);
  });
});

describe('revision history', () => {
  it('deletes old ReplicaSets beyond revisionHistoryLimit, lowest revision first', () => {
    const c = createCluster();
    const extra = '  revisionHistoryLimit: 1\n';
    for (const image of ['nginx:1.25', 'nginx:1.26', 'nginx:1.27']) {
      c.apply(manifest({ image, replicas: 2, specExtra: extra }));
      runUntil(c, () => complete(c) && c.list('ReplicaSet', 'default').every((r) =>
        spec(r).replicas > 0 || (status(r).replicas ?? 0) === 0), 200_000);
    }
    runUntil(c, () => c.list('ReplicaSet', 'default').length === 2, 60_000);
    const revisions = c.list('ReplicaSet', 'default')
      .map((r) => [spec(r).template.spec.containers[0].image, r.metadata.annotations?.['deployment.kubernetes.io/revision']]);
    expect(revisions.sort()).toEqual([['nginx:1.26', '2'], ['nginx:1.27', '3']]);
    const deletion = c.steps.find((s) => s.actor === 'deployment-controller' && s.changes.some((x) => x.type === 'DELETED'));
    expect(deletion?.message).toContain('revisionHistoryLimit=1');
  });

  it('bumps collisionCount when a foreign ReplicaSet already has the name', () => {
    const probe = createCluster();
    probe.apply(manifest());
    probe.advance(1000);
    const taken = probe.list('ReplicaSet', 'default')[0].metadata.name;

    const c = createCluster();
    c.apply(`apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: ${taken}
spec:
  replicas: 0
  selector:
    matchLabels:
      app: other
  template:
    metadata:
      labels:
        app: other
    spec:
      containers:
      - name: app
        image: busybox:1.36
`);
    c.apply(manifest());
    runUntil(c, () => complete(c), 120_000);
    const d = c.get('Deployment', 'web')!;
    expect(status(d).collisionCount).toBe(1);
    const own = c.list('ReplicaSet', 'default').filter((r) => r.metadata.ownerReferences?.[0]?.uid === d.metadata.uid);
    expect(own).toHaveLength(1);
    expect(own[0].metadata.name).not.toBe(taken);
    expect(spec(c.get('ReplicaSet', taken)).template.metadata.labels).toEqual({ app: 'other' });
  });
});
