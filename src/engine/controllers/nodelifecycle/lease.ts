/**
 * Node Leases (`kube-node-lease/<node>`): the kubelet's cheap heartbeat. The object is written once,
 * with the Node's registration; its renewals are not writes (they would be a Step every 10s per
 * Node) — `spec.renewTime` is filled in when the Lease is read, from the heartbeat record.
 * upstream: pkg/kubelet/nodelease, staging/src/k8s.io/component-helpers/apimachinery/lease/controller.go
 */
import type { KubeObject } from '../../api';
import type { ObjectStore } from '../../apiserver/objectStore';
import { imageDigest } from '../../kubelet/ids';
import { microTimestamp, timestamp, virtualMs } from '../../core/time';
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

/** The kubelet creates its Lease as it registers the Node: written into the same Step, costing no randomness. */
export function createNodeLease(store: ObjectStore, node: KubeObject, now: number, step: number): void {
  if (!store.get('Namespace', NODE_LEASE_NAMESPACE)) return;
  const existing = store.get('Lease', node.metadata.name, NODE_LEASE_NAMESPACE);
  if (existing?.metadata.ownerReferences?.some((r) => r.uid === node.metadata.uid)) return;
  const lease = nodeLease(node, timestamp(now));
  lease.metadata.resourceVersion = store.nextResourceVersion();
  store.put(lease, step);
}

/** Leases as a reader sees them at `now` (Node Leases with their last renewal filled in). */
export function withRenewTimes(objs: KubeObject[], nodeOf: (name: string) => KubeObject | undefined,
  heartbeats: [string, KubeletHeartbeat][], now: number): KubeObject[] {
  return objs.map((o) => (o.kind === 'Lease' && o.metadata.namespace === NODE_LEASE_NAMESPACE
    ? leaseAsOf(o, nodeOf(o.metadata.name), heartbeats.find(([name]) => name === o.metadata.name)?.[1], now) : o));
}
