import { describe, expect, it } from 'vitest';
import { explainSync, syncSummary } from '../../../src/engine/controllers/podautoscaler/explain';
import { normalizeLegacy, normalizeWithBehavior } from '../../../src/engine/controllers/podautoscaler/normalize';
import { behaviorOf } from '../../../src/engine/controllers/podautoscaler/hpaSpec';
import { calculateReplicas } from '../../../src/engine/controllers/podautoscaler/replicaCalculator';
import { HPA_SYNCS_TABLE, type HpaSyncRecord } from '../../../src/engine/controllers/podautoscaler/syncRecord';
import type { Behavior } from '../../../src/engine/controllers/podautoscaler/types';
import { newCluster } from '../helpers';
import { burner, hpaV2, join, metrics, MIN, pod } from './fixtures';

const NOW = 20 * MIN;

/** A record as the controller builds it, from the pure calculator and normalization. */
function record(usage: Record<string, number>, opts: { pending?: string[]; behavior?: Behavior; max?: number } = {}): HpaSyncRecord {
  const pods = [...Object.keys(usage).map((n) => pod(n)), ...(opts.pending ?? []).map((n) => pod(n, { phase: 'Pending' }))];
  const current = pods.length;
  const r = calculateReplicas({ currentReplicas: current, target: 50, mode: 'Utilization', resource: 'cpu', pods, metrics: metrics(usage, NOW), now: NOW });
  if (!r.ok) throw new Error(r.error);
  const input = { history: { recommendations: [], scaleUp: [], scaleDown: [] }, now: NOW, currentReplicas: current, proposal: r.calc.replicas,
    minReplicas: 1, maxReplicas: opts.max ?? 10 };
  const n = opts.behavior ? normalizeWithBehavior(input, opts.behavior) : normalizeLegacy(input);
  return {
    namespace: 'default', name: 'web', time: NOW, target: 'Deployment/web', minReplicas: 1, maxReplicas: opts.max ?? 10, outcome: 'computed',
    currentReplicas: current, metrics: [{ label: 'cpu', name: 'cpu resource utilization (percentage of request)', calc: r.calc, replicas: r.calc.replicas }],
    normalization: { legacy: !opts.behavior, proposal: r.calc.replicas, stabilized: n.stabilized, window: n.window, stabilization: n.ableToScale.reason,
      limit: n.limited.reason, rate: n.rate, desired: n.desired },
    desiredReplicas: n.desired, rescale: n.desired !== current, rescaleReason: 'cpu resource utilization (percentage of request) above target',
  };
}

describe('explaining a sync', () => {
  it.each([
    ['the formula, capped by the legacy scale-up limit', record({ a: 180, b: 180, c: 180 }),
      'desired = ceil(3 × 180% / 50%) = 11, capped by the scale-up limit max(2 × 3, 4) to 6'],
    ['the default scale-up policies', record({ a: 180, b: 180, c: 180 }, { behavior: behaviorOf({}) }),
      'desired = ceil(3 × 180% / 50%) = 11, capped by the scale-up policy (max(4 pods, 100%) in 15s) to 7'],
    ['policies with different periods', record({ a: 180, b: 180, c: 180 }, { behavior: behaviorOf({ scaleUp: { selectPolicy: 'Min',
      policies: [{ type: 'Pods', value: 2, periodSeconds: 60 }, { type: 'Percent', value: 50, periodSeconds: 30 }] } }) }),
    'desired = ceil(3 × 180% / 50%) = 11, capped by the scale-up policy (min(2 pods in 60s, 50% in 30s)) to 5'],
    ['maxReplicas', record({ a: 180, b: 180, c: 180 }, { max: 5, behavior: behaviorOf({}) }), 'desired = ceil(3 × 180% / 50%) = 11, capped by maxReplicas to 5'],
    ['the tolerance', record({ a: 52, b: 52 }), 'cpu at 52% of target 50% is within the 0.1 tolerance: desired stays 2'],
    ['the second pass', record({ a: 90, b: 90 }, { pending: ['p'] }), 'desired = ceil(3 × 60% / 50%) = 4'],
  ])('%s', (_name, r, summary) => {
    expect(syncSummary(r)).toBe(summary);
  });

  it('details every number', () => {
    expect(explainSync(record({ a: 180, b: 180 }, { pending: ['p'], behavior: behaviorOf({ scaleUp: { policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] } }) })))
      .toEqual([
        'Deployment/web: 3 replicas (min 1, max 10)',
        'cpu: 2 Pods use 360m of 200m requested = 180% (target 50%); scaling up, so 1 not-ready Pod counted as idle: 3 Pods at 120%'
          + ' → desired = ceil(3 × 120% / 50%) = 8',
        'highest proposal: 8',
        'capped by the scale-up policy (1 pod in 60s) to 4',
        'Pods 1 per 60s from 3 at the period\'s start: 3 + 1 = 4; selectPolicy Max → at most 4',
        'Deployment/web scaled from 3 to 4 (reason: cpu resource utilization (percentage of request) above target)',
      ]);
  });

  it('words one Pod and one replica in the singular', () => {
    const base = record({ a: 150 });
    expect(syncSummary({ ...base, outcome: 'below-min', currentReplicas: 1, minReplicas: 2 }))
      .toBe('Deployment/web has 1 replica, below minReplicas 2: desired = 2');
    expect(syncSummary({ ...base, outcome: 'above-max', currentReplicas: 3, maxReplicas: 2 }))
      .toBe('Deployment/web has 3 replicas, above maxReplicas 2: desired = 2');
    expect(explainSync(base).slice(0, 2)).toEqual([
      'Deployment/web: 1 replica (min 1, max 10)',
      'cpu: 1 Pod uses 150m of 100m requested = 150% (target 50%) → desired = ceil(1 × 150% / 50%) = 3',
    ]);
  });

  it('is available as of any Step (time travel)', () => {
    const c = newCluster();
    c.apply(join(burner(), hpaV2()));
    c.advance(2 * MIN);
    const first = c.steps.find((s) => s.actor === 'horizontal-pod-autoscaler' && s.message.includes('status: currentReplicas 1, desiredReplicas 3'))!;
    const [[key, r]] = c.at(first.index).table<HpaSyncRecord>(HPA_SYNCS_TABLE);
    expect(key).toBe('default/web');
    expect(explainSync(r)).toEqual([
      'Deployment/web: 1 replica (min 1, max 10)',
      'cpu: 1 Pod uses 150m of 100m requested = 150% (target 50%) → desired = ceil(1 × 150% / 50%) = 3',
      'highest proposal: 3',
      'Deployment/web scaled from 1 to 3 (reason: cpu resource utilization (percentage of request) above target)',
    ]);
    // before its first sync there is no record
    expect(c.at(first.index - 5).table(HPA_SYNCS_TABLE).length).toBeLessThanOrEqual(1);
  });
});
