/**
 * NodeResourcesFit: the pod's requests must fit in allocatable minus what the node's pods already
 * request (terminating ones too), and there must be a pod slot left. Scores LeastAllocated over
 * cpu and memory, with the 100m/200Mi defaults for containers without requests.
 * upstream: plugins/noderesources/fit.go (1.31: always Unschedulable, so preemption is considered)
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { nonZeroRequests, podRequests, type ResourceAmounts } from '../../util/resources';
import { SUCCESS, unschedulable, type CycleContext, type NodeInfo, type Status } from '../framework';
import { leastAllocatedScore } from './resourceAllocation';

export const name = 'NodeResourcesFit';
export const weight = 1;

function requestsOf(ctx: CycleContext, pod: Pod): ResourceAmounts {
  let req = ctx.state.get(name) as ResourceAmounts | undefined;
  if (!req) ctx.state.set(name, (req = podRequests(pod)));
  return req;
}

export function preFilter(ctx: CycleContext, pod: Pod): void {
  requestsOf(ctx, pod);
}

/** Every shortfall is reported, in upstream's order: pods, cpu, memory, ephemeral-storage, scalars. */
export function insufficientResources(req: ResourceAmounts, nodeInfo: NodeInfo): string[] {
  const out: string[] = [];
  const { allocatable: alloc, requested: used } = nodeInfo;
  if (nodeInfo.pods.length + 1 > alloc.pods) out.push('Too many pods');
  const scalars = Object.entries(req.scalar).filter(([, v]) => v !== 0);
  if (req.cpu === 0 && req.memory === 0 && req.ephemeralStorage === 0 && scalars.length === 0) return out;
  if (req.cpu > 0 && req.cpu > alloc.cpu - used.cpu) out.push('Insufficient cpu');
  if (req.memory > 0 && req.memory > alloc.memory - used.memory) out.push('Insufficient memory');
  if (req.ephemeralStorage > 0 && req.ephemeralStorage > alloc.ephemeralStorage - used.ephemeralStorage) {
    out.push('Insufficient ephemeral-storage');
  }
  for (const [resource, amount] of scalars) {
    if (amount > (alloc.scalar[resource] ?? 0) - (used.scalar[resource] ?? 0)) out.push(`Insufficient ${resource}`);
  }
  return out;
}

export function filter(ctx: CycleContext, pod: Pod, nodeInfo: NodeInfo): Status {
  const reasons = insufficientResources(requestsOf(ctx, pod), nodeInfo);
  return reasons.length ? unschedulable(...reasons) : SUCCESS;
}

export function score(_ctx: CycleContext, pod: Pod, nodeInfo: NodeInfo): number {
  const req = nonZeroRequests(pod);
  return leastAllocatedScore([
    { requested: nodeInfo.nonZeroRequested.cpu + req.cpu, allocatable: nodeInfo.allocatable.cpu },
    { requested: nodeInfo.nonZeroRequested.memory + req.memory, allocatable: nodeInfo.allocatable.memory },
  ]);
}
