/**
 * The Pod quota evaluator: `pods` and the compute resources (requests/limits of cpu, memory,
 * ephemeral-storage, hugepages, extended resources) of Pods that are not finished, and
 * `count/pods` of every Pod object. Scopes apply to Pods only.
 * upstream: pkg/quota/v1/evaluator/core/pods.go
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api';
import { virtualMs } from '../../core/time';
import type { Evaluator } from './evaluator';
import { computeUsage, isExtendedResource, podLimits, podRequests } from './podResources';
import { quantityOf, type ResourceList } from './quantities';
import { podQuotaConstraints } from './quotaConstraints';
import { podMatchesScope } from './quotaScopes';

const POD_RESOURCES = new Set(['count/pods', 'cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory',
  'requests.ephemeral-storage', 'limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'pods']);

/** upstream QuotaV1Pod: terminal Pods, and Pods still terminating past deletionTimestamp + grace, are not charged. */
function podCharged(pod: KubeObject & Pod, now: number | undefined): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  const { deletionTimestamp, deletionGracePeriodSeconds } = pod.metadata;
  if (now !== undefined && deletionTimestamp && deletionGracePeriodSeconds !== undefined) {
    const at = virtualMs(deletionTimestamp);
    if (at !== undefined && now > at + deletionGracePeriodSeconds * 1000) return false;
  }
  return true;
}

/** Compute usage per Pod spec: stored specs are frozen and kept across status writes. */
const computeBySpec = new WeakMap<object, ResourceList>();

function podComputeUsage(pod: KubeObject & Pod): ResourceList {
  const spec = pod.spec;
  const hit = spec && Object.isFrozen(spec) ? computeBySpec.get(spec) : undefined;
  if (hit) return hit;
  const usage = computeUsage(podRequests(pod), podLimits(pod));
  if (spec && Object.isFrozen(spec)) computeBySpec.set(spec, usage);
  return usage;
}

export const podEvaluator: Evaluator = {
  kind: 'Pod',
  // upstream: pod updates are charged only with InPlacePodVerticalScaling (alpha, off in 1.31)
  handles: (op) => op === 'create',
  matchingResources: (names) => names.filter((n) => POD_RESOURCES.has(n) || n.startsWith('hugepages-') ||
    n.startsWith('requests.hugepages-') || (n.startsWith('requests.') && isExtendedResource(n.slice('requests.'.length)))),
  usage(obj, now) {
    const pod = obj as KubeObject & Pod;
    const result: ResourceList = { 'count/pods': quantityOf(1) };
    if (!podCharged(pod, now)) return result;
    return { ...result, ...podComputeUsage(pod) };
  },
  matchesScope: (selector, obj) => podMatchesScope(selector, obj as Pod),
  constraints: podQuotaConstraints,
};
