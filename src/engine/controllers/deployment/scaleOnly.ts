/**
 * The scale-only sync, for paused Deployments and for a replicas change: no rollout step, only
 * the active ReplicaSets resized (proportionally when several are active).
 * upstream: pkg/controller/deployment/sync.go (sync, scale, isScalingEvent), util FindActiveOrLatest, IsSaturated
 */
import { byCreation } from './ordering';
import { cleanupDeployment } from './cleanup';
import { getAllReplicaSetsAndSyncRevision } from './newReplicaSet';
import { planProportionalScaling } from './proportionalScaling';
import { filterActive } from './replicaSets';
import { maxSurge } from './rollingMath';
import { syncDeploymentStatus } from './status';
import { scaleReplicaSet, scaleReplicaSetAndRecordEvent, type DeploymentSync } from './sync';
import { DESIRED_REPLICAS, isRollingUpdate, replicasOf, rsAvailable, rsReplicas, type ReplicaSetObject } from './types';

/** A replicas change not yet applied: some active ReplicaSet's desired-replicas annotation differs from replicas. */
export function isScalingEvent(s: DeploymentSync, rsList: ReplicaSetObject[]): boolean {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(s, rsList, false);
  if (s.error) return false;
  return filterActive([...oldRSs, newRS]).some((rs) => {
    const raw = rs.metadata.annotations?.[DESIRED_REPLICAS];
    return raw !== undefined && /^[+-]?\d+$/.test(raw) && Number(raw) !== replicasOf(s.d);
  });
}

export function syncScaleOnly(s: DeploymentSync, rsList: ReplicaSetObject[]): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(s, rsList, false);
  if (s.error) return;
  scale(s, newRS, oldRSs);
  if (s.error) return;
  if (s.d.spec.paused) cleanupDeployment(s, oldRSs);
  if (s.error) return;
  syncDeploymentStatus(s, [...oldRSs, newRS], newRS);
}

/** upstream FindActiveOrLatest: the only active ReplicaSet, or the newest one when none is active. */
function activeOrLatest(newRS: ReplicaSetObject | undefined, oldRSs: ReplicaSetObject[]): ReplicaSetObject | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const newestFirst = [...oldRSs].sort(byCreation).reverse();
  const active = filterActive([...newestFirst, newRS]);
  if (active.length === 0) return newRS ?? newestFirst[0];
  return active.length === 1 ? active[0] : undefined;
}

/** upstream IsSaturated: the new ReplicaSet has all replicas, wants them, and all are available. */
function isSaturated(s: DeploymentSync, rs: ReplicaSetObject | undefined): boolean {
  if (!rs) return false;
  const desired = rs.metadata.annotations?.[DESIRED_REPLICAS];
  const replicas = replicasOf(s.d);
  return desired !== undefined && Number(desired) === replicas && rsReplicas(rs) === replicas && rsAvailable(rs) === replicas;
}

function scale(s: DeploymentSync, newRS: ReplicaSetObject | undefined, oldRSs: ReplicaSetObject[]): void {
  const replicas = replicasOf(s.d);
  const only = activeOrLatest(newRS, oldRSs);
  if (only) {
    if (rsReplicas(only) === replicas) return;
    scaleReplicaSetAndRecordEvent(s, only, replicas,
      `the Deployment wants ${replicas} replicas and ${only.metadata.name} is its only active ReplicaSet`);
    return;
  }
  if (isSaturated(s, newRS)) {
    for (const old of filterActive(oldRSs)) {
      scaleReplicaSetAndRecordEvent(s, old, 0,
        `the new ReplicaSet already runs all ${replicas} replicas, so the old ones go to 0`);
      if (s.error) return;
    }
    return;
  }
  if (!isRollingUpdate(s.d)) return;
  const plan = planProportionalScaling(s.d, filterActive([...oldRSs, newRS]));
  for (const { rs, from, to, maxBefore } of plan.sizes) {
    const share = maxBefore ? `${from}×${plan.allowed}/${maxBefore} rounded` : `${from} + its share`;
    scaleReplicaSet(s, rs, to, `the Deployment was scaled to ${replicas} in the middle of a rollout, so the ` +
      `${plan.allowed} Pods it allows (replicas + maxSurge ${maxSurge(s.d)}) are shared in proportion: ${share} → ${to}`);
    if (s.error) return;
  }
}
