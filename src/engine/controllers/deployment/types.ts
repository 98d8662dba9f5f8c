import type { DeploymentCondition, DeploymentSpec, DeploymentStatus, ReplicaSetSpec, ReplicaSetStatus } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../../api';

/** A stored apps/v1 Deployment, typed where the controller reads it. */
export type DeploymentObject = KubeObject & { spec: DeploymentSpec; status?: DeploymentStatus };

/** A stored apps/v1 ReplicaSet. */
export type ReplicaSetObject = KubeObject & { spec: ReplicaSetSpec; status?: ReplicaSetStatus };

export type { DeploymentCondition, DeploymentStatus };

/** upstream apps.DefaultDeploymentUniqueLabelKey */
export const POD_TEMPLATE_HASH = 'pod-template-hash';
export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
/** apps/v1beta1's rollbackTo, kept in annotationsToSkip upstream. */
export const DEPRECATED_ROLLBACK_TO = 'deprecated.deployment.rollback.to';

/** The annotations a Deployment never copies onto its ReplicaSets (upstream annotationsToSkip). */
export const ANNOTATIONS_TO_SKIP = new Set([LAST_APPLIED, REVISION, REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS,
  DEPRECATED_ROLLBACK_TO]);

export const replicasOf = (d: DeploymentObject): number => d.spec.replicas ?? 1;
export const rsReplicas = (rs: ReplicaSetObject | undefined): number => rs?.spec.replicas ?? 0;
export const rsAvailable = (rs: ReplicaSetObject | undefined): number => rs?.status?.availableReplicas ?? 0;
export const isRollingUpdate = (d: DeploymentObject): boolean => (d.spec.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';

/** upstream HasProgressDeadline: set and not MaxInt32 (the "no deadline" value). */
export function hasProgressDeadline(d: DeploymentObject): boolean {
  const s = d.spec.progressDeadlineSeconds;
  return s !== undefined && s !== 2147483647;
}

/** An object's annotations or labels with keys sorted, as the API server serialises Go maps. */
export function sortedMap(map: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(map).sort()) out[k] = map[k];
  return out;
}
