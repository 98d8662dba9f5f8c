/**
 * One replica proposal per metric, the highest wins (upstream horizontal.go
 * computeReplicasForMetrics / computeReplicasForMetric). Resource and ContainerResource metrics
 * come from metrics-server; Pods, Object and External metrics need a custom or external metrics
 * adapter, which this cluster does not run, so they fail with the messages upstream gives then.
 */
import type { MetricSpec, MetricStatus } from 'kubernetes-types/autoscaling/v2';
import type { Pod } from 'kubernetes-types/core/v1';
import { formatExact } from '../../apiserver/defaults/quantity';
import type { PodMetrics } from '../../metrics/types';
import { toMilli } from '../../util/quantity';
import { unableToCompute, validMetricFound, type ConditionChange } from './conditions';
import { goLabelSelector } from './goFormat';
import { podMetricsFor } from './podMetrics';
import { calculateReplicas, type ReplicaCalc } from './replicaCalculator';

export interface MetricOutcome {
  /** upstream metricNameProposal, as SuccessfulRescale and ValidMetricFound print it. */
  name?: string;
  /** Short label for explanations: `cpu`, `memory of container app`, `pods metric rps`. */
  label: string;
  calc?: ReplicaCalc;
  replicas?: number;
  /** A failed metric leaves upstream's zero MetricStatus: `{ type: "" }`. */
  status: MetricStatus | { type: '' };
  /** The error as computeReplicasForMetric returns it. */
  error?: string;
  condition?: ConditionChange;
  /** The Warning upstream records while computing (reason, message). */
  event?: { reason: string; message: string };
}

export interface MetricsInput {
  specs: MetricSpec[];
  specReplicas: number;
  pods: Pod[];
  records: (PodMetrics | undefined)[];
  namespace: string;
  now: number;
}

export interface MetricsResult {
  outcomes: MetricOutcome[];
  /** The highest proposal; -1 when the HPA cannot act on the metrics. */
  replicas: number;
  metric: string;
  statuses: (MetricStatus | { type: '' })[];
  /** `invalid metrics (1 invalid out of 2), first error is: …` when any metric failed. */
  error?: string;
  /** ScalingActive. */
  condition: ConditionChange;
}

const milliQuantity = (milli: number) => formatExact({ negative: milli < 0, mantissa: BigInt(Math.abs(Math.trunc(milli))), exp: -3, format: 'DecimalSI' });

const NO_CUSTOM_METRICS = 'unable to fetch metrics from custom metrics API: no custom metrics API (custom.metrics.k8s.io) registered';

function failed(label: string, wrapped: string, reason: string, inner: string): MetricOutcome {
  return { label, status: { type: '' }, error: wrapped, condition: unableToCompute(reason, inner), event: { reason, message: inner } };
}

function resourceOutcome(spec: MetricSpec, input: MetricsInput): MetricOutcome {
  const isContainer = spec.type === 'ContainerResource';
  const src = (isContainer ? spec.containerResource : spec.resource) ?? { name: '', target: { type: '' } };
  const resource = src.name;
  const container = isContainer ? spec.containerResource?.container : undefined;
  const label = container ? `${resource} of container ${container}` : resource;
  const reason = isContainer ? 'FailedGetContainerResourceMetric' : 'FailedGetResourceMetric';
  const fail = (inner: string) => failed(label, isContainer ? `failed to get ${container} container metric value: ${inner}`
    : `failed to get ${resource} resource metric value: ${inner}`, reason, inner);
  const target = src.target ?? { type: '' };
  const raw = target.averageValue !== undefined;
  if (!raw && target.averageUtilization === undefined) {
    return fail('invalid resource metric source: neither an average utilization target nor an average value target was set');
  }
  const what = raw ? 'usage' : 'utilization';
  const m = podMetricsFor(input.records, resource, container, input.now);
  if (!m.ok) return fail(`failed to get ${resource} ${what}: unable to get metrics for resource ${resource}: ${m.error}`);
  const r = calculateReplicas({ currentReplicas: input.specReplicas, mode: raw ? 'AverageValue' : 'Utilization',
    target: raw ? toMilli(target.averageValue) : target.averageUtilization!, resource, container, pods: input.pods, metrics: m.metrics, now: input.now });
  if (!r.ok) return fail(`failed to get ${resource} ${what}: ${r.error}`);
  const calc = r.calc;
  const current = raw ? { averageValue: milliQuantity(calc.current) }
    : { averageUtilization: calc.current, averageValue: milliQuantity(calc.average) };
  const status: MetricStatus = isContainer
    ? { type: 'ContainerResource', containerResource: { name: resource, container: container!, current } }
    : { type: 'Resource', resource: { name: resource, current } };
  const name = raw ? `${resource} resource`
    : `${resource}${isContainer ? ' container' : ''} resource utilization (percentage of request)`;
  return { name, label, calc, replicas: calc.replicas, status };
}

