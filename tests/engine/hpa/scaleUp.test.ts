import { describe, expect, it } from 'vitest';
import { timestamp } from '../../../src/engine/core/time';
import { newCluster, syncErrors } from '../helpers';
import { burner, condition, hpaEvents, hpaOf, hpaV2, join, MIN, replicasOf, rescales } from './fixtures';

const NO_METRICS = 'failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API';

describe('HPA scale-up under load (each Pod burns 150m of its 100m request, target 50%)', () => {
  it('follows the formula every 15s, capped by max(2 × current, 4) and maxReplicas', () => {
    const c = newCluster();
    c.apply(join(burner(), hpaV2()));
    c.advance(5 * MIN);
    expect(rescales(c).map((r) => [r.time, r.message])).toEqual([
      [30_000, 'HPA web: desired = ceil(1 × 150% / 50%) = 3 — Deployment/web scaled from 1 to 3'],
      [60_000, 'HPA web: desired = ceil(3 × 150% / 50%) = 9, capped by the scale-up limit max(2 × 3, 4) to 6 — Deployment/web scaled from 3 to 6'],
      // three new Pods have no sample yet: on a scale-up they count as idle (second pass)
      [75_000, 'HPA web: desired = ceil(6 × 75% / 50%) = 9 — Deployment/web scaled from 6 to 9'],
      [105_000, 'HPA web: desired = ceil(9 × 150% / 50%) = 27, capped by maxReplicas to 10 — Deployment/web scaled from 9 to 10'],
    ]);
    expect(replicasOf(c)).toBe(10);
    expect(syncErrors(c)).toEqual([]);
  });

  it('writes status, conditions and events as upstream does', () => {
    const c = newCluster();
    c.apply(join(burner(), hpaV2()));
    c.advance(5 * MIN);
    expect(hpaOf(c).status).toEqual({
      conditions: [
        { type: 'AbleToScale', status: 'True', lastTransitionTime: timestamp(15_000), reason: 'ReadyForNewScale', message: 'recommended size matches current size' },
        { type: 'ScalingActive', status: 'True', lastTransitionTime: timestamp(30_000), reason: 'ValidMetricFound',
          message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)' },
        { type: 'ScalingLimited', status: 'True', lastTransitionTime: timestamp(105_000), reason: 'TooManyReplicas',
          message: 'the desired replica count is more than the maximum replica count' },
      ],
      currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 150, averageValue: '150m' } } }],
      currentReplicas: 10, desiredReplicas: 10, lastScaleTime: timestamp(105_000), observedGeneration: 1,
    });
    const reason = 'cpu resource utilization (percentage of request) above target';
    expect(hpaEvents(c)).toEqual([
      `Warning FailedGetResourceMetric: ${NO_METRICS}`,
      `Warning FailedComputeMetricsReplicas: invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: ${NO_METRICS}`,
      `Normal SuccessfulRescale: New size: 3; reason: ${reason}`,
      `Normal SuccessfulRescale: New size: 6; reason: ${reason}`,
      `Normal SuccessfulRescale: New size: 9; reason: ${reason}`,
      `Normal SuccessfulRescale: New size: 10; reason: ${reason}`,
    ]);
  });

  it('first syncs one period after creation, before metrics-server has a sample', () => {
    const c = newCluster();
    c.apply(join(burner(), hpaV2()));
    c.advance(14_000);
    expect(c.steps.filter((s) => s.actor === 'horizontal-pod-autoscaler')).toEqual([]);
    c.advance(2_000);
    expect(hpaOf(c).status).toEqual({
      conditions: [
        { type: 'AbleToScale', status: 'True', lastTransitionTime: timestamp(15_000), reason: 'SucceededGetScale',
          message: "the HPA controller was able to get the target's current scale" },
        { type: 'ScalingActive', status: 'False', lastTransitionTime: timestamp(15_000), reason: 'FailedGetResourceMetric',
          message: `the HPA was unable to compute the replica count: ${NO_METRICS}` },
      ],
      // upstream keeps the failed metric's zero MetricStatus
      currentMetrics: [{ type: '' }],
      currentReplicas: 1, desiredReplicas: 0, observedGeneration: 1,
    });
  });

  it('does nothing while the ratio stays within the 0.1 tolerance', () => {
    const c = newCluster();
    // 300m burnt of 300m requested = 100%; 100 / 95 = 1.05 is within 1 ± 0.1
    c.apply(join(burner({ request: '300m', limit: '300m' }), hpaV2({ utilization: 95 })));
    c.advance(10 * MIN);
    expect(rescales(c)).toEqual([]);
    expect(replicasOf(c)).toBe(1);
    expect(hpaOf(c).status).toMatchObject({ currentReplicas: 1, desiredReplicas: 1 });
    expect(condition(c, 'AbleToScale')).toMatchObject({ reason: 'ReadyForNewScale' });
    expect(condition(c, 'ScalingLimited')).toMatchObject({ status: 'False', reason: 'DesiredWithinRange' });
    expect(c.steps.filter((s) => s.actor === 'horizontal-pod-autoscaler').map((s) => s.message)).toContain(
      'HPA web: cpu at 100% of target 95% is within the 0.1 tolerance: desired stays 1 — Deployment/web stays at 1');
  });

  it('is deterministic', () => {
    const run = () => {
      const c = newCluster({ seed: 7 });
      c.apply(join(burner(), hpaV2()));
      c.advance(3 * MIN);
      return c.steps.map((s) => `${s.time} ${s.actor} ${s.message}`);
    };
    expect(run()).toEqual(run());
  });
});
