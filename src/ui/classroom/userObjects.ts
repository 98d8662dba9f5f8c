/**
 * Whether the cluster holds anything of the learner's: what the empty state waits for. What
 * kubeadm and the controllers create by themselves (the built-in namespaces, the `kubernetes`
 * Service, each namespace's `default` ServiceAccount and `kube-root-ca.crt` ConfigMap, the
 * default StorageClass, Nodes, Leases, Events) does not count.
 */
import type { ClusterView, KubeObject } from '../../engine/api';

const NAMESPACED_KINDS = [
  'Pod', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'ReplicationController',
  'Service', 'ConfigMap', 'Secret', 'PersistentVolumeClaim', 'HorizontalPodAutoscaler', 'PodDisruptionBudget',
  'ResourceQuota', 'LimitRange', 'ServiceAccount',
];
const CLUSTER_KINDS = ['Namespace', 'PersistentVolume', 'StorageClass', 'PriorityClass'];

const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease']);
const BUILT_IN = new Set([
  'Namespace//default', 'Namespace//kube-system', 'Namespace//kube-public', 'Namespace//kube-node-lease',
  'Service/default/kubernetes', 'StorageClass//standard',
]);
/** Made in every namespace by the control plane. */
const PER_NAMESPACE = new Set(['ServiceAccount/default', 'ConfigMap/kube-root-ca.crt']);

export function isUserObject(o: KubeObject): boolean {
  const ns = o.metadata.namespace ?? '';
  if (SYSTEM_NAMESPACES.has(ns)) return false;
  if (BUILT_IN.has(`${o.kind}/${ns}/${o.metadata.name}`)) return false;
  return !PER_NAMESPACE.has(`${o.kind}/${o.metadata.name}`);
}

export function hasUserObjects(view: Pick<ClusterView, 'list'>): boolean {
  return [...NAMESPACED_KINDS, ...CLUSTER_KINDS].some((kind) => view.list(kind).some(isUserObject));
}
