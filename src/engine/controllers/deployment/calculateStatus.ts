/**
 * The Deployment status computed from its ReplicaSets, and the Available condition.
 * upstream: pkg/controller/deployment/sync.go (calculateStatus)
 */
import { deepEqual } from '../../util/objects';
import { newCondition, Reason, setCondition } from './conditions';
import { actualReplicas, availableReplicas, readyReplicas, specReplicas } from './replicaSets';
import { maxUnavailable } from './rollingMath';
import { replicasOf, type DeploymentObject, type DeploymentStatus, type ReplicaSetObject } from './types';

const STATUS_FIELDS = ['observedGeneration', 'replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas',
  'unavailableReplicas', 'conditions', 'collisionCount'] as const;

/** Fields in Go's struct order; zero counts and empty lists dropped, as omitempty does. */
export function normalizeStatus(status: DeploymentStatus): DeploymentStatus {
  const out: Record<string, unknown> = {};
  for (const k of STATUS_FIELDS) {
    const v = status[k];
    if (v === undefined || v === 0 || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out as DeploymentStatus;
}

export const statusEqual = (a: DeploymentStatus | undefined, b: DeploymentStatus | undefined): boolean =>
  deepEqual(normalizeStatus(a ?? {}), normalizeStatus(b ?? {}));

/**
 * Counts summed over the ReplicaSets (updated = the new one's status.replicas; unavailable =
 * Σ spec − Σ available, never negative), the previous conditions, and Available: True when
 * available ≥ replicas − maxUnavailable (Recreate: maxUnavailable 0).
 */
export function calculateStatus(allRSs: readonly (ReplicaSetObject | undefined)[], newRS: ReplicaSetObject | undefined,
  d: DeploymentObject, now: number): DeploymentStatus {
  const available = availableReplicas(allRSs);
  const status: DeploymentStatus = {
    observedGeneration: d.metadata.generation,
    replicas: actualReplicas(allRSs),
    updatedReplicas: actualReplicas([newRS]),
    readyReplicas: readyReplicas(allRSs),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, specReplicas(allRSs) - available),
    conditions: [...(d.status?.conditions ?? [])],
    collisionCount: d.status?.collisionCount,
  };
  if (available >= replicasOf(d) - maxUnavailable(d)) {
    setCondition(status, newCondition('Available', 'True', Reason.MinimumReplicasAvailable,
      'Deployment has minimum availability.', now));
  } else {
    setCondition(status, newCondition('Available', 'False', Reason.MinimumReplicasUnavailable,
      'Deployment does not have minimum availability.', now));
  }
  return status;
}
