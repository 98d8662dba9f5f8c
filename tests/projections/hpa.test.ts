import type { MetricSpec, MetricStatus } from 'kubernetes-types/autoscaling/v2';
import { describe, expect, it } from 'vitest';
import { hpasTargeting, hpaView, metricTarget, servicesForTarget, targetsColumn } from '../../src/projections/hpa';
import { createHpaSeriesProjector, hpaSampleAt } from '../../src/projections/hpaSeries';
import { explainSync, syncSummary } from '../../src/ui/hpa/explainSync';
import { cpuHpa, join, runUntil, servedCluster, webDeployment, webService } from './networkFixtures';

const cpu = (target: { averageUtilization?: number; averageValue?: string }): MetricSpec =>
  ({ type: 'Resource', resource: { name: 'cpu', target: { type: target.averageValue ? 'AverageValue' : 'Utilization', ...target } } });

describe('kubectl get hpa TARGETS', () => {
  it.each<[MetricSpec, MetricStatus | { type: '' } | undefined, string]>([
    [cpu({ averageUtilization: 50 }), undefined, 'cpu: <unknown>/50%'],
    [cpu({ averageUtilization: 50 }), { type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 45, averageValue: '45m' } } }, 'cpu: 45%/50%'],
    [cpu({ averageValue: '200m' }), { type: 'Resource', resource: { name: 'cpu', current: { averageValue: '150m' } } }, 'cpu: 150m/200m'],
    [cpu({ averageUtilization: 50 }), { type: '' }, 'cpu: <unknown>/50%'],
    [{ type: 'ContainerResource', containerResource: { name: 'memory', container: 'app', target: { type: 'Utilization', averageUtilization: 80 } } },
      { type: 'ContainerResource', containerResource: { name: 'memory', container: 'app', current: { averageUtilization: 12 } } }, 'memory: 12%/80%'],
    [{ type: 'Pods', pods: { metric: { name: 'rps' }, target: { type: 'AverageValue', averageValue: '10' } } }, undefined, '<unknown>/10'],
    [{ type: 'External', external: { metric: { name: 'queue' }, target: { type: 'AverageValue', averageValue: '30' } } }, undefined, '<unknown>/30 (avg)'],
    [{ type: 'Object', object: { metric: { name: 'hits' }, describedObject: { kind: 'Service', name: 'web' }, target: { type: 'Value', value: '2k' } } },
      { type: 'Object', object: { metric: { name: 'hits' }, describedObject: { kind: 'Service', name: 'web' }, current: { value: '1500' } } }, '1500/2k'],
  ])('%# %j', (spec, status, text) => expect(metricTarget(spec, status)).toBe(text));

  it.each([
    [[], '<none>'],
    [['cpu: 45%/50%'], 'cpu: 45%/50%'],
    [['cpu: 45%/50%', 'memory: 10%/80%', '<unknown>/10'], 'cpu: 45%/50%, memory: 10%/80% + 1 more...'],
  ])('targetsColumn %#', (metrics, text) => expect(targetsColumn(metrics)).toBe(text));
});

describe('the HPA as of the cursor', () => {
  it('shows the formula of each sync with its numbers, and the replicas growing over the Steps', () => {
    const c = servedCluster(join(webDeployment(2), webService(), cpuHpa(50, 6)), 2);
    expect(hpasTargeting(c, 'Deployment', 'web').map((h) => h.metadata.name)).toEqual(['web']);
    expect(hpasTargeting(c, 'Deployment', 'other')).toEqual([]);
    expect(servicesForTarget(c, 'Deployment', 'web').map((s) => s.metadata.name)).toEqual(['web']);
    const start = c.steps.length - 1;
    // 2 Pods at 100m requested; 40 requests/s = 400m in all = 200% → ceil(2 × 200% / 50%) = 8, capped
    expect(c.startTraffic({ service: 'web', ratePerSecond: 40 }).ok).toBe(true);
    const replicasOf = () => (c.get('Deployment', 'web')!.spec as { replicas: number }).replicas;
    runUntil(c, () => replicasOf() > 2, 180_000);

    const now = hpaView(c, 'web')!;
    expect(now).toMatchObject({ reference: 'Deployment/web', minReplicas: 1, maxReplicas: 6 });
    expect(now.targets).toMatch(/^cpu: \d+%\/50%$/);
    expect(now.utilization).toMatchObject({ resource: 'cpu', target: 50 });
    // upstream: without behavior, scale-up is capped at max(2 × current, 4)
    const summary = syncSummary(now.sync!.record);
    expect(summary).toMatch(/^desired = ceil\(2 × \d+% \/ 50%\) = \d+, capped by the scale-up limit max\(2 × 2, 4\) to 4$/);
    expect(now.sync!.desired).toBe(4);
    expect(replicasOf()).toBe(4);
    const lines = explainSync(now.sync!.record);
    expect(lines[0]).toBe('Deployment/web: 2 replicas (min 1, max 6)');
    expect(lines[1]).toMatch(/^cpu: 2 Pods use \d+m of 200m requested = \d+% \(target 50%\) → desired = ceil\(2 × \d+% \/ 50%\) = \d+$/);
    expect(now.conditions.map((x) => x.type)).toEqual(['AbleToScale', 'ScalingActive', 'ScalingLimited']);

    const series = createHpaSeriesProjector()(c, 'web');
    expect(series).toMatchObject({ hpa: { name: 'web', namespace: 'default' }, min: 1, max: 6 });
    const replicas = series.samples.map((s) => s.replicas);
    expect(replicas[0]).toBe(2);
    expect(replicas.at(-1)).toBe(4);
    expect(series.syncs.length).toBeGreaterThan(0);
    const rescale = series.syncs.find((s) => s.desired === 4)!;
    expect(syncSummary(rescale.record)).toBe(summary);
    // before the traffic, the same HPA as of an earlier Step
    expect(hpaSampleAt(series.samples, start)).toBeGreaterThanOrEqual(0);
    expect(series.samples[hpaSampleAt(series.samples, start)].replicas).toBe(2);
    expect(hpaSampleAt(series.samples, -1)).toBe(-1);
  });

  it('the projector reads only new Steps and never changes a series it handed out', () => {
    const c = servedCluster(join(webDeployment(1), webService(), cpuHpa()), 1);
    const project = createHpaSeriesProjector();
    const first = project(c, 'web');
    const copy = JSON.stringify(first);
    expect(project(c, 'web')).toBe(first);
    c.startTraffic({ service: 'web', ratePerSecond: 20 });
    c.advance(60_000);
    const later = project(c, 'web');
    expect(later).not.toBe(first);
    expect(JSON.stringify(first)).toBe(copy);
    expect(later.samples.length).toBeGreaterThan(first.samples.length);
  });

  it('an HPA that is gone, or not yet synced', () => {
    const c = servedCluster(join(webDeployment(1), webService(), cpuHpa()), 1);
    expect(hpaView(c, 'nope')).toBeUndefined();
    const fresh = hpaView(c.at(c.steps.findIndex((s) => s.changes.some((x) => x.kind === 'HorizontalPodAutoscaler'))), 'web')!;
    expect(fresh.currentReplicas).toBeUndefined();
    expect(fresh.sync).toBeUndefined();
    expect(fresh.targets).toBe('cpu: <unknown>/50%');
  });
});
