import { describe, expect, it } from 'vitest';
import { HPA_SYNCS_TABLE, type HpaSyncRecord } from '../../../src/engine/controllers/podautoscaler/syncRecord';
import { newCluster } from '../helpers';
import { condition, hpaEvents, hpaV2, join, MIN, rescales } from './fixtures';

/** Burns 150m of a 100m request; Ready only 40s after it starts (a slow readiness probe). */
const slowToReady = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: app
        image: docker.io/polinux/stress
        command: [stress, --cpu, "1"]
        resources:
          requests: {cpu: 100m}
          limits: {cpu: 150m}
        readinessProbe:
          exec: {command: ["true"]}
          initialDelaySeconds: 40
          periodSeconds: 5
`;

const UNREADY = 'failed to get cpu utilization: did not receive metrics for targeted pods (pods might be unready)';

describe('HPA and Pods that are not ready yet (cpu)', () => {
  it('ignores a starting Pod until it has been Ready for a whole metrics window', () => {
    const c = newCluster();
    c.apply(join(slowToReady, hpaV2()));
    c.advance(2 * MIN);
    expect(hpaEvents(c).slice(0, 3)).toEqual([
      'Warning FailedGetResourceMetric: failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API',
      'Warning FailedComputeMetricsReplicas: invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: '
        + 'failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API',
      `Warning FailedGetResourceMetric: ${UNREADY}`,
    ]);
    // Ready at 45s; the 60s scrape may be one the HPA has not seen yet, so the sample it trusts is the 75s one
    expect(rescales(c)[0]).toMatchObject({ time: 75_000, events: ['SuccessfulRescale: New size: 3; reason: cpu resource utilization (percentage of request) above target'] });
    const steps = c.steps.filter((s) => s.actor === 'horizontal-pod-autoscaler' && s.time === 45_000);
    expect(steps.map((s) => s.message)).toEqual([`HPA web: no replica count can be computed: invalid metrics (1 invalid out of 1), first error is: `
      + `failed to get cpu resource metric value: ${UNREADY}`]);
  });

  it('counts Pods that are not Ready yet as idle while scaling up (and keeps the count)', () => {
    const c = newCluster();
    c.apply(join(slowToReady, hpaV2()));
    c.advance(2 * MIN);
    const at105 = c.steps.filter((s) => s.actor === 'horizontal-pod-autoscaler' && s.time === 105_000);
    // the two Pods added at 75s run and report usage but are not Ready: 150m + 0 + 0 of 300m = 50%
    expect(at105.map((s) => s.message)).toEqual(['HPA web: cpu at 50% of target 50% is within the 0.1 tolerance: desired stays 3 — Deployment/web stays at 3']);
    const record = new Map(c.at(at105[0].index).table<HpaSyncRecord>(HPA_SYNCS_TABLE)).get('default/web')!;
    const calc = record.metrics![0].calc!;
    expect(calc).toMatchObject({ step: 'second-pass-tolerance', current: 150, second: { pods: 3, current: 50, unreadyAsZero: true } });
    expect(calc.groups).toMatchObject({ readyCount: 1, missing: [], ignored: [] });
    expect(calc.groups.unready).toHaveLength(2);
    expect(condition(c, 'ScalingActive')).toMatchObject({ status: 'True', reason: 'ValidMetricFound' });
  });
});
