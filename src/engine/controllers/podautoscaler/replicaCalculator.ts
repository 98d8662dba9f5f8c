/**
 * The replica formula (upstream replica_calculator.go GetResourceReplicas / calcPlainMetricReplicas),
 * pure: `desired = ceil(ratio × ready Pods)` with ratio = current / target, no change within the
 * 0.1 tolerance, and a second, more conservative pass when some Pods are unready or unmeasured.
 * Every number the formula used is kept in the result, so the UI can show it.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { calculatePodRequests, groupPods, type PodGroups } from './podGroups';
import { TOLERANCE, type PodMetric } from './types';

/**
 * How the proposal was reached: `tolerance` (first ratio within tolerance), `formula` (first pass),
 * `second-pass` (recomputed with unready/missing Pods), or the second pass refusing to act:
 * `second-pass-tolerance`, `second-pass-flip` (the direction reverses), `second-pass-count`.
 */
export type CalcStep = 'tolerance' | 'formula' | 'second-pass' | 'second-pass-tolerance' | 'second-pass-flip' | 'second-pass-count';

export interface ReplicaCalc {
  /** Utilization: percent of requests; AverageValue: milli-units per Pod. */
  mode: 'Utilization' | 'AverageValue';
  resource: string;
  container?: string;
  currentReplicas: number;
  target: number;
  groups: PodGroups;
  /** First pass: Pods measured, their summed usage (and requests), the resulting current value and ratio. */
  measured: number;
  usage: number;
  requests?: number;
  current: number;
  /** Average usage per measured Pod (milli-units): status.currentMetrics[].current.averageValue. */
  average: number;
  ratio: number;
  step: CalcStep;
  /** The second pass, when it ran: Pods counted, what the unready/missing ones were assumed to use, the new ratio. */
  second?: { pods: number; current: number; ratio: number; missingAs: 'request' | 'target' | 'zero' | 'none'; unreadyAsZero: boolean };
  replicas: number;
}

export type CalcResult = { ok: true; calc: ReplicaCalc } | { ok: false; error: string };

export interface CalcInput {
  currentReplicas: number;
  /** Utilization: the target percent; AverageValue: the target in milli-units. */
  target: number;
  mode: 'Utilization' | 'AverageValue';
  resource: string;
  container?: string;
  pods: Pod[];
  metrics: Map<string, PodMetric>;
  now: number;
}

const within = (ratio: number) => Math.abs(1.0 - ratio) <= TOLERANCE;

interface Measure { usage: number; current: number; ratio: number; average: number; requested?: number }

/** upstream GetResourceUtilizationRatio: integer percent of the summed requests, then its ratio to the target. */
function utilization(metrics: Map<string, number>, requests: Map<string, number>, target: number): Measure | undefined {
  let usage = 0;
  let requested = 0;
  let n = 0;
  for (const [name, value] of metrics) {
    const request = requests.get(name);
    if (request === undefined) continue;
    usage += value;
    requested += request;
    n++;
  }
  if (requested === 0) return undefined;
  const current = Math.trunc((usage * 100) / requested);
  return { usage, requested, current, ratio: current / target, average: Math.trunc(usage / n) };
}

/** upstream GetMetricUsageRatio: the average per Pod, then its ratio to the target. */
function average(metrics: Map<string, number>, target: number): Measure {
  let usage = 0;
  for (const v of metrics.values()) usage += v;
  const current = Math.trunc(usage / metrics.size);
  return { usage, current, ratio: current / target, average: current };
}

export function calculateReplicas(input: CalcInput): CalcResult {
  if (input.pods.length === 0) return { ok: false, error: 'no pods returned by selector while calculating replica count' };
  const groups = groupPods(input.pods, input.metrics, input.resource, input.now);
  const values = new Map<string, number>();
  const dropped = new Set([...groups.ignored, ...groups.unready]);
  for (const [name, m] of input.metrics) if (!dropped.has(name)) values.set(name, m.value);
  if (values.size === 0) return { ok: false, error: 'did not receive metrics for targeted pods (pods might be unready)' };

  let requests: Map<string, number> | undefined;
  if (input.mode === 'Utilization') {
    const r = calculatePodRequests(input.pods, input.container, input.resource);
    if (!r.ok) return r;
    requests = r.requests;
  }
  const measure = (m: Map<string, number>) => (requests ? utilization(m, requests, input.target) : average(m, input.target));
  const first = measure(values);
  if (!first) return { ok: false, error: 'no metrics returned matched known pods' };
  const base = {
    mode: input.mode, resource: input.resource, ...(input.container ? { container: input.container } : {}),
    currentReplicas: input.currentReplicas, target: input.target, groups, measured: values.size, usage: first.usage,
    ...(first.requested !== undefined ? { requests: first.requested } : {}),
    current: first.current, average: first.average, ratio: first.ratio,
  };
  const done = (step: CalcStep, replicas: number, second?: ReplicaCalc['second']): CalcResult =>
    ({ ok: true, calc: { ...base, step, replicas, ...(second ? { second } : {}) } });

  const scaleUpWithUnready = groups.unready.length > 0 && first.ratio > 1.0;
  if (!scaleUpWithUnready && groups.missing.length === 0) {
    if (within(first.ratio)) return done('tolerance', input.currentReplicas);
    return done('formula', Math.ceil(first.ratio * groups.readyCount));
  }

  // upstream: on a scale-down a missing Pod is assumed to use its whole request (the target, for a
  // raw value); on a scale-up it is assumed idle, and so is every unready Pod
  let missingAs: 'request' | 'target' | 'zero' | 'none' = 'none';
  if (groups.missing.length > 0 && first.ratio < 1.0) {
    missingAs = requests ? 'request' : 'target';
    for (const name of groups.missing) values.set(name, requests ? requests.get(name) ?? 0 : input.target);
  } else if (groups.missing.length > 0 && first.ratio > 1.0) {
    missingAs = 'zero';
    for (const name of groups.missing) values.set(name, 0);
  }
  if (scaleUpWithUnready) for (const name of groups.unready) values.set(name, 0);

  const next = measure(values);
  if (!next) return { ok: false, error: 'no metrics returned matched known pods' };
  const second = { pods: values.size, current: next.current, ratio: next.ratio, missingAs, unreadyAsZero: scaleUpWithUnready };
  if (within(next.ratio)) return done('second-pass-tolerance', input.currentReplicas, second);
  if ((first.ratio < 1.0 && next.ratio > 1.0) || (first.ratio > 1.0 && next.ratio < 1.0)) {
    return done('second-pass-flip', input.currentReplicas, second);
  }
  const replicas = Math.ceil(next.ratio * values.size);
  if ((next.ratio < 1.0 && replicas > input.currentReplicas) || (next.ratio > 1.0 && replicas < input.currentReplicas)) {
    return done('second-pass-count', input.currentReplicas, second);
  }
  return done('second-pass', replicas, second);
}
