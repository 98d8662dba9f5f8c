import { describe, expect, it } from 'vitest';
import type { MetricSpec } from 'kubernetes-types/autoscaling/v2';
import { computeReplicasForMetrics, type MetricsInput } from '../../../src/engine/controllers/podautoscaler/metricReplicas';
import { MIN, pod, records } from './fixtures';

const NOW = 20 * MIN;
const Mi = 1024 * 1024;
const cpu = (averageUtilization: number): MetricSpec => ({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization } } });
const memory = (averageValue: string): MetricSpec => ({ type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue } } });
const pods = [pod('web-a'), pod('web-b')];

function input(specs: MetricSpec[], over: Partial<MetricsInput> = {}): MetricsInput {
  return { specs, specReplicas: 2, pods, records: records(pods, { 'web-a': 90, 'web-b': 90 }, NOW, { 'web-a': 50 * Mi, 'web-b': 50 * Mi }),
    namespace: 'default', now: NOW, ...over };
}

describe('computeReplicasForMetrics', () => {
  it('takes the highest proposal and reports every metric', () => {
    const r = computeReplicasForMetrics(input([memory('40Mi'), cpu(50)]));
    expect(r.outcomes.map((o) => o.replicas)).toEqual([3, 4]);
    expect(r.replicas).toBe(4);
    expect(r.metric).toBe('cpu resource utilization (percentage of request)');
    expect(r.condition).toEqual({ type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound',
      message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)' });
    expect(r.statuses).toEqual([
      { type: 'Resource', resource: { name: 'memory', current: { averageValue: '52428800' } } },
      { type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 90, averageValue: '90m' } } },
    ]);
  });

  it('fails with upstream messages when metrics-server has nothing yet', () => {
    const r = computeReplicasForMetrics(input([cpu(50)], { records: [undefined, undefined] }));
    const inner = 'failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API';
    expect(r.replicas).toBe(-1);
    expect(r.outcomes[0].event).toEqual({ reason: 'FailedGetResourceMetric', message: inner });
    expect(r.condition).toEqual({ type: 'ScalingActive', status: 'False', reason: 'FailedGetResourceMetric',
      message: `the HPA was unable to compute the replica count: ${inner}` });
    expect(r.error).toBe(`invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: ${inner}`);
    expect(r.statuses).toEqual([{ type: '' }]);
  });

  it('names the container and Pod without a request', () => {
    const noRequest = [pod('web-x', { noRequests: true })];
    const r = computeReplicasForMetrics(input([cpu(50)], { pods: noRequest, records: records(noRequest, { 'web-x': 50 }, NOW), specReplicas: 1 }));
    expect(r.outcomes[0].event?.message).toBe('failed to get cpu utilization: missing request for cpu in container app of Pod web-x');
  });

  it('still scales up on the valid metrics when another one fails', () => {
    const rps: MetricSpec = { type: 'Pods', pods: { metric: { name: 'http_requests' }, target: { type: 'AverageValue', averageValue: '10' } } };
    const r = computeReplicasForMetrics(input([rps, cpu(50)]));
    expect(r.replicas).toBe(4);
    expect(r.outcomes[0].event).toEqual({ reason: 'FailedGetPodsMetric', message: 'unable to get metric http_requests: unable to fetch metrics '
      + 'from custom metrics API: no custom metrics API (custom.metrics.k8s.io) registered' });
    expect(r.error).toMatch(/^invalid metrics \(1 invalid out of 2\), first error is: failed to get pods metric value: unable to get metric http_requests/);
    expect(r.condition.reason).toBe('ValidMetricFound');
    expect(r.statuses[0]).toEqual({ type: '' });
  });

  it('refuses to scale down while a metric is missing', () => {
    const rps: MetricSpec = { type: 'Pods', pods: { metric: { name: 'http_requests' }, target: { type: 'AverageValue', averageValue: '10' } } };
    const r = computeReplicasForMetrics(input([rps, cpu(500)]));
    expect(r.replicas).toBe(-1);
    expect(r.condition.reason).toBe('FailedGetPodsMetric');
  });

  it('reads one container for a ContainerResource metric', () => {
    const spec: MetricSpec = { type: 'ContainerResource', containerResource: { name: 'cpu', container: 'app', target: { type: 'Utilization', averageUtilization: 45 } } };
    const r = computeReplicasForMetrics(input([spec]));
    expect(r.outcomes[0].name).toBe('cpu container resource utilization (percentage of request)');
    expect(r.statuses[0]).toEqual({ type: 'ContainerResource', containerResource: { name: 'cpu', container: 'app', current: { averageUtilization: 90, averageValue: '90m' } } });
    const missing: MetricSpec = { ...spec, containerResource: { ...spec.containerResource!, container: 'proxy' } };
    expect(computeReplicasForMetrics(input([missing])).outcomes[0].event).toEqual({ reason: 'FailedGetContainerResourceMetric',
      message: 'failed to get cpu utilization: unable to get metrics for resource cpu: container proxy not present in metrics for pod default/web-a' });
  });

  it('reports an External metric without an adapter', () => {
    const ext: MetricSpec = { type: 'External', external: { metric: { name: 'queue_messages', selector: { matchLabels: { queue: 'tasks' } } },
      target: { type: 'AverageValue', averageValue: '30' } } };
    const r = computeReplicasForMetrics(input([ext]));
    expect(r.outcomes[0].event?.message).toBe('unable to get external metric default/queue_messages/&LabelSelector{MatchLabels:map[string]string{queue: tasks,},'
      + 'MatchExpressions:[]LabelSelectorRequirement{},}: unable to fetch metrics from external metrics API: the server could not find the requested resource '
      + '(get queue_messages.external.metrics.k8s.io)');
    expect(r.outcomes[0].event?.reason).toBe('FailedGetExternalMetric');
  });
});
