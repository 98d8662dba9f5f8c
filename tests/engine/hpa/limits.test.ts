import { describe, expect, it } from 'vitest';
import { timestamp } from '../../../src/engine/core/time';
import { newCluster } from '../helpers';
import { burner, condition, hpaEvents, hpaOf, hpaV2, join, MIN, replicasOf, rescales } from './fixtures';

describe('HPA min/max', () => {
  it('brings a target above maxReplicas down at once, without metrics', () => {
    const c = newCluster();
    c.apply(join(burner({ replicas: 6 }), hpaV2({ max: 4 })));
    c.advance(16_000);
    expect(rescales(c)).toEqual([{ time: 15_000,
      message: 'HPA web: Deployment/web has 6 replicas, above maxReplicas 4: desired = 4 — Deployment/web scaled from 6 to 4',
      events: ['SuccessfulRescale: New size: 4; reason: Current number of replicas above Spec.MaxReplicas'] }]);
    expect(hpaOf(c).status).toEqual({
      conditions: [{ type: 'AbleToScale', status: 'True', lastTransitionTime: timestamp(15_000), reason: 'SucceededRescale',
        message: 'the HPA controller was able to update the target scale to 4' }],
      currentReplicas: 6, desiredReplicas: 4, lastScaleTime: timestamp(15_000), observedGeneration: 1,
    });
  });

  it('brings a target below minReplicas up at once', () => {
    const c = newCluster();
    c.apply(join(burner({ request: '300m', limit: '300m' }), hpaV2({ min: 3, utilization: 100 })));
    c.advance(16_000);
    expect(hpaEvents(c)).toEqual(['Normal SuccessfulRescale: New size: 3; reason: Current number of replicas below Spec.MinReplicas']);
    expect(replicasOf(c)).toBe(3);
  });

  it('never proposes fewer than minReplicas (TooFewReplicas)', () => {
    const c = newCluster();
    c.apply(join(burner({ replicas: 4, limit: '100m' }), hpaV2({ min: 2, utilization: 400 })));
    c.advance(6 * MIN);
    expect(rescales(c).map((r) => r.events[0])).toEqual(['SuccessfulRescale: New size: 2; reason: All metrics below target']);
    expect(rescales(c)[0].message).toBe('HPA web: desired = ceil(4 × 100% / 400%) = 1, raised to minReplicas 2 — Deployment/web scaled from 4 to 2');
    expect(condition(c, 'ScalingLimited')).toMatchObject({ status: 'True', reason: 'TooFewReplicas',
      message: 'the desired replica count is less than the minimum replica count' });
  });

  it('is disabled while the target is scaled to zero', () => {
    const c = newCluster();
    c.apply(join(burner({ replicas: 0 }), hpaV2()));
    c.advance(2 * MIN);
    expect(rescales(c)).toEqual([]);
    expect(hpaOf(c).status).toEqual({
      conditions: [
        { type: 'AbleToScale', status: 'True', lastTransitionTime: timestamp(15_000), reason: 'SucceededGetScale',
          message: "the HPA controller was able to get the target's current scale" },
        { type: 'ScalingActive', status: 'False', lastTransitionTime: timestamp(15_000), reason: 'ScalingDisabled',
          message: 'scaling is disabled since the replica count of the target is zero' },
      ],
      desiredReplicas: 0, observedGeneration: 1,
    });
    // scaled up by hand, it is autoscaled again
    c.scale('Deployment', 'web', 1);
    c.advance(MIN);
    expect(replicasOf(c)).toBeGreaterThan(1);
    expect(condition(c, 'ScalingActive')).toMatchObject({ status: 'True', reason: 'ValidMetricFound' });
  });
});
