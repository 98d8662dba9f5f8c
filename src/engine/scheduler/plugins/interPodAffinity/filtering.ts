/**
 * InterPodAffinity filter: the pod's required affinity and anti-affinity, and the required
 * anti-affinity of pods already placed. upstream: plugins/interpodaffinity/filtering.go
 */
import type { Pod } from 'kubernetes-types/core/v1';
import {
  SUCCESS, unresolvable, unschedulable, type CycleContext, type NodeInfo, type PreFilterResult, type Status,
} from '../../framework';
import {
  addToDomain, matchesAllTerms, pairKey, requiredAffinityTerms, requiredAntiAffinityTerms, termMatches,
  type AffinityTerm,
} from './terms';

export const ERR_REASON_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod affinity rules";
export const ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod anti-affinity rules";
export const ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't satisfy existing pods anti-affinity rules";

const STATE_KEY = 'InterPodAffinity/filter';

interface FilterState {
  pod: Pod;
  affinityTerms: AffinityTerm[];
  antiAffinityTerms: AffinityTerm[];
  /** domains holding a placed pod whose required anti-affinity matches the incoming pod */
  existingAntiAffinityCounts: Map<string, number>;
  /** domains holding pods that match all of the incoming pod's required affinity terms */
  affinityCounts: Map<string, number>;
  /** domains holding pods matched by one of the incoming pod's required anti-affinity terms */
  antiAffinityCounts: Map<string, number>;
}

export function preFilter(ctx: CycleContext, pod: Pod): PreFilterResult | undefined {
  const s: FilterState = {
    pod,
    affinityTerms: requiredAffinityTerms(pod),
    antiAffinityTerms: requiredAntiAffinityTerms(pod),
    existingAntiAffinityCounts: new Map(),
    affinityCounts: new Map(),
    antiAffinityCounts: new Map(),
  };
  for (const info of ctx.allNodes) {
    for (const existing of info.pods) {
      for (const t of requiredAntiAffinityTerms(existing)) {
        if (termMatches(ctx, t, pod)) addToDomain(s.existingAntiAffinityCounts, info.node, t.topologyKey, 1);
      }
      if (matchesAllTerms(ctx, s.affinityTerms, existing)) {
        for (const t of s.affinityTerms) addToDomain(s.affinityCounts, info.node, t.topologyKey, 1);
      }
      for (const t of s.antiAffinityTerms) {
        if (termMatches(ctx, t, existing)) addToDomain(s.antiAffinityCounts, info.node, t.topologyKey, 1);
      }
    }
  }
  if (!s.existingAntiAffinityCounts.size && !s.affinityTerms.length && !s.antiAffinityTerms.length) {
    return { skip: true };
  }
  ctx.state.set(STATE_KEY, s);
  return undefined;
}

/**
 * Every term's domain on this node must hold a matching pod — unless no pod anywhere matches and
 * the pod matches its own terms (the first of a group that wants to be together).
 */
function satisfiesPodAffinity(s: FilterState, labels: Record<string, string>, ctx: CycleContext): boolean {
  let podsExist = true;
  for (const t of s.affinityTerms) {
    if (!(t.topologyKey in labels)) return false;
    if ((s.affinityCounts.get(pairKey(t.topologyKey, labels[t.topologyKey])) ?? 0) <= 0) podsExist = false;
  }
  if (podsExist) return true;
  return s.affinityCounts.size === 0 && matchesAllTerms(ctx, s.affinityTerms, s.pod);
}

function satisfiesPodAntiAffinity(s: FilterState, labels: Record<string, string>): boolean {
  return !s.antiAffinityTerms.some((t) =>
    t.topologyKey in labels && (s.antiAffinityCounts.get(pairKey(t.topologyKey, labels[t.topologyKey])) ?? 0) > 0);
}

function satisfiesExistingPodsAntiAffinity(s: FilterState, labels: Record<string, string>): boolean {
  return !Object.entries(labels).some(([k, v]) => (s.existingAntiAffinityCounts.get(pairKey(k, v)) ?? 0) > 0);
}

/** Affinity fails as unresolvable (removing pods cannot add a wanted one); anti-affinity as unschedulable. */
export function filter(ctx: CycleContext, _pod: Pod, nodeInfo: NodeInfo): Status {
  const s = ctx.state.get(STATE_KEY) as FilterState | undefined;
  if (!s) return SUCCESS;
  const labels = nodeInfo.node.metadata?.labels ?? {};
  if (!satisfiesPodAffinity(s, labels, ctx)) return unresolvable(ERR_REASON_AFFINITY_RULES_NOT_MATCH);
  if (!satisfiesPodAntiAffinity(s, labels)) return unschedulable(ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH);
  if (!satisfiesExistingPodsAntiAffinity(s, labels)) return unschedulable(ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH);
  return SUCCESS;
}
