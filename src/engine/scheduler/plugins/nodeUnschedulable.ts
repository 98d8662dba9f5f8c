/**
 * NodeUnschedulable: a cordoned node (`spec.unschedulable`) takes only pods that tolerate
 * `node.kubernetes.io/unschedulable:NoSchedule`. upstream: plugins/nodeunschedulable
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { SUCCESS, unresolvable, type CycleContext, type NodeInfo, type Status } from '../framework';
import { tolerationsTolerateTaint } from '../taints';

export const name = 'NodeUnschedulable';
export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable';

export function filter(_ctx: CycleContext, pod: Pod, nodeInfo: NodeInfo): Status {
  if (!nodeInfo.node.spec?.unschedulable) return SUCCESS;
  const tolerated = tolerationsTolerateTaint(pod.spec?.tolerations, {
    key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule',
  });
  return tolerated ? SUCCESS : unresolvable(ERR_REASON_UNSCHEDULABLE);
}
