import type { AppliedObject } from './types';

/** API group of each kind the playground knows; core kinds have none. */
const GROUP_OF_KIND: Record<string, string> = {
  Deployment: 'apps',
  ReplicaSet: 'apps',
  StatefulSet: 'apps',
  DaemonSet: 'apps',
  ControllerRevision: 'apps',
  Job: 'batch',
  CronJob: 'batch',
  HorizontalPodAutoscaler: 'autoscaling',
  PodDisruptionBudget: 'policy',
  Ingress: 'networking.k8s.io',
  IngressClass: 'networking.k8s.io',
  NetworkPolicy: 'networking.k8s.io',
  EndpointSlice: 'discovery.k8s.io',
  StorageClass: 'storage.k8s.io',
  CSIDriver: 'storage.k8s.io',
  PriorityClass: 'scheduling.k8s.io',
  Lease: 'coordination.k8s.io',
  Role: 'rbac.authorization.k8s.io',
  RoleBinding: 'rbac.authorization.k8s.io',
  ClusterRole: 'rbac.authorization.k8s.io',
  ClusterRoleBinding: 'rbac.authorization.k8s.io',
};

/** `deployment.apps`, `service`: the resource as kubectl names it in its output. */
export function resourceName(kind: string): string {
  const group = GROUP_OF_KIND[kind];
  const resource = kind.toLowerCase();
  return group ? `${resource}.${group}` : resource;
}

/** kubectl apply's lines: `deployment.apps/web created`, `service/web unchanged`. */
export function applySummaryLines(results: readonly AppliedObject[]): string[] {
  return results.map((r) => `${resourceName(r.kind)}/${r.name} ${r.action}`);
}
