/**
 * How the replica calculator sorts the target's Pods (upstream replica_calculator.go groupPods and
 * calculatePodRequests). Pure: Pods, metrics and the virtual time in, groups out.
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { virtualMs } from '../../core/time';
import { toMilli } from '../../util/quantity';
import { CPU_INITIALIZATION_PERIOD_MS, INITIAL_READINESS_DELAY_MS, type PodMetric } from './types';

export interface PodGroups {
  /** Pods whose metric counts as is. */
  readyCount: number;
  /** Pending Pods; for cpu also Pods not (yet) trusted to report steady usage. */
  unready: string[];
  /** Running Pods metrics-server has no sample for. */
  missing: string[];
  /** Pods being deleted and Failed Pods. */
  ignored: string[];
}

/**
 * upstream groupPods. For cpu, a Pod within 5 minutes of its start counts only once it is Ready
 * and has been sampled for a whole window since it became so (start-up bursts do not scale the
 * target); after that, only a Pod that is unready and never became Ready within 30s is left out.
 */
export function groupPods(pods: Pod[], metrics: Map<string, PodMetric>, resource: string, now: number): PodGroups {
  const groups: PodGroups = { readyCount: 0, unready: [], missing: [], ignored: [] };
  for (const pod of pods) {
    const name = pod.metadata?.name ?? '';
    if (pod.metadata?.deletionTimestamp || pod.status?.phase === 'Failed') {
      groups.ignored.push(name);
      continue;
    }
    if (pod.status?.phase === 'Pending') {
      groups.unready.push(name);
      continue;
    }
    const metric = metrics.get(name);
    if (!metric) {
      groups.missing.push(name);
      continue;
    }
    if (resource === 'cpu' && cpuUnready(pod, metric, now)) {
      groups.unready.push(name);
      continue;
    }
    groups.readyCount++;
  }
  for (const list of [groups.unready, groups.missing, groups.ignored]) list.sort();
  return groups;
}

function cpuUnready(pod: Pod, metric: PodMetric, now: number): boolean {
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
  const start = virtualMs(pod.status?.startTime);
  if (!ready || start === undefined) return true;
  const transition = virtualMs(ready.lastTransitionTime) ?? 0;
  if (start + CPU_INITIALIZATION_PERIOD_MS > now) {
    return ready.status === 'False' || metric.timestamp < transition + metric.window;
  }
  return ready.status === 'False' && start + INITIAL_READINESS_DELAY_MS > transition;
}

/** Regular containers and sidecars (restartable init containers) count toward a Pod's request. */
function countedContainers(pod: Pod): Container[] {
  return [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always')];
}

export type RequestsResult = { ok: true; requests: Map<string, number> } | { ok: false; error: string };

/** upstream calculatePodRequests: per Pod the summed request in milli-units; a container without one is an error. */
export function calculatePodRequests(pods: Pod[], container: string | undefined, resource: string): RequestsResult {
  const requests = new Map<string, number>();
  for (const pod of pods) {
    let sum = 0;
    for (const c of countedContainers(pod)) {
      if (container && c.name !== container) continue;
      const request = c.resources?.requests?.[resource];
      if (request === undefined) {
        return { ok: false, error: `missing request for ${resource} in container ${c.name} of Pod ${pod.metadata?.name ?? ''}` };
      }
      sum += toMilli(request);
    }
    requests.set(pod.metadata?.name ?? '', sum);
  }
  return { ok: true, requests };
}
