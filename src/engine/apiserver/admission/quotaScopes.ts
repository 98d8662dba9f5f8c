/**
 * ResourceQuota scopes: `spec.scopes` and `spec.scopeSelector`, and whether a Pod falls in them.
 * upstream: pkg/quota/v1/evaluator/core/pods.go (podMatchesScopeFunc),
 * staging/src/k8s.io/apiserver/pkg/quota/v1/generic/evaluator.go (getScopeSelectorsFromQuota)
 */
import type { Pod, PodAffinityTerm, WeightedPodAffinityTerm } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api';
import { qosClass } from '../../kubelet/qos';

export interface ScopeSelector {
  scopeName: string;
  operator: string;
  values?: string[];
}

/** `spec.scopes` as Exists selectors, then `spec.scopeSelector.matchExpressions`. */
export function scopeSelectorsOf(quota: KubeObject): ScopeSelector[] {
  const spec = (quota.spec ?? {}) as { scopes?: string[]; scopeSelector?: { matchExpressions?: ScopeSelector[] } };
  return [
    ...(spec.scopes ?? []).map((scopeName) => ({ scopeName, operator: 'Exists' })),
    ...(spec.scopeSelector?.matchExpressions ?? []),
  ];
}

/** upstream isTerminating: a Pod with activeDeadlineSeconds ≥ 0 ends on its own. */
export function isTerminatingPod(pod: Pod): boolean {
  const deadline = pod.spec?.activeDeadlineSeconds;
  return deadline !== undefined && deadline !== null && deadline >= 0;
}

const crossNamespace = (t: PodAffinityTerm | undefined) => !!t && ((t.namespaces?.length ?? 0) > 0 || t.namespaceSelector != null);
const weighted = (terms: WeightedPodAffinityTerm[] | undefined) => (terms ?? []).some((w) => crossNamespace(w.podAffinityTerm));

function usesCrossNamespacePodAffinity(pod: Pod): boolean {
  for (const a of [pod.spec?.affinity?.podAffinity, pod.spec?.affinity?.podAntiAffinity]) {
    if (!a) continue;
    if ((a.requiredDuringSchedulingIgnoredDuringExecution ?? []).some(crossNamespace)) return true;
    if (weighted(a.preferredDuringSchedulingIgnoredDuringExecution)) return true;
  }
  return false;
}

/** The PriorityClass scope as a label selector over `{PriorityClass: <the pod's class>}`. */
function priorityClassMatches(selector: ScopeSelector, pod: Pod): boolean {
  const value = pod.spec?.priorityClassName ?? '';
  switch (selector.operator) {
    case 'Exists': return value !== '';
    case 'In': return (selector.values ?? []).includes(value);
    case 'NotIn': return !(selector.values ?? []).includes(value);
    default: return false; // DoesNotExist: the key is always present in the set
  }
}

export function podMatchesScope(selector: ScopeSelector, pod: Pod): boolean {
  switch (selector.scopeName) {
    case 'Terminating': return isTerminatingPod(pod);
    case 'NotTerminating': return !isTerminatingPod(pod);
    case 'BestEffort': return qosClass(pod) === 'BestEffort';
    case 'NotBestEffort': return qosClass(pod) !== 'BestEffort';
    case 'PriorityClass': return priorityClassMatches(selector, pod);
    case 'CrossNamespacePodAffinity': return usesCrossNamespacePodAffinity(pod);
    default: return false;
  }
}
