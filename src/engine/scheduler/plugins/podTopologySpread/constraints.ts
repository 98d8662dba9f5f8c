/**
 * Topology spread constraints as the plugin evaluates them: the pod's own, or upstream's system
 * defaults (hostname maxSkew 3, zone maxSkew 5, ScheduleAnyway) selecting the pods of the
 * Services / controllers that select this pod. upstream: plugins/podtopologyspread/common.go
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { LabelSelector, LabelSelectorRequirement } from 'kubernetes-types/meta/v1';
import { matchesSelector } from '../../../util/selectors';
import { requiredNodeAffinityMatches } from '../../nodeSelectors';
import { findUntoleratedTaint, isDoNotScheduleTaint } from '../../taints';

export const LABEL_HOSTNAME = 'kubernetes.io/hostname';
export const LABEL_ZONE = 'topology.kubernetes.io/zone';

export type Action = 'DoNotSchedule' | 'ScheduleAnyway';

export interface SpreadConstraint {
  maxSkew: number;
  topologyKey: string;
  /** undefined selects nothing (a constraint without labelSelector); `{}` selects every pod. */
  selector: LabelSelector | undefined;
  minDomains: number;
  nodeAffinityPolicy: string;
  nodeTaintsPolicy: string;
}

const SYSTEM_DEFAULTS = [
  { topologyKey: LABEL_HOSTNAME, maxSkew: 3 },
  { topologyKey: LABEL_ZONE, maxSkew: 5 },
];

const toRequirements = (labels: Record<string, string> | undefined): LabelSelectorRequirement[] =>
  Object.entries(labels ?? {}).map(([key, value]) => ({ key, operator: 'In', values: [value] }));

/** The AND of several selectors, as one selector (matchLabels become `In` requirements). */
export function andSelectors(selectors: readonly LabelSelector[]): LabelSelector {
  return {
    matchExpressions: selectors.flatMap((s) => [...toRequirements(s.matchLabels), ...(s.matchExpressions ?? [])]),
  };
}

export function isEmptySelector(s: LabelSelector | undefined): boolean {
  return !!s && !Object.keys(s.matchLabels ?? {}).length && !(s.matchExpressions ?? []).length;
}

/** upstream matchLabelKeys: the pod's values for those keys narrow the selector (not a missing one). */
function withMatchLabelKeys(selector: LabelSelector | undefined, keys: readonly string[], pod: Pod) {
  const labels = pod.metadata?.labels ?? {};
  const picked = Object.fromEntries(keys.filter((k) => k in labels).map((k) => [k, labels[k]]));
  if (!selector || !Object.keys(picked).length) return selector;
  return andSelectors([{ matchLabels: picked }, selector]);
}

/** The pod's explicit constraints with the given action; [] when it has none. */
function explicitConstraints(pod: Pod, action: Action): SpreadConstraint[] {
  return (pod.spec?.topologySpreadConstraints ?? [])
    .filter((c) => c.whenUnsatisfiable === action)
    .map((c) => ({
      maxSkew: c.maxSkew,
      topologyKey: c.topologyKey,
      selector: withMatchLabelKeys(c.labelSelector, c.matchLabelKeys ?? [], pod),
      minDomains: c.minDomains ?? 1,
      nodeAffinityPolicy: c.nodeAffinityPolicy ?? 'Honor',
      nodeTaintsPolicy: c.nodeTaintsPolicy ?? 'Ignore',
    }));
}

function defaultConstraints(spreadSelectors: readonly LabelSelector[], action: Action): SpreadConstraint[] {
  if (action !== 'ScheduleAnyway' || !spreadSelectors.length) return [];
  const selector = andSelectors(spreadSelectors);
  if (isEmptySelector(selector)) return [];
  return SYSTEM_DEFAULTS.map((d) => ({
    ...d, selector, minDomains: 1, nodeAffinityPolicy: 'Honor', nodeTaintsPolicy: 'Ignore',
  }));
}

export const hasExplicitConstraints = (pod: Pod): boolean => (pod.spec?.topologySpreadConstraints ?? []).length > 0;

export function constraintsFor(pod: Pod, action: Action, spreadSelectors: readonly LabelSelector[]): SpreadConstraint[] {
  return hasExplicitConstraints(pod) ? explicitConstraints(pod, action) : defaultConstraints(spreadSelectors, action);
}

/** Every constraint's topology key is a label of the node. */
export function nodeHasAllTopologyKeys(node: Node, constraints: readonly SpreadConstraint[]): boolean {
  const labels = node.metadata?.labels ?? {};
  return constraints.every((c) => c.topologyKey in labels);
}

/** nodeAffinityPolicy / nodeTaintsPolicy: whether the node's pods count for this constraint. */
export function nodeIncluded(c: SpreadConstraint, pod: Pod, node: Node): boolean {
  if (c.nodeAffinityPolicy === 'Honor' && !requiredNodeAffinityMatches(pod, node)) return false;
  if (c.nodeTaintsPolicy === 'Honor' &&
    findUntoleratedTaint(node.spec?.taints, pod.spec?.tolerations, isDoNotScheduleTaint)) return false;
  return true;
}

/** Matching pods in the pod's namespace; terminating pods and empty selectors count nothing. */
export function countMatchingPods(pods: readonly Pod[], selector: LabelSelector | undefined, namespace: string): number {
  if (!selector || isEmptySelector(selector)) return 0;
  let n = 0;
  for (const p of pods) {
    if (p.metadata?.deletionTimestamp || (p.metadata?.namespace ?? 'default') !== namespace) continue;
    if (matchesSelector(selector, p.metadata?.labels)) n++;
  }
  return n;
}
