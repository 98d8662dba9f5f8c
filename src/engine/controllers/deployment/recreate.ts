/**
 * The Recreate strategy: every old ReplicaSet to 0, wait until no old Pod is left in Pending,
 * Running or Unknown, then the new ReplicaSet straight to replicas.
 * upstream: pkg/controller/deployment/recreate.go
 */
import type { KubeObject } from '../../api';
import { controllerOf } from '../../util/objects';
import { matchesSelector } from '../../util/selectors';
import { podPhase } from '../shared/pods';
import { cleanupDeployment } from './cleanup';
import { getAllReplicaSetsAndSyncRevision } from './newReplicaSet';
import { deploymentComplete } from './progress';
import { actualReplicas, filterActive } from './replicaSets';
import { syncRolloutStatus } from './status';
import { namespaceOf, scaleReplicaSetAndRecordEvent, type DeploymentSync } from './sync';
import { replicasOf, type ReplicaSetObject } from './types';

/** upstream getPodMapForDeployment: the selected Pods of each owned ReplicaSet, terminating and finished ones too. */
export function podsByReplicaSet(s: DeploymentSync, rsList: readonly ReplicaSetObject[]): Map<string, KubeObject[]> {
  const map = new Map<string, KubeObject[]>(rsList.map((rs) => [rs.metadata.uid, []]));
  for (const pod of s.ctx.list('Pod', namespaceOf(s))) {
    const uid = controllerOf(pod)?.uid;
    if (uid === undefined || !map.has(uid) || !matchesSelector(s.d.spec.selector, pod.metadata.labels)) continue;
    map.get(uid)!.push(pod);
  }
  return map;
}

/** upstream oldPodsRunning: an old ReplicaSet still reports Pods, or an old Pod is not yet Succeeded/Failed. */
function oldPodsRunning(newRS: ReplicaSetObject | undefined, oldRSs: ReplicaSetObject[],
  podMap: Map<string, KubeObject[]>): number {
  const reported = actualReplicas(oldRSs);
  if (reported > 0) return reported;
  let running = 0;
  for (const [uid, pods] of podMap) {
    if (uid === newRS?.metadata.uid) continue;
    running += pods.filter((p) => podPhase(p) !== 'Succeeded' && podPhase(p) !== 'Failed').length;
  }
  return running;
}

export function rolloutRecreate(s: DeploymentSync, rsList: ReplicaSetObject[]): void {
  // upstream: the new ReplicaSet is not created yet, so nothing scales up before the old Pods are gone
  let { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(s, rsList, false);
  if (s.error) return;
  let allRSs: (ReplicaSetObject | undefined)[] = [...oldRSs, newRS];

  let scaledDown = false;
  for (const rs of filterActive(oldRSs)) {
    const result = scaleReplicaSetAndRecordEvent(s, rs, 0,
      'Recreate stops every old Pod before any new Pod starts');
    if (s.error) return;
    scaledDown ||= result.scaled;
  }
  if (scaledDown) return syncRolloutStatus(s, allRSs, newRS);

  if (oldPodsRunning(newRS, oldRSs, podsByReplicaSet(s, rsList)) > 0) return syncRolloutStatus(s, allRSs, newRS);

  if (!newRS) {
    ({ newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(s, rsList, true));
    if (s.error || !newRS) return;
    allRSs = [...oldRSs, newRS];
  }
  scaleReplicaSetAndRecordEvent(s, newRS, replicasOf(s.d),
    `no old Pod is left, so Recreate starts all ${replicasOf(s.d)} new replicas at once`);
  if (s.error) return;
  if (deploymentComplete(s.d, s.d.status ?? {})) cleanupDeployment(s, oldRSs);
  if (s.error) return;
  syncRolloutStatus(s, allRSs, newRS);
}
