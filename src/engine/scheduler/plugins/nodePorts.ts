/** NodePorts: a hostPort already taken on the node excludes it. upstream: plugins/nodeports */
import type { Pod } from 'kubernetes-types/core/v1';
import { SUCCESS, unschedulable, type CycleContext, type NodeInfo, type Status } from '../framework';
import { hostPortConflicts, hostPortsOf } from '../hostPorts';

export const name = 'NodePorts';
export const ERR_REASON = "node(s) didn't have free ports for the requested pod ports";

export function preFilter(_ctx: CycleContext, pod: Pod) {
  return hostPortsOf(pod).length ? undefined : { skip: true };
}

export function filter(_ctx: CycleContext, pod: Pod, nodeInfo: NodeInfo): Status {
  const conflict = hostPortsOf(pod).some((p) => hostPortConflicts(nodeInfo.usedPorts, p));
  return conflict ? unschedulable(ERR_REASON) : SUCCESS;
}
