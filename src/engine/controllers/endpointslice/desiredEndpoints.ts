/**
 * The endpoints a Service wants, grouped by the ports each Pod resolves.
 * upstream: pkg/controller/endpointslice/reconciler.go (reconcileByAddressType, desired state half)
 */
import type { KubeObject } from '../../api';
import type { DesiredGroup } from './planSlices';
import { endpointKey, endpointPorts, podToEndpoint, portMapKey, serviceSpec, shouldPodBeInEndpoints } from './podEndpoint';

export interface DesiredState {
  groups: Map<string, DesiredGroup>;
  /** Pods left out because their Node is not found (the sync is then retried). */
  missingNode: string[];
}

/**
 * Every Pod that belongs in the slices (terminating ones included, marked), as an endpoint, in the
 * group of the ports it resolves. A Pod bound to a Node that does not exist is skipped (and
 * reported) unless publishNotReadyAddresses says to publish it regardless.
 */
export function desiredEndpoints(svc: KubeObject, pods: KubeObject[], node: (name: string) => KubeObject | undefined): DesiredState {
  const groups = new Map<string, DesiredGroup>();
  const missingNode: string[] = [];
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const ports = endpointPorts(svc, pod);
    const key = portMapKey(ports);
    // upstream: the port group is wanted even when this Pod is then skipped
    let group = groups.get(key);
    if (!group) {
      group = { ports, endpoints: new Map() };
      groups.set(key, group);
    }
    const nodeName = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
    const nodeObj = nodeName ? node(nodeName) : undefined;
    if (nodeName && !nodeObj && !serviceSpec(svc).publishNotReadyAddresses) {
      missingNode.push(pod.metadata.name);
      continue;
    }
    const ep = podToEndpoint(pod, nodeObj, svc);
    if (ep.addresses.length) group.endpoints.set(endpointKey(ep), ep);
  }
  return { groups, missingNode };
}
