import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster, type ClusterView } from '../../src/engine';
import { createRolloutProjector, rolloutSeries, type RolloutSample } from '../../src/projections/rollout';
import { sampleIndexAt } from '../../src/projections/rolloutSummary';

const manifest = (image: string, replicas = 4) => `apiVersion: apps/v1
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
      - name: app
        image: ${image}
        imagePullPolicy: Always
`;

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function rolledOut(c: Cluster, revision: string): boolean {
  const d = c.get('Deployment', 'web');
  const s = (d?.status ?? {}) as Any;
  return d?.metadata.annotations?.['deployment.kubernetes.io/revision'] === revision &&
    s.observedGeneration >= d.metadata.generation! && s.updatedReplicas === 4 && s.replicas === 4 && s.availableReplicas === 4 &&
    s.conditions?.some((x: Any) => x.reason === 'NewReplicaSetAvailable');
}

function runUntil(c: Cluster, done: () => boolean): void {
  for (let guard = 0; guard < 20_000 && !done(); guard++) if (!c.step()) c.advance(1000);
  expect(done()).toBe(true);
}

/** Worked example A (k8s-semantics §5): replicas 4, 25%/25%; one Node, so new Pods become available one at a time. */
function exampleA(): { c: Cluster; editStep: number } {
  const c = createCluster({ nodes: 1 });
  expect(c.apply(manifest('nginx:1.27')).ok).toBe(true);
  runUntil(c, () => rolledOut(c, '1'));
  const editStep = c.steps.length;
  expect(c.apply(manifest('nginx:1.28')).ok).toBe(true);
  runUntil(c, () => rolledOut(c, '2'));
  return { c, editStep };
}

/** The same numbers computed the slow way, from a full snapshot. */
function bruteForce(view: ClusterView): { sets: Record<string, number[]>; total: number; available: number } {
  const d = view.get('Deployment', 'web')!;
  const sets: Record<string, number[]> = {};
  let total = 0;
  let available = 0;
  for (const rs of view.list('ReplicaSet', 'default')) {
    if (!rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid)) continue;
    const st = (rs.status ?? {}) as Any;
    const spec = (rs.spec as Any).replicas;
    sets[rs.metadata.uid] = [spec, st.replicas ?? 0, st.readyReplicas ?? 0, st.availableReplicas ?? 0];
    total += spec;
    available += st.availableReplicas ?? 0;
  }
  return { sets, total, available };
}

const flat = (s: RolloutSample) => ({
  sets: Object.fromEntries(Object.entries(s.sets).map(([uid, x]) => [uid, [x.spec, x.pods, x.ready, x.available]])),
  total: s.total,
  available: s.available,
});

describe('rollout series on worked example A', () => {
  const { c, editStep } = exampleA();
  const series = rolloutSeries(c, { name: 'web' });
  const [a, b] = series.replicaSets;

  it('knows both ReplicaSets, oldest first, with their revisions and hashes', () => {
    expect(series.replicaSets).toHaveLength(2);
    expect(a).toMatchObject({ revision: 1, name: c.list('ReplicaSet').find((r) => r.metadata.uid === a.uid)!.metadata.name });
    expect(b.revision).toBe(2);
    expect(b.name).toBe(`web-${b.hash}`);
  });

  it('steps the ReplicaSets 4/0 → 0/4 one Pod at a time, as the worked example says', () => {
    const pairs: string[] = [];
    // from the sample in force when the template changed
    for (const s of series.samples.slice(sampleIndexAt(series.samples, editStep))) {
      const pair = `${s.sets[a.uid]?.spec ?? 0}/${s.sets[b.uid]?.spec ?? 0}`;
      if (pairs[pairs.length - 1] !== pair) pairs.push(pair);
    }
    expect(pairs).toEqual(['4/0', '4/1', '3/1', '3/2', '2/2', '2/3', '1/3', '1/4', '0/4']);
  });

  it('carries the bounds max 5 and min 3, and never leaves them during the rollout', () => {
    const during = series.samples.filter((s) => s.step >= editStep);
    for (const s of during) {
      expect(s).toMatchObject({ replicas: 4, strategy: 'RollingUpdate', maxTotal: 5, minAvailable: 3 });
      expect(s.total).toBeLessThanOrEqual(5);
      expect(s.available).toBeGreaterThanOrEqual(3);
    }
    expect(Math.max(...during.map((s) => s.total))).toBe(5);
    expect(during[during.length - 1]).toMatchObject({ total: 4, available: 4, revision: 2 });
  });

  it('agrees with a full snapshot read at every Step from the Deployment on', () => {
    const first = series.samples[0].step;
    for (let i = first; i < c.steps.length; i++) {
      const sample = series.samples[sampleIndexAt(series.samples, i)];
      expect(flat(sample), `Step ${i} (${c.steps[i].message})`).toEqual(bruteForce(c.at(i)));
    }
  });

  it('samples only Steps that wrote the Deployment or a ReplicaSet, dropping repeats', () => {
    for (const s of series.samples) {
      expect(c.steps[s.step].changes.some((x) => x.kind === 'ReplicaSet' || x.kind === 'Deployment')).toBe(true);
    }
    const numbers = ({ step: _s, time: _t, ...rest }: RolloutSample) => rest;
    for (let i = 1; i < series.samples.length; i++) expect(numbers(series.samples[i])).not.toEqual(numbers(series.samples[i - 1]));
    expect(series.samples.length).toBeLessThan(c.steps.length / 2);
  });

  it('the incremental projector gives the same series as one pass, reading only new Steps', () => {
    const c2 = createCluster({ nodes: 1 });
    const project = createRolloutProjector();
    expect(c2.apply(manifest('nginx:1.27')).ok).toBe(true);
    let last = project(c2, { name: 'web' });
    for (let guard = 0; guard < 20_000 && !rolledOut(c2, '1'); guard++) {
      if (!c2.step()) c2.advance(1000);
      const next = project(c2, { name: 'web' });
      if (next !== last) expect(next.samples.length).toBeGreaterThanOrEqual(last.samples.length);
      last = next;
    }
    expect(project(c2, { name: 'web' })).toBe(last); // nothing new: the same object
    expect(last.samples.map(flat)).toEqual(rolloutSeries(c2, { name: 'web' }).samples.map(flat));
  });
});

describe('rollout series after rollout undo', () => {
  it('renumbers the old ReplicaSet to revision 3 and scales it back up', () => {
    const { c } = exampleA();
    const project = createRolloutProjector();
    const before = project(c, { name: 'web' });
    const [a] = before.replicaSets;
    expect(c.rollout('undo', 'Deployment', 'web').message).toBe('deployment.apps/web rolled back');
    runUntil(c, () => rolledOut(c, '3'));
    const after = project(c, { name: 'web' });
    expect(after.replicaSets).toHaveLength(2);
    expect(after.replicaSets[0]).toMatchObject({ uid: a.uid, revision: 3, history: [1] });
    const end = after.samples[after.samples.length - 1];
    expect(end.sets[a.uid]).toMatchObject({ spec: 4, available: 4, revision: 3 });
    expect(end.revision).toBe(3);
    // the sample before the undo still says revision 1
    expect(before.samples[before.samples.length - 1].sets[a.uid].revision).toBe(1);
  });
});
