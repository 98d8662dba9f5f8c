import { describe, expect, it } from 'vitest';
import { setNewReplicaSetAnnotations } from '../../../src/engine/controllers/deployment/annotations';
import { newCondition, setCondition } from '../../../src/engine/controllers/deployment/conditions';
import { planOldScaleDown } from '../../../src/engine/controllers/deployment/oldReplicaSetsPlan';
import { deploymentTimedOut, stuckRequeueAfter } from '../../../src/engine/controllers/deployment/progress';
import { planProportionalScaling } from '../../../src/engine/controllers/deployment/proportionalScaling';
import { equalIgnoreHash } from '../../../src/engine/controllers/deployment/replicaSets';
import { maxSurge, maxUnavailable, newRSNewReplicas, resolveFenceposts, scaledValue }
  from '../../../src/engine/controllers/deployment/rollingMath';
import type { DeploymentObject, DeploymentStatus, ReplicaSetObject } from '../../../src/engine/controllers/deployment/types';
import { timestamp } from '../../../src/engine/core/time';

function deployment(replicas: number, surge: number | string = '25%', unavailable: number | string = '25%',
  type = 'RollingUpdate', extra: Partial<DeploymentObject['spec']> = {}): DeploymentObject {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', uid: 'd', resourceVersion: '1', creationTimestamp: timestamp(0), generation: 1 },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: {}, progressDeadlineSeconds: 600,
      strategy: type === 'Recreate' ? { type } : { type, rollingUpdate: { maxSurge: surge, maxUnavailable: unavailable } }, ...extra },
  };
}

function replicaSet(name: string, spec: number, createdAt: number, maxReplicas?: number): ReplicaSetObject {
  return {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: { name, namespace: 'default', uid: name, resourceVersion: '1', creationTimestamp: timestamp(createdAt),
      annotations: maxReplicas === undefined ? undefined : { 'deployment.kubernetes.io/max-replicas': String(maxReplicas) } },
    spec: { replicas: spec, selector: {} },
  };
}

describe('int-or-percent limits', () => {
  it.each([
    ['25%', 4, true, 1], ['25%', 4, false, 1], ['25%', 10, true, 3], ['25%', 10, false, 2],
    ['30%', 3, true, 1], ['30%', 3, false, 0], ['1%', 1, true, 1], ['99%', 1, false, 0],
    ['100%', 7, true, 7], ['0%', 5, true, 0], [3, 10, true, 3], [0, 10, false, 0],
  ] as const)('%s of %d (round up: %s) is %d', (value, total, up, expected) => {
    expect(scaledValue(value, total, up)).toBe(expected);
  });

  it.each([
    ['25%', '25%', 4, 1, 1],
    ['25%', '25%', 10, 3, 2],
    [3, 2, 10, 3, 2],
    ['0%', '10%', 5, 0, 1], // both round to 0: maxUnavailable becomes 1
    [0, '25%', 1, 0, 1],
    ['25%', 0, 2, 1, 0],
  ] as const)('fenceposts surge %s, unavailable %s of %d → %d / %d', (s, u, n, surge, unavailable) => {
    expect(resolveFenceposts(s, u, n)).toEqual({ surge, unavailable });
  });

  it('caps maxUnavailable at replicas and has no surge or unavailability under Recreate', () => {
    expect(maxUnavailable(deployment(3, 0, 5))).toBe(3);
    expect(maxUnavailable(deployment(0, 1, 1))).toBe(0);
    expect(maxSurge(deployment(4, '25%', '25%', 'Recreate'))).toBe(0);
    expect(maxUnavailable(deployment(4, '25%', '25%', 'Recreate'))).toBe(0);
  });

  it('sizes a new ReplicaSet into the surge room, never past replicas', () => {
    const d = deployment(4);
    expect(newRSNewReplicas(d, 4, 0)).toBe(1);
    expect(newRSNewReplicas(d, 4, 1)).toBe(2);
    expect(newRSNewReplicas(d, 5, 2)).toBe(2);
    expect(newRSNewReplicas(deployment(10, 3, 2), 10, 0)).toBe(3);
    expect(newRSNewReplicas(deployment(10, 3, 2), 8, 9)).toBe(10);
    expect(newRSNewReplicas(deployment(4, '25%', '25%', 'Recreate'), 4, 0)).toBe(4);
  });
});

/**
 * A pure model of the rollout loop of §5: one sync either grows the new ReplicaSet or shrinks old
 * ones; old Pods that are scaled down go at once, new Pods become available one at a time.
 */
