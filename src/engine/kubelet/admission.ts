import type { Node, Pod } from 'kubernetes-types/core/v1';
import { newNodeInfo } from '../scheduler/framework';
import { hostPortConflicts, hostPortsOf } from '../scheduler/hostPorts';
import { requiredNodeAffinityMatches } from '../scheduler/nodeSelectors';
import { findUntoleratedTaint } from '../scheduler/taints';
import { podRequests } from '../util/resources';

export type AdmitResult = { admit: true } | { admit: false; reason: string; message: string };

function insufficient(resource: string, requested: number, used: number, capacity: number): AdmitResult {
  return {
    admit: false,
    reason: `OutOf${resource}`,
    message: `Node didn't have enough resource: ${resource}, requested: ${requested}, used: ${used}, capacity: ${capacity}`,
  };
}

function predicate(name: string, reason: string): AdmitResult {
  return { admit: false, reason: name, message: `Predicate ${name} failed: ${reason}` };
}

/**
 * The kubelet's own admission of a pod bound to its node (it matters for pods that name a node
 * themselves and skip the scheduler): resources against allocatable minus the active pods, node
 * affinity, host ports, and untolerated NoExecute taints. Only the first failure is reported.
 * upstream: pkg/kubelet/lifecycle/predicate.go, pkg/scheduler AdmissionCheck
 */
export function admitPod(node: Node, pod: Pod, activePods: readonly Pod[]): AdmitResult {
  const info = newNodeInfo(node, activePods);
  const req = podRequests(pod);
  const alloc = info.allocatable;
  const used = info.requested;
  if (info.pods.length + 1 > alloc.pods) return insufficient('pods', 1, info.pods.length, alloc.pods);
  if (req.cpu > 0 && req.cpu > alloc.cpu - used.cpu) return insufficient('cpu', req.cpu, used.cpu, alloc.cpu);
  if (req.memory > 0 && req.memory > alloc.memory - used.memory) return insufficient('memory', req.memory, used.memory, alloc.memory);
  if (req.ephemeralStorage > 0 && req.ephemeralStorage > alloc.ephemeralStorage - used.ephemeralStorage) {
    return insufficient('ephemeral-storage', req.ephemeralStorage, used.ephemeralStorage, alloc.ephemeralStorage);
  }
  for (const [name, amount] of Object.entries(req.scalar)) {
    const have = alloc.scalar[name] ?? 0;
    const taken = used.scalar[name] ?? 0;
    if (amount > 0 && amount > have - taken) return insufficient(name, amount, taken, have);
  }
  if (!requiredNodeAffinityMatches(pod, node)) return predicate('NodeAffinity', "node(s) didn't match Pod's node affinity/selector");
  if (hostPortsOf(pod).some((p) => hostPortConflicts(info.usedPorts, p))) {
    return predicate('NodePorts', "node(s) didn't have free ports for the requested pod ports");
  }
  if (findUntoleratedTaint(node.spec?.taints, pod.spec?.tolerations, (t) => t.effect === 'NoExecute')) {
    return predicate('TaintToleration', 'node(s) had untolerated taint');
  }
  return { admit: true };
}
