/**
 * TaintToleration: NoSchedule/NoExecute taints the pod does not tolerate exclude the node;
 * PreferNoSchedule taints only lower its score. upstream: plugins/tainttoleration
 */
import type { Pod, Toleration } from 'kubernetes-types/core/v1';
import {
  SUCCESS, unresolvable, type CycleContext, type NodeInfo, type NodeScore, type Status,
} from '../framework';
import { defaultNormalizeScore } from '../normalize';
import { findUntoleratedTaint, isDoNotScheduleTaint, tolerationsTolerateTaint } from '../taints';

export const name = 'TaintToleration';
export const weight = 3;

export function filter(_ctx: CycleContext, pod: Pod, nodeInfo: NodeInfo): Status {
  const taint = findUntoleratedTaint(nodeInfo.node.spec?.taints, pod.spec?.tolerations, isDoNotScheduleTaint);
  if (!taint) return SUCCESS;
  // upstream: the value is printed even when empty, hence `{key: }`
  return unresolvable(`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`);
}

/** Tolerations with no effect apply to PreferNoSchedule taints too. */
function preferNoScheduleTolerations(pod: Pod): Toleration[] {
  return (pod.spec?.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
}

/** Raw score: the number of intolerable PreferNoSchedule taints (more is worse). */
export function score(_ctx: CycleContext, pod: Pod, nodeInfo: NodeInfo): number {
  const tolerations = preferNoScheduleTolerations(pod);
  return (nodeInfo.node.spec?.taints ?? []).filter(
    (t) => t.effect === 'PreferNoSchedule' && !tolerationsTolerateTaint(tolerations, t),
  ).length;
}

export function normalize(scores: readonly NodeScore[]): number[] {
  return defaultNormalizeScore(scores, true);
}