function simulate(replicas: number, surge: number, unavailable: number) {
  const d = deployment(replicas, surge, unavailable);
  const a = { spec: replicas, available: replicas };
  const b = { spec: 0, available: 0 };
  const log: string[] = [];
  const sync = () => {
    const target = newRSNewReplicas(d, a.spec + b.spec, b.spec);
    if (target !== b.spec) {
      log.push(b.spec === 0 ? `B to ${target}` : `B ${b.spec}→${target}`);
      b.spec = target;
      if (log.length > 1) return true;
    }
    const plan = planOldScaleDown(replicas, maxUnavailable(d), a.spec + b.spec,
      { name: 'B', ...b }, a.spec > 0 ? [{ name: 'A', ...a }] : []);
    for (const c of plan.changes) {
      log.push(`A ${c.from}→${c.to}`);
      a.spec = a.available = c.to;
    }
    return plan.changes.length > 0;
  };
  while (b.available < replicas) {
    while (sync()) { /* until nothing changes */ }
    if (b.available < b.spec) {
      b.available++;
      log.push(`B av=${b.available}`);
    }
  }
  return log;
}

describe('RollingUpdate math reproduces the worked examples', () => {
  it('example A: replicas 4, 25%/25%', () => {
    expect(simulate(4, 1, 1)).toEqual([
      'B to 1', 'A 4→3', 'B 1→2',
      'B av=1', 'A 3→2', 'B 2→3',
      'B av=2', 'A 2→1', 'B 3→4',
      'B av=3', 'A 1→0',
      'B av=4',
    ]);
  });

  it('example B: replicas 10, maxSurge 3, maxUnavailable 2', () => {
    expect(simulate(10, 3, 2)).toEqual([
      'B to 3', 'A 10→8', 'B 3→5',
      'B av=1', 'A 8→7', 'B 5→6',
      'B av=2', 'A 7→6', 'B 6→7',
      'B av=3', 'A 6→5', 'B 7→8',
      'B av=4', 'A 5→4', 'B 8→9',
      'B av=5', 'A 4→3', 'B 9→10',
      'B av=6', 'A 3→2',
      'B av=7', 'A 2→1',
      'B av=8', 'A 1→0',
      'B av=9', 'B av=10',
    ]);
  });

  it('removes unavailable old replicas first, at most maxScaledDown of them', () => {
    const plan = planOldScaleDown(10, 2, 13, { name: 'B', spec: 3, available: 0 },
      [{ name: 'A', spec: 6, available: 2 }, { name: 'C', spec: 4, available: 4 }]);
    expect(plan.maxScaledDown).toBe(2);
    expect(plan.changes).toEqual([{ name: 'A', from: 6, to: 4, phase: 'cleanup' }]);
  });

  it('makes no change when the new ReplicaSet has too many unavailable Pods', () => {
    expect(planOldScaleDown(4, 1, 5, { name: 'B', spec: 2, available: 0 }, [{ name: 'A', spec: 3, available: 3 }]).changes)
      .toEqual([]);
  });
});

describe('proportional scaling', () => {
  it('10→15 with A=8 and B=5 (max-replicas 13, surge 3) gives 11 and 7', () => {
    const plan = planProportionalScaling(deployment(15, 3, 2),
      [replicaSet('web-a', 8, 0, 13), replicaSet('web-b', 5, 10_000, 13)]);
    expect(plan.allowed).toBe(18);
    expect(plan.operation).toBe('up');
    expect(plan.sizes.map((s) => [s.rs.metadata.name, s.to])).toEqual([['web-a', 11], ['web-b', 7]]);
  });

  it('scales down larger first, then older first', () => {
    const plan = planProportionalScaling(deployment(5, 3, 2),
      [replicaSet('web-a', 8, 0, 13), replicaSet('web-b', 5, 10_000, 13)]);
    expect(plan.sizes.map((s) => [s.rs.metadata.name, s.to])).toEqual([['web-a', 5], ['web-b', 3]]);
  });

  it('gives the rounding leftover to the first ReplicaSet (newer first among equals when adding)', () => {
    const plan = planProportionalScaling(deployment(12, 3, 2),
      [replicaSet('web-a', 5, 0, 13), replicaSet('web-b', 5, 10_000, 13)]);
    expect(plan.sizes.map((s) => [s.rs.metadata.name, s.to])).toEqual([['web-b', 9], ['web-a', 6]]);
  });

  it('takes every ReplicaSet to 0 when replicas is 0', () => {
    const plan = planProportionalScaling(deployment(0, 3, 2),
      [replicaSet('web-a', 8, 0, 13), replicaSet('web-b', 5, 10_000, 13)]);
    expect(plan.sizes.map((s) => s.to)).toEqual([0, 0]);
  });
});

