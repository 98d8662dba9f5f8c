/**
 * The RollingUpdate strategy: grow the new ReplicaSet into the room maxSurge leaves, then shrink
 * old ones as far as maxUnavailable allows; one of the two per sync.
 * upstream: pkg/controller/deployment/rolling.go
 */
import { cleanupDeployment } from './cleanup';
import { rollingLimits } from './messages';
import { planOldScaleDown, type ScaleChange } from './oldReplicaSetsPlan';
import { byCreation } from './ordering';
import { filterActive, specReplicas } from './replicaSets';
import { getAllReplicaSetsAndSyncRevision } from './newReplicaSet';
import { maxSurge, maxUnavailable, newRSNewReplicas } from './rollingMath';
import { syncRolloutStatus } from './status';
import { scaleReplicaSetAndRecordEvent, type DeploymentSync } from './sync';
import { replicasOf, rsAvailable, rsReplicas, type ReplicaSetObject } from './types';
import { deploymentComplete } from './progress';

export function rolloutRolling(s: DeploymentSync, rsList: ReplicaSetObject[]): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(s, rsList, true);
  if (s.error || !newRS) return;
  const allRSs = [...oldRSs, newRS];
  if (reconcileNewReplicaSet(s, allRSs, newRS)) return syncRolloutStatus(s, allRSs, newRS);
  if (s.error) return;
  if (reconcileOldReplicaSets(s, allRSs, filterActive(oldRSs), newRS)) return syncRolloutStatus(s, allRSs, newRS);
  if (s.error) return;
  if (deploymentComplete(s.d, s.d.status ?? {})) cleanupDeployment(s, oldRSs);
  if (s.error) return;
  syncRolloutStatus(s, allRSs, newRS);
}

/** Scale the new ReplicaSet up into the surge room (or down to replicas if it is above). */
function reconcileNewReplicaSet(s: DeploymentSync, allRSs: ReplicaSetObject[], newRS: ReplicaSetObject): boolean {
  const replicas = replicasOf(s.d);
  const size = rsReplicas(newRS);
  if (size === replicas) return false;
  if (size > replicas) {
    return scaleReplicaSetAndRecordEvent(s, newRS, replicas,
      `the new ReplicaSet never runs more than the Deployment's replicas (${replicas})`).scaled;
  }
  const total = specReplicas(allRSs);
  const target = newRSNewReplicas(s.d, total, size);
  const surge = maxSurge(s.d);
  return scaleReplicaSetAndRecordEvent(s, newRS, target,
    `all ReplicaSets together plan ${total} Pods and replicas ${replicas} + maxSurge ${surge} allows ` +
    `${replicas + surge}, so ${target - size} more can start (${rollingLimits(s.d)})`).scaled;
}

/** Shrink old ReplicaSets: unavailable replicas first, then surplus availability. */
function reconcileOldReplicaSets(s: DeploymentSync, allRSs: ReplicaSetObject[], oldActive: ReplicaSetObject[],
  newRS: ReplicaSetObject): boolean {
  const sorted = [...oldActive].sort(byCreation);
  const counts = (rs: ReplicaSetObject) => ({ name: rs.metadata.name, spec: rsReplicas(rs), available: rsAvailable(rs) });
  const replicas = replicasOf(s.d);
  const plan = planOldScaleDown(replicas, maxUnavailable(s.d), specReplicas(allRSs), counts(newRS), sorted.map(counts));
  let scaled = 0;
  for (const change of plan.changes) {
    const rs = sorted.find((r) => r.metadata.name === change.name)!;
    const result = scaleReplicaSetAndRecordEvent(s, rs, change.to, oldScaleDownReason(s, change, plan));
    if (s.error) {
      // upstream: an error here ends the scale-down for this sync without failing it
      s.error = undefined;
      return false;
    }
    if (result.scaled) scaled += change.from - change.to;
  }
  return scaled > 0;
}

function oldScaleDownReason(s: DeploymentSync, change: ScaleChange,
  plan: { maxScaledDown: number; minAvailable: number; newUnavailable: number; available: number }): string {
  const replicas = replicasOf(s.d);
  const minimum = `replicas ${replicas} − maxUnavailable ${maxUnavailable(s.d)} = ${plan.minAvailable} must stay available`;
  if (change.phase === 'cleanup') {
    return `${change.from - change.to} of its Pods are not available, and unavailable old Pods go first ` +
      `(${minimum}; at most ${plan.maxScaledDown} old Pods may go now)`;
  }
  return `${plan.available} Pods are available and ${minimum}, so ${plan.available - plan.minAvailable} old ` +
    `${plan.available - plan.minAvailable === 1 ? 'Pod' : 'Pods'} can go`;
}
