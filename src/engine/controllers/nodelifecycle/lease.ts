/**
 * Node Leases (`kube-node-lease/<node>`): the kubelet's cheap heartbeat. The object is written once,
 * with the Node's registration; its renewals are not writes (they would be a Step every 10s per
 * Node) — `spec.renewTime` is filled in when the Lease is read, from the heartbeat record.
 * upstream: pkg/kubelet/nodelease, staging/src/k8s.io/component-helpers/apimachinery/lease/controller.go
 */
import type { KubeObject } from '../../api';
import { imageDigest } from '../../kubelet/ids';
import { microTimestamp, virtualMs } from '../../core/time';
import { lastRenewal, LEASE_DURATION_SECONDS, type KubeletHeartbeat } from './heartbeat';

export const NODE_LEASE_NAMESPACE = 'kube-node-lease';

/** A uid derived from the Node's (the Lease costs no randomness, so adding it moves no random name). */
function leaseUid(nodeUid: string): string {
  const h = imageDigest(`lease/${nodeUid}`).slice('sha256:'.length);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The Lease a kubelet creates for its Node (server metadata except resourceVersion filled in). */
export function nodeLease(node: KubeObject, creationTimestamp: string): KubeObject {
  return {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: {
      name: node.metadata.name,
      namespace: NODE_LEASE_NAMESPACE,
      uid: leaseUid(node.metadata.uid),
      resourceVersion: '',
      creationTimestamp,
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node.metadata.name, uid: node.metadata.uid }],
    },
    spec: {
      holderIdentity: node.metadata.name,
      leaseDurationSeconds: LEASE_DURATION_SECONDS,
      renewTime: microTimestamp(virtualMs(creationTimestamp) ?? 0),
    },
  };
}

/** The Lease as a reader sees it at `now`: renewTime is the kubelet's last renewal. */
export function leaseAsOf(lease: KubeObject, node: KubeObject | undefined, hb: KubeletHeartbeat | undefined, now: number): KubeObject {
  if (lease.metadata.namespace !== NODE_LEASE_NAMESPACE || !node || node.metadata.name !== lease.metadata.name) return lease;
  const renewTime = microTimestamp(lastRenewal(node, hb && hb.uid === node.metadata.uid ? hb : undefined, now));
  const spec = lease.spec as Record<string, unknown>;
  return spec.renewTime === renewTime ? lease : { ...lease, spec: { ...spec, renewTime } };
}
