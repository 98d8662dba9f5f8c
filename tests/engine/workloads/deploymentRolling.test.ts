import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster, type ClusterView, type KubeObject } from '../../../src/engine';
import { runUntil, syncErrors } from '../helpers';

interface Spec { replicas: number; image: string; surge?: number | string; unavailable?: number | string }

/** One Node and imagePullPolicy Always: pulls are serialised per Node, so new Pods become ready one at a time. */
function manifest({ replicas, image, surge, unavailable }: Spec): string {
  const strategy = surge === undefined ? '' :
    `  strategy:\n    rollingUpdate:\n      maxSurge: ${JSON.stringify(surge)}\n      maxUnavailable: ${JSON.stringify(unavailable)}\n`;
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: web
${strategy}  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: app
        image: ${image}
        imagePullPolicy: Always
`;
}

type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const status = (o: KubeObject | undefined) => ((o?.status ?? {}) as Any);
const rsByRevision = (v: ClusterView, rev: string) =>
  v.list('ReplicaSet', 'default').find((r) => r.metadata.annotations?.['deployment.kubernetes.io/revision'] === rev);

function rolledOut(c: Cluster, replicas: number): boolean {
  const d = c.get('Deployment', 'web');
  const s = status(d);
  return !!d && s.observedGeneration >= d.metadata.generation! && s.updatedReplicas === replicas &&
    s.replicas === replicas && s.availableReplicas === replicas &&
    s.conditions?.some((x: Any) => x.reason === 'NewReplicaSetAvailable');
}

/** Pods of the Deployment that are neither terminating nor finished, and how many of them are Ready. */
function livePods(v: ClusterView): { total: number; ready: number } {
  const pods = v.list('Pod', 'default').filter((p) => p.metadata.labels?.app === 'web' && !p.metadata.deletionTimestamp &&
    !['Succeeded', 'Failed'].includes(status(p).phase));
  const ready = pods.filter((p) => status(p).conditions?.some((x: Any) => x.type === 'Ready' && x.status === 'True'));
  return { total: pods.length, ready: ready.length };
}

interface Scaling { event: string; a: number; b: number; bAvailable: number }

/**
 * Applies the new template and steps until the rollout completes, checking the surge and
 * availability limits after every Step; returns each ScalingReplicaSet event with the sizes after it.
 */
function rollOut(c: Cluster, next: Spec, maxTotal: number, minAvailable: number): { scalings: Scaling[]; a: string; b: string } {
  const a = rsByRevision(c, '1')!.metadata.name;
  expect(c.apply(manifest(next)).ok).toBe(true);
  const scalings: Scaling[] = [];
  for (let guard = 0; guard < 5000 && !rolledOut(c, next.replicas); guard++) {
    const step = c.step() ?? c.advance(1000)[0];
    if (!step) continue;
    const view = c.at(step.index);
    const pods = livePods(view);
    expect(pods.total, `Pods after Step ${step.index} (${step.message})`).toBeLessThanOrEqual(maxTotal);
    expect(pods.ready, `available Pods after Step ${step.index} (${step.message})`).toBeGreaterThanOrEqual(minAvailable);
    for (const e of step.events.filter((x) => x.startsWith('ScalingReplicaSet: '))) {
      const b = rsByRevision(view, '2');
      scalings.push({ event: e.slice('ScalingReplicaSet: '.length), a: (view.get('ReplicaSet', a)!.spec as Any).replicas,
        b: (b?.spec as Any)?.replicas ?? 0, bAvailable: status(b).availableReplicas ?? 0 });
    }
  }
  expect(rolledOut(c, next.replicas)).toBe(true);
  return { scalings, a, b: rsByRevision(c, '2')!.metadata.name };
}

function settle(c: Cluster, spec: Spec): void {
  expect(c.apply(manifest(spec)).ok).toBe(true);
  runUntil(c, () => rolledOut(c, spec.replicas), 300_000);
}

describe('RollingUpdate, Step by Step', () => {
  it('reproduces worked example A (replicas 4, 25%/25%): surge 1, unavailable 1', () => {
    const c = createCluster({ nodes: 1 });
    settle(c, { replicas: 4, image: 'nginx:1.27' });
    const { scalings, a, b } = rollOut(c, { replicas: 4, image: 'nginx:1.28' }, 5, 3);
    expect(scalings).toEqual([
      { event: `Scaled up replica set ${b} to 1`, a: 4, b: 1, bAvailable: 0 },
      { event: `Scaled down replica set ${a} from 4 to 3`, a: 3, b: 1, bAvailable: 0 },
      { event: `Scaled up replica set ${b} from 1 to 2`, a: 3, b: 2, bAvailable: 0 },
      { event: `Scaled down replica set ${a} from 3 to 2`, a: 2, b: 2, bAvailable: 1 },
      { event: `Scaled up replica set ${b} from 2 to 3`, a: 2, b: 3, bAvailable: 1 },
      { event: `Scaled down replica set ${a} from 2 to 1`, a: 1, b: 3, bAvailable: 2 },
      { event: `Scaled up replica set ${b} from 3 to 4`, a: 1, b: 4, bAvailable: 2 },
      { event: `Scaled down replica set ${a} from 1 to 0`, a: 0, b: 4, bAvailable: 3 },
    ]);
    // the old ReplicaSet stays, at 0, as history
    expect((c.get('ReplicaSet', a)!.spec as Any).replicas).toBe(0);
    const progressing = status(c.get('Deployment', 'web')).conditions.find((x: Any) => x.type === 'Progressing');
    expect(progressing).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable',
      message: `ReplicaSet "${b}" has successfully progressed.` });
    expect(syncErrors(c)).toEqual([]);
  });

  it('reproduces worked example B (replicas 10, maxSurge 3, maxUnavailable 2)', () => {
    const c = createCluster({ nodes: 1 });
    settle(c, { replicas: 10, image: 'nginx:1.27', surge: 3, unavailable: 2 });
    const { scalings, a, b } = rollOut(c, { replicas: 10, image: 'nginx:1.28', surge: 3, unavailable: 2 }, 13, 8);
    const up = (from: number, to: number) => `Scaled up replica set ${b} from ${from} to ${to}`;
    const down = (from: number, to: number) => `Scaled down replica set ${a} from ${from} to ${to}`;
    expect(scalings.map((s) => [s.event, s.a, s.b])).toEqual([
      [`Scaled up replica set ${b} to 3`, 10, 3], [down(10, 8), 8, 3], [up(3, 5), 8, 5],
      [down(8, 7), 7, 5], [up(5, 6), 7, 6],
      [down(7, 6), 6, 6], [up(6, 7), 6, 7],
      [down(6, 5), 5, 7], [up(7, 8), 5, 8],
      [down(5, 4), 4, 8], [up(8, 9), 4, 9],
      [down(4, 3), 3, 9], [up(9, 10), 3, 10],
      [down(3, 2), 2, 10], [down(2, 1), 1, 10], [down(1, 0), 0, 10],
    ]);
    // each old scale-down waited for one more new Pod to become available
    expect(scalings.filter((s) => s.event.startsWith('Scaled down')).map((s) => s.bAvailable))
      .toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(syncErrors(c)).toEqual([]);
  });

  it('rounds a percentage maxSurge up and maxUnavailable down', () => {
    const c = createCluster({ nodes: 1 });
    settle(c, { replicas: 3, image: 'nginx:1.27', surge: '50%', unavailable: '50%' });
    // 50% of 3 = 1.5: maxSurge 2 (at most 5 Pods), maxUnavailable 1 (at least 2 available)
    const { scalings, a, b } = rollOut(c, { replicas: 3, image: 'nginx:1.28', surge: '50%', unavailable: '50%' }, 5, 2);
    expect(scalings.slice(0, 2).map((s) => s.event)).toEqual([
      `Scaled up replica set ${b} to 2`, `Scaled down replica set ${a} from 3 to 2`]);
    const rs = c.get('ReplicaSet', b)!;
    expect(rs.metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '5' });
  });

  it('rounds 25% of 10 to a surge of 3 and an unavailability of 2', () => {
    const c = createCluster({ nodes: 1 });
    settle(c, { replicas: 10, image: 'nginx:1.27' });
    const { scalings, a, b } = rollOut(c, { replicas: 10, image: 'nginx:1.28' }, 13, 8);
    expect(scalings.slice(0, 3).map((s) => s.event)).toEqual([
      `Scaled up replica set ${b} to 3`, `Scaled down replica set ${a} from 10 to 8`, `Scaled up replica set ${b} from 3 to 5`]);
  });

  it('is deterministic: the same seed and commands give the same Steps', () => {
    const run = () => {
      const c = createCluster({ nodes: 2, seed: 7 });
      settle(c, { replicas: 5, image: 'nginx:1.27' });
      c.apply(manifest({ replicas: 5, image: 'nginx:1.28' }));
      runUntil(c, () => rolledOut(c, 5) && c.list('ReplicaSet').length === 2, 300_000);
      return c.steps.map((st) => `${st.time} ${st.actor} ${st.message} ${st.events.join(',')}`);
    };
    expect(run()).toEqual(run());
  });
});

