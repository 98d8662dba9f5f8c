/**
 * InterPodAffinity score: the pod's preferred (anti-)affinity toward placed pods, and placed pods'
 * required (weight 1) and preferred (anti-)affinity toward the pod, summed per topology domain.
 * upstream: plugins/interpodaffinity/scoring.go
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { CycleContext, NodeInfo, NodeScore } from '../../framework';
import { MAX_NODE_SCORE } from '../../normalize';
import {
  hasPodAffinity, preferredAffinityTerms, preferredAntiAffinityTerms, requiredAffinityTerms, termMatches,
  type AffinityTerm, type WeightedAffinityTerm,
} from './terms';

/** upstream InterPodAffinityArgs.HardPodAffinityWeight default */
const HARD_POD_AFFINITY_WEIGHT = 1;
const STATE_KEY = 'InterPodAffinity/score';

/** topology key → topology value → score */
type TopologyScore = Map<string, Map<string, number>>;

function addScore(scores: TopologyScore, labels: Record<string, string>, term: AffinityTerm, value: number): void {
  if (!(term.topologyKey in labels)) return;
  let byValue = scores.get(term.topologyKey);
  if (!byValue) scores.set(term.topologyKey, (byValue = new Map()));
  const v = labels[term.topologyKey];
  byValue.set(v, (byValue.get(v) ?? 0) + value);
}

export function preScore(ctx: CycleContext, pod: Pod, feasible: readonly NodeInfo[]) {
  if (!feasible.length) return { skip: true as const };
  const preferred = preferredAffinityTerms(pod);
  const preferredAnti = preferredAntiAffinityTerms(pod);
  const hasConstraints = preferred.length > 0 || preferredAnti.length > 0;
  const scores: TopologyScore = new Map();
  const apply = (terms: readonly WeightedAffinityTerm[], target: Pod, labels: Record<string, string>, sign: number) => {
    for (const t of terms) if (termMatches(ctx, t, target)) addScore(scores, labels, t, t.weight * sign);
  };
  for (const info of ctx.allNodes) {
    const labels = info.node.metadata?.labels ?? {};
    if (!Object.keys(labels).length) continue;
    // without preferences of its own, only placed pods with affinity can matter
    for (const existing of hasConstraints ? info.pods : info.pods.filter(hasPodAffinity)) {
      apply(preferred, existing, labels, 1);
      apply(preferredAnti, existing, labels, -1);
      for (const t of requiredAffinityTerms(existing)) {
        if (termMatches(ctx, t, pod)) addScore(scores, labels, t, HARD_POD_AFFINITY_WEIGHT);
      }
      apply(preferredAffinityTerms(existing), pod, labels, 1);
      apply(preferredAntiAffinityTerms(existing), pod, labels, -1);
    }
  }
  if (!scores.size) return { skip: true as const };
  ctx.state.set(STATE_KEY, scores);
  return undefined;
}

export function score(ctx: CycleContext, _pod: Pod, nodeInfo: NodeInfo): number {
  const scores = ctx.state.get(STATE_KEY) as TopologyScore | undefined;
  if (!scores) return 0;
  const labels = nodeInfo.node.metadata?.labels ?? {};
  let total = 0;
  for (const [key, byValue] of scores) if (key in labels) total += byValue.get(labels[key]) ?? 0;
  return total;
}

/** Min–max scaling onto 0–100 (raw scores can be negative). */
export function normalize(scores: readonly NodeScore[], ctx: CycleContext): number[] {
  if (!ctx.state.get(STATE_KEY)) return scores.map((s) => s.score);
  const values = scores.map((s) => s.score);
  const min = Math.min(...values);
  const diff = Math.max(...values) - min;
  return values.map((v) => (diff > 0 ? Math.trunc(MAX_NODE_SCORE * ((v - min) / diff)) : 0));
}