function customOutcome(spec: MetricSpec, namespace: string): MetricOutcome {
  if (spec.type === 'Pods') {
    const name = spec.pods?.metric.name ?? '';
    const inner = `unable to get metric ${name}: ${NO_CUSTOM_METRICS}`;
    return failed(`pods metric ${name}`, `failed to get pods metric value: ${inner}`, 'FailedGetPodsMetric', inner);
  }
  if (spec.type === 'Object') {
    const o = spec.object;
    const name = o?.metric.name ?? '';
    // upstream (≤1.32) formats this message with its arguments out of order; reproduced as printed
    const inner = `unable to get metric ${name}: ${o?.describedObject.kind ?? ''} on ${namespace} ${o?.describedObject.name ?? ''}/${NO_CUSTOM_METRICS}`;
    const err = o?.target.type === 'AverageValue' ? `failed to get ${name} object metric: ${inner}` : inner;
    return failed(`${o?.describedObject.kind ?? ''} metric ${name}`, `failed to get object metric value: ${err}`, 'FailedGetObjectMetric', inner);
  }
  if (spec.type === 'External') {
    const e = spec.external;
    const name = e?.metric.name ?? '';
    const inner = `unable to get external metric ${namespace}/${name}/${goLabelSelector(e?.metric.selector)}: unable to fetch metrics from external metrics API: `
      + `the server could not find the requested resource (get ${name}.external.metrics.k8s.io)`;
    const err = e?.target.averageValue !== undefined ? `failed to get ${name} external metric: ${inner}` : `failed to get external metric ${name}: ${inner}`;
    return failed(`external metric ${name}`, `failed to get ${name} external metric value: ${err}`, 'FailedGetExternalMetric', inner);
  }
  const inner = `unknown metric source type "${spec.type}"`;
  return failed(spec.type, inner, 'InvalidMetricSourceType', inner);
}

export function computeReplicasForMetrics(input: MetricsInput): MetricsResult {
  const outcomes = input.specs.map((spec) =>
    (spec.type === 'Resource' || spec.type === 'ContainerResource' ? resourceOutcome(spec, input) : customOutcome(spec, input.namespace)));
  let replicas = 0;
  let metric = '';
  let invalid = 0;
  let first: MetricOutcome | undefined;
  for (const o of outcomes) {
    if (o.error !== undefined) {
      first ??= o;
      invalid++;
      continue;
    }
    if (replicas === 0 || o.replicas! > replicas) {
      replicas = o.replicas!;
      metric = o.name!;
    }
  }
  const statuses = outcomes.map((o) => o.status);
  const error = first ? `invalid metrics (${invalid} invalid out of ${input.specs.length}), first error is: ${first.error}` : undefined;
  // upstream: all metrics invalid, or some invalid while the valid ones would scale down → do nothing
  if (invalid >= input.specs.length || (invalid > 0 && replicas < input.specReplicas)) {
    return { outcomes, replicas: -1, metric: '', statuses, error, condition: first?.condition ?? unableToCompute('InvalidMetricSourceType', 'no metrics') };
  }
  return { outcomes, replicas, metric, statuses, ...(error ? { error } : {}), condition: validMetricFound(metric) };
}
