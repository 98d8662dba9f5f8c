/**
 * NodeResourcesBalancedAllocation: prefers nodes whose cpu and memory would be used in equal
 * shares. upstream uses the real requests here (useRequested), not the 100m/200Mi defaults.
 * upstream: plugins/noderesources/balanced_allocation.go
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { podRequests } from '../../util/resources';
import type { CycleContext, NodeInfo } from '../framework';
import { balancedAllocationScore } from './resourceAllocation';

export const name = 'NodeResourcesBalancedAllocation';
export const weight = 1;

export function score(_ctx: CycleContext, pod: Pod, nodeInfo: NodeInfo): number {
  const req = podRequests(pod);
  return balancedAllocationScore([
    { requested: nodeInfo.requested.cpu + req.cpu, allocatable: nodeInfo.allocatable.cpu },
    { requested: nodeInfo.requested.memory + req.memory, allocatable: nodeInfo.allocatable.memory },
  ]);
}
