/**
 * PodTopologySpread filter (DoNotSchedule constraints): placing the pod in a domain must keep
 * `matching pods there + self-match − global minimum ≤ maxSkew`.
 * upstream: plugins/podtopologyspread/filtering.go
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { matchesSelector } from '../../../util/selectors';
import {
  SUCCESS, unresolvable, unschedulable, type CycleContext, type NodeInfo, type PreFilterResult, type Status,
} from '../../framework';
import {
  constraintsFor, countMatchingPods, nodeHasAllTopologyKeys, nodeIncluded, type SpreadConstraint,
} from './constraints';

export const ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
export const ERR_REASON_NODE_LABEL_NOT_MATCH = `${ERR_REASON_CONSTRAINTS_NOT_MATCH} (missing required label)`;

const STATE_KEY = 'PodTopologySpread/filter';

interface FilterState {
  constraints: SpreadConstraint[];
  /** per constraint: topology value → matching pods in that domain */
  counts: Map<string, number>[];
}

export function preFilter(ctx: CycleContext, pod: Pod): PreFilterResult | undefined {
  const constraints = constraintsFor(pod, 'DoNotSchedule', ctx.spreadSelectors);
  if (!constraints.length) return { skip: true };
  const namespace = pod.metadata?.namespace ?? 'default';
  const counts = constraints.map(() => new Map<string, number>());
  for (const info of ctx.allNodes) {
    if (!nodeHasAllTopologyKeys(info.node, constraints)) continue;
    const labels = info.node.metadata?.labels ?? {};
    constraints.forEach((c, i) => {
      if (!nodeIncluded(c, pod, info.node)) return;
      const value = labels[c.topologyKey];
      counts[i].set(value, (counts[i].get(value) ?? 0) + countMatchingPods(info.pods, c.selector, namespace));
    });
  }
  ctx.state.set(STATE_KEY, { constraints, counts } satisfies FilterState);
  return undefined;
}

/** The global minimum, taken as 0 while there are fewer eligible domains than minDomains. */
function minMatchNum(counts: Map<string, number>, minDomains: number): number {
  if (counts.size < minDomains) return 0;
  return Math.min(...counts.values());
}

export function filter(ctx: CycleContext, pod: Pod, nodeInfo: NodeInfo): Status {
  const state = ctx.state.get(STATE_KEY) as FilterState | undefined;
  if (!state) return SUCCESS;
  const labels = nodeInfo.node.metadata?.labels ?? {};
  for (let i = 0; i < state.constraints.length; i++) {
    const c = state.constraints[i];
    if (!(c.topologyKey in labels)) return unresolvable(ERR_REASON_NODE_LABEL_NOT_MATCH);
    const selfMatch = matchesSelector(c.selector, pod.metadata?.labels) ? 1 : 0;
    const matchNum = state.counts[i].get(labels[c.topologyKey]) ?? 0;
    const skew = matchNum + selfMatch - minMatchNum(state.counts[i], c.minDomains);
    if (skew > c.maxSkew) return unschedulable(ERR_REASON_CONSTRAINTS_NOT_MATCH);
  }
  return SUCCESS;
}
