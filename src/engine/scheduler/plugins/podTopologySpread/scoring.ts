/**
 * PodTopologySpread score (ScheduleAnyway constraints, or the system defaults): fewer matching
 * pods in the node's domains scores higher. upstream: plugins/podtopologyspread/scoring.go
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { CycleContext, NodeInfo, NodeScore } from '../../framework';
import { MAX_NODE_SCORE } from '../../normalize';
import {
  constraintsFor, countMatchingPods, hasExplicitConstraints, LABEL_HOSTNAME, nodeHasAllTopologyKeys,
  nodeIncluded, type SpreadConstraint,
} from './constraints';

const STATE_KEY = 'PodTopologySpread/score';

interface ScoreState {
  constraints: SpreadConstraint[];
  ignoredNodes: Set<string>;
  /** `key\0value` → matching pods, for the domains of the feasible nodes (hostname excluded) */
  pairCounts: Map<string, number>;
  /** per constraint: ln(number of domains + 2) */
  weights: number[];
}

const pairKey = (key: string, value: string) => `${key}\0${value}`;

export function preScore(ctx: CycleContext, pod: Pod, feasible: readonly NodeInfo[]) {
  if (!ctx.allNodes.length) return { skip: true as const };
  const constraints = constraintsFor(pod, 'ScheduleAnyway', ctx.spreadSelectors);
  if (!constraints.length) return { skip: true as const };
  // upstream: with the system defaults a node without a zone label still spreads by hostname
  const requireAll = hasExplicitConstraints(pod);
  const state: ScoreState = { constraints, ignoredNodes: new Set(), pairCounts: new Map(), weights: [] };
  const domains = constraints.map(() => 0);
  for (const info of feasible) {
    if (requireAll && !nodeHasAllTopologyKeys(info.node, constraints)) {
      state.ignoredNodes.add(info.name);
      continue;
    }
    constraints.forEach((c, i) => {
      if (c.topologyKey === LABEL_HOSTNAME) return;
      const pair = pairKey(c.topologyKey, info.node.metadata?.labels?.[c.topologyKey] ?? '');
      if (!state.pairCounts.has(pair)) {
        state.pairCounts.set(pair, 0);
        domains[i]++;
      }
    });
  }
  state.weights = constraints.map((c, i) =>
    Math.log((c.topologyKey === LABEL_HOSTNAME ? feasible.length - state.ignoredNodes.size : domains[i]) + 2));
  countAllNodes(ctx, pod, state, requireAll);
  ctx.state.set(STATE_KEY, state);
  return undefined;
}

function countAllNodes(ctx: CycleContext, pod: Pod, state: ScoreState, requireAll: boolean): void {
  const namespace = pod.metadata?.namespace ?? 'default';
  for (const info of ctx.allNodes) {
    if (requireAll && !nodeHasAllTopologyKeys(info.node, state.constraints)) continue;
    for (const c of state.constraints) {
      if (!nodeIncluded(c, pod, info.node)) continue;
      const pair = pairKey(c.topologyKey, info.node.metadata?.labels?.[c.topologyKey] ?? '');
      const current = state.pairCounts.get(pair);
      if (current === undefined) continue;
      state.pairCounts.set(pair, current + countMatchingPods(info.pods, c.selector, namespace));
    }
  }
}

/** Raw score: weighted matching pods in the node's domains, plus maxSkew − 1 to soften small skews. */
export function score(ctx: CycleContext, pod: Pod, nodeInfo: NodeInfo): number {
  const state = ctx.state.get(STATE_KEY) as ScoreState | undefined;
  if (!state || state.ignoredNodes.has(nodeInfo.name)) return 0;
  const labels = nodeInfo.node.metadata?.labels ?? {};
  const namespace = pod.metadata?.namespace ?? 'default';
  let total = 0;
  state.constraints.forEach((c, i) => {
    if (!(c.topologyKey in labels)) return;
    const count = c.topologyKey === LABEL_HOSTNAME
      ? countMatchingPods(nodeInfo.pods, c.selector, namespace)
      : state.pairCounts.get(pairKey(c.topologyKey, labels[c.topologyKey])) ?? 0;
    total += count * state.weights[i] + (c.maxSkew - 1);
  });
  return Math.round(total);
}

/** Reverses the raw scores onto 0–100 (the least crowded node gets 100); ignored nodes get 0. */
export function normalize(scores: readonly NodeScore[], ctx: CycleContext): number[] {
  const state = ctx.state.get(STATE_KEY) as ScoreState | undefined;
  if (!state) return scores.map((s) => s.score);
  const counted = scores.filter((s) => !state.ignoredNodes.has(s.node)).map((s) => s.score);
  const min = Math.min(...counted);
  const max = Math.max(0, ...counted);
  return scores.map((s) => {
    if (state.ignoredNodes.has(s.node)) return 0;
    if (max === 0) return MAX_NODE_SCORE;
    return Math.trunc((MAX_NODE_SCORE * (max + min - s.score)) / max);
  });
}