describe('ReplicaSet annotations', () => {
  it('annotates a new ReplicaSet with revision, desired and max replicas and the Deployment annotations', () => {
    const rs: Record<string, string> = {};
    setNewReplicaSetAnnotations({ 'kubernetes.io/change-cause': 'v2', 'kubectl.kubernetes.io/last-applied-configuration': '{}',
      'deployment.kubernetes.io/revision': '9' }, rs, 2, false, { desired: 4, max: 5 });
    expect(rs).toEqual({ 'kubernetes.io/change-cause': 'v2', 'deployment.kubernetes.io/revision': '2',
      'deployment.kubernetes.io/desired-replicas': '4', 'deployment.kubernetes.io/max-replicas': '5' });
  });

  it('renumbers a reused ReplicaSet and keeps its earlier revisions in revision-history', () => {
    const rs: Record<string, string> = { 'deployment.kubernetes.io/revision': '1' };
    expect(setNewReplicaSetAnnotations({}, rs, 3, true, { desired: 1, max: 2 })).toBe(true);
    expect(rs['deployment.kubernetes.io/revision']).toBe('3');
    expect(rs['deployment.kubernetes.io/revision-history']).toBe('1');
    setNewReplicaSetAnnotations({}, rs, 5, true, { desired: 1, max: 2 });
    expect(rs['deployment.kubernetes.io/revision-history']).toBe('1,3');
    expect(setNewReplicaSetAnnotations({}, rs, 5, true, { desired: 1, max: 2 })).toBe(false);
  });

  it('drops the oldest history entries past 2000 characters', () => {
    const long = Array.from({ length: 400 }, (_, i) => String(1000 + i)).join(','); // 1999 chars
    const rs: Record<string, string> = { 'deployment.kubernetes.io/revision': '5000',
      'deployment.kubernetes.io/revision-history': long };
    setNewReplicaSetAnnotations({}, rs, 5001, true, { desired: 1, max: 2 });
    const history = rs['deployment.kubernetes.io/revision-history'];
    expect(history.length).toBeLessThanOrEqual(2000);
    expect(history.endsWith(',5000')).toBe(true);
    expect(history.startsWith('1001,')).toBe(true);
  });
});

describe('conditions and progress', () => {
  it('keeps lastTransitionTime while the status stays, and moves the condition to the end', () => {
    const status: DeploymentStatus = {};
    setCondition(status, newCondition('Progressing', 'True', 'NewReplicaSetCreated', 'x', 0));
    setCondition(status, newCondition('Available', 'False', 'MinimumReplicasUnavailable', 'y', 1000));
    setCondition(status, newCondition('Progressing', 'True', 'NewReplicaSetAvailable', 'z', 9000));
    expect(status.conditions!.map((c) => c.type)).toEqual(['Available', 'Progressing']);
    expect(status.conditions![1]).toMatchObject({ lastTransitionTime: timestamp(0), lastUpdateTime: timestamp(9000) });
    setCondition(status, newCondition('Progressing', 'True', 'NewReplicaSetAvailable', 'z', 20_000));
    expect(status.conditions![1].lastUpdateTime).toBe(timestamp(9000));
  });

  it('times out strictly after lastUpdateTime + progressDeadlineSeconds and re-checks a second later', () => {
    const d = deployment(1, 1, 0, 'RollingUpdate', { progressDeadlineSeconds: 30 });
    d.status = { conditions: [newCondition('Progressing', 'True', 'ReplicaSetUpdated', 'p', 5000)] };
    expect(deploymentTimedOut(d, d.status, 35_000)).toBe(false);
    expect(deploymentTimedOut(d, d.status, 35_001)).toBe(true);
    expect(stuckRequeueAfter(d, d.status, 10_000)).toBe(26_000);
    expect(stuckRequeueAfter(d, d.status, 34_500)).toBe(501);
    // past the deadline without timing out (e.g. a complete rollout that lost availability): rate-limited retries
    const done = deployment(1, 1, 0, 'RollingUpdate', { progressDeadlineSeconds: 30 });
    done.status = { conditions: [newCondition('Progressing', 'True', 'NewReplicaSetAvailable', 'p', 5000)] };
    expect(stuckRequeueAfter(done, done.status, 90_000)).toBe('rateLimited');
  });

  it('compares templates without the pod-template-hash label', () => {
    const t = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'a', image: 'nginx' }] } };
    const hashed = { ...t, metadata: { labels: { app: 'web', 'pod-template-hash': '7c5ddbdf54' } } };
    expect(equalIgnoreHash(t, hashed)).toBe(true);
    expect(equalIgnoreHash(t, { ...t, spec: { containers: [{ name: 'a', image: 'nginx:2' }] } })).toBe(false);
    expect(equalIgnoreHash({ metadata: { labels: { a: 'b' }, annotations: {} } }, { metadata: { labels: { a: 'b' } } })).toBe(true);
  });
});
