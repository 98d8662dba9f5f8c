import { describe, expect, it } from 'vitest';
import { newCluster } from '../helpers';
import { burner, condition, hpaV2, join, MIN, replicasOf, rescales } from './fixtures';

const onePodPerMinute = `  behavior:
    scaleUp:
      policies: [{type: Pods, value: 1, periodSeconds: 60}]
`;

describe('HPA behavior', () => {
  it('a Pods policy limits the rate of a scale-up to 1 Pod per 60s', () => {
    const c = newCluster();
    c.apply(join(burner(), hpaV2({ behavior: onePodPerMinute })));
    c.advance(4 * MIN);
    // a scale event counts while it is less than 60s old: the next +1 waits a whole period
    expect(rescales(c).map((r) => [r.time, r.events[0]])).toEqual([30_000, 90_000, 150_000, 210_000].map((t, i) =>
      [t, `SuccessfulRescale: New size: ${i + 2}; reason: cpu resource utilization (percentage of request) above target`]));
    expect(rescales(c)[0].message).toBe('HPA web: desired = ceil(1 × 150% / 50%) = 3, capped by the scale-up policy (1 pod in 60s) to 2'
      + ' — Deployment/web scaled from 1 to 2');
    expect(condition(c, 'ScalingLimited')).toMatchObject({ status: 'True', reason: 'ScaleUpLimit',
      message: 'the desired replica count is increasing faster than the maximum scale rate' });
  });

  it('the default scale-up policies allow max(4 Pods, 100%) per 15s', () => {
    const c = newCluster();
    c.apply(join(burner(), hpaV2({ max: 20, behavior: '  behavior: {}\n' })));
    c.advance(3 * MIN);
    const messages = rescales(c).map((r) => r.message);
    expect(messages[0]).toBe('HPA web: desired = ceil(1 × 150% / 50%) = 3 — Deployment/web scaled from 1 to 3');
    expect(messages[1]).toBe('HPA web: desired = ceil(3 × 150% / 50%) = 9, capped by the scale-up policy (max(4 pods, 100%) in 15s) to 7'
      + ' — Deployment/web scaled from 3 to 7');
  });

  it('selectPolicy Disabled keeps the count from going down', () => {
    const c = newCluster();
    const disabled = '  behavior:\n    scaleDown: {selectPolicy: Disabled}\n';
    c.apply(join(burner({ replicas: 4, limit: '100m' }), hpaV2({ utilization: 400, behavior: disabled })));
    c.advance(10 * MIN);
    expect(rescales(c)).toEqual([]);
    expect(replicasOf(c)).toBe(4);
    expect(condition(c, 'ScalingLimited')).toMatchObject({ status: 'True', reason: 'ScaleDownLimit',
      message: 'the desired replica count is decreasing faster than the maximum scale rate' });
  });

  it('a shorter scale-down window and a Percent policy', () => {
    const c = newCluster();
    const fast = '  behavior:\n    scaleDown:\n      stabilizationWindowSeconds: 30\n      policies: [{type: Percent, value: 50, periodSeconds: 60}]\n';
    c.apply(join(burner({ replicas: 8, limit: '100m' }), hpaV2({ utilization: 400, behavior: fast })));
    c.advance(5 * MIN);
    // the first sync (15s) remembers 8; with a 30s window it no longer counts at 45s (strictly older
    // samples only). Then 50% per 60s: 8 → 4, a period later 4 → 2, then 2 → 1
    expect(rescales(c).map((r) => [r.time, r.events[0]])).toEqual([
      [45_000, 'SuccessfulRescale: New size: 4; reason: All metrics below target'],
      [105_000, 'SuccessfulRescale: New size: 2; reason: All metrics below target'],
      [165_000, 'SuccessfulRescale: New size: 1; reason: All metrics below target'],
    ]);
    expect(rescales(c)[0].message).toBe('HPA web: desired = ceil(8 × 100% / 400%) = 2, limited by the scale-down policy (50% in 60s) to 4'
      + ' — Deployment/web scaled from 8 to 4');
  });
});
