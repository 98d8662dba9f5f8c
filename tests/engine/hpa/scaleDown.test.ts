import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../src/engine';
import { newCluster } from '../helpers';
import { burner, condition, hpaOf, hpaV2, join, MIN, replicasOf, rescales } from './fixtures';

/**
 * Four Pods each burn exactly their 100m request (100%); the target is then raised so the
 * proposals fall: ceil(4 × 100/200) = 2 from the sync at 135s, ceil(4 × 100/400) = 1 from 210s.
 */
function fallingTargets(): Cluster {
  const c = newCluster();
  c.apply(join(burner({ replicas: 4, limit: '100m' }), hpaV2({ utilization: 100 })));
  c.advance(125_000);
  c.apply(hpaV2({ utilization: 200 }));
  c.advance(75_000);
  c.apply(hpaV2({ utilization: 400 }));
  return c;
}

describe('HPA scale-down stabilization (300s window, no behavior)', () => {
  it('scales down only once every recommendation of the last 300s is lower, applying the highest of them', () => {
    const c = fallingTargets();
    c.advance(8 * MIN);
    // the last recommendation of 4 was at 120s: it leaves the window at 420s, so 435s is the first
    // sync whose window holds only the 2s (135s–195s) and the 1s (210s on)
    expect(rescales(c).map((r) => [r.time, r.message])).toEqual([
      [435_000, 'HPA web: desired = ceil(4 × 100% / 400%) = 1, held at 2 by the 300s scale-down stabilization window (highest recent recommendation)'
        + ' — Deployment/web scaled from 4 to 2'],
      [510_000, 'HPA web: desired = ceil(2 × 100% / 400%) = 1 — Deployment/web scaled from 2 to 1'],
    ]);
    expect(rescales(c).map((r) => r.events)).toEqual([
      ['SuccessfulRescale: New size: 2; reason: All metrics below target'],
      ['SuccessfulRescale: New size: 1; reason: All metrics below target'],
    ]);
    expect(replicasOf(c)).toBe(1);
  });

  it('reports ScaleDownStabilized while the window holds the count up', () => {
    const c = fallingTargets();
    c.advance(3 * MIN);
    expect(replicasOf(c)).toBe(4);
    expect(condition(c, 'AbleToScale')).toEqual({ type: 'AbleToScale', status: 'True', lastTransitionTime: '2025-01-01T09:00:15Z',
      reason: 'ScaleDownStabilized', message: 'recent recommendations were higher than current one, applying the highest recent recommendation' });
    expect(hpaOf(c).status).toMatchObject({ currentReplicas: 4, desiredReplicas: 4, observedGeneration: 3,
      currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 100, averageValue: '100m' } } }] });
    expect(hpaOf(c).status.lastScaleTime).toBeUndefined();
  });

  it('a new HPA remembers the size it found at its first sync (15s): no scale-down below it for 300s', () => {
    const c = newCluster();
    c.apply(join(burner({ replicas: 3, limit: '100m' }), hpaV2({ utilization: 400 })));
    c.advance(5 * MIN);
    expect(replicasOf(c)).toBe(3);
    c.advance(45_000);
    // a sample leaves the window once it is strictly older than 300s: 15s < 330s − 300s
    expect(rescales(c).map((r) => [r.time, r.events[0]])).toEqual([[330_000, 'SuccessfulRescale: New size: 1; reason: All metrics below target']]);
  });
});
