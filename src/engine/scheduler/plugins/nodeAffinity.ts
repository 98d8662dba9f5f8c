/**
 * NodeAffinity: `spec.nodeSelector` and required node affinity filter; preferred terms score
 * (sum of matching weights, scaled so the best node gets 100). upstream: plugins/nodeaffinity
 */
import type { Pod } from 'kubernetes-types/core/v1';
import {
  SUCCESS, unresolvable, type CycleContext, type NodeInfo, type NodeScore, type PreFilterResult, type Status,
} from '../framework';
import { defaultNormalizeScore } from '../normalize';
import { preferredNodeAffinityScore, requiredNodeAffinityMatches } from '../nodeSelectors';

export const name = 'NodeAffinity';
export const weight = 2;
export const ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";
export const ERR_REASON_CONFLICT = 'pod affinity terms conflict';

/**
 * When every required term pins `metadata.name` (as DaemonSet pods do), only those nodes are
 * filtered; the others are reported as not satisfying NodeAffinity.
 */
export function preFilter(_ctx: CycleContext, pod: Pod): PreFilterResult | undefined {
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (!required && !pod.spec?.nodeSelector) return { skip: true };
  const terms = required?.nodeSelectorTerms ?? [];
  if (!terms.length) return undefined;
  let union: Set<string> | undefined;
  for (const term of terms) {
    let names: Set<string> | undefined;
    for (const r of term.matchFields ?? []) {
      if (r.key !== 'metadata.name' || r.operator !== 'In') continue;
      const values = new Set(r.values ?? []);
      names = names ? new Set([...names].filter((n) => values.has(n))) : values;
    }
    if (!names) return undefined; // this term can match any node, and terms are ORed
    union = new Set([...(union ?? []), ...names]);
  }
  if (union && union.size === 0) return { status: unresolvable(ERR_REASON_CONFLICT) };
  return union ? { nodeNames: union } : undefined;
}

export function filter(_ctx: CycleContext, pod: Pod, nodeInfo: NodeInfo): Status {
  return requiredNodeAffinityMatches(pod, nodeInfo.node) ? SUCCESS : unresolvable(ERR_REASON_POD);
}

const preferredTerms = (pod: Pod) =>
  pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];

export function preScore(_ctx: CycleContext, pod: Pod) {
  return preferredTerms(pod).length ? undefined : { skip: true as const };
}

export function score(_ctx: CycleContext, pod: Pod, nodeInfo: NodeInfo): number {
  return preferredNodeAffinityScore(preferredTerms(pod), nodeInfo.node);
}

export function normalize(scores: readonly NodeScore[]): number[] {
  return defaultNormalizeScore(scores, false);
}
