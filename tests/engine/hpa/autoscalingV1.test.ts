import { describe, expect, it } from 'vitest';
import { timestamp } from '../../../src/engine/core/time';
import { newCluster } from '../helpers';
import { burner, hpaEvents, join, MIN, replicasOf } from './fixtures';

const hpaV1 = (target?: number) => `apiVersion: autoscaling/v1
kind: HorizontalPodAutoscaler
metadata: {name: web}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  maxReplicas: 4
${target ? `  targetCPUUtilizationPercentage: ${target}\n` : ''}`;

describe('autoscaling/v1 HorizontalPodAutoscaler', () => {
  it('scales on targetCPUUtilizationPercentage and reports in the v1 shape', () => {
    const c = newCluster();
    c.apply(join(burner(), hpaV1(50)));
    c.advance(2 * MIN);
    expect(replicasOf(c)).toBe(4);
    expect(hpaEvents(c).filter((e) => e.startsWith('Normal'))).toEqual([
      'Normal SuccessfulRescale: New size: 3; reason: cpu resource utilization (percentage of request) above target',
      'Normal SuccessfulRescale: New size: 4; reason: cpu resource utilization (percentage of request) above target',
    ]);
    const hpa = c.get('HorizontalPodAutoscaler', 'web') as unknown as { apiVersion: string; status: unknown; metadata: { annotations: Record<string, string> } };
    expect(hpa.apiVersion).toBe('autoscaling/v1');
    expect(hpa.status).toEqual({ observedGeneration: 1, lastScaleTime: timestamp(60_000), currentReplicas: 4, desiredReplicas: 4,
      currentCPUUtilizationPercentage: 150 });
    expect(JSON.parse(hpa.metadata.annotations['autoscaling.alpha.kubernetes.io/current-metrics'])).toEqual([
      { type: 'Resource', resource: { name: 'cpu', currentAverageUtilization: 150, currentAverageValue: '150m' } }]);
    const conditions = JSON.parse(hpa.metadata.annotations['autoscaling.alpha.kubernetes.io/conditions']) as { type: string; reason: string }[];
    expect(conditions.map((x) => `${x.type}=${x.reason}`)).toEqual(['AbleToScale=ReadyForNewScale', 'ScalingActive=ValidMetricFound',
      'ScalingLimited=TooManyReplicas']);
  });

  it('defaults to 80% cpu without a target', () => {
    const c = newCluster();
    c.apply(join(burner(), hpaV1()));
    c.advance(MIN);
    // 150% / 80% = 1.875 → ceil(1.875) = 2
    expect(hpaEvents(c).filter((e) => e.startsWith('Normal'))[0]).toBe(
      'Normal SuccessfulRescale: New size: 2; reason: cpu resource utilization (percentage of request) above target');
  });
});
