/** NodeName: a pod that names a node fits only that node. upstream: plugins/nodename */
import type { Pod } from 'kubernetes-types/core/v1';
import { SUCCESS, unresolvable, type CycleContext, type NodeInfo, type Status } from '../framework';

export const name = 'NodeName';
export const ERR_REASON = "node(s) didn't match the requested node name";

export function filter(_ctx: CycleContext, pod: Pod, nodeInfo: NodeInfo): Status {
  const wanted = pod.spec?.nodeName;
  return !wanted || wanted === nodeInfo.name ? SUCCESS : unresolvable(ERR_REASON);
}
