/**
 * StatefulSet status from its Pods. upstream: stateful_set_control.go (computeReplicaStatus,
 * updateStatus, completeRollingUpdate, inconsistentStatus)
 */
import type { KubeObject } from '../../api';
import { isCreated, isRunningAndAvailable, isRunningAndReady, isTerminating, podRevision } from './podState';
import type { StatefulSetObject, StatefulSetStatus } from './statefulSetSpec';

export interface Counts {
  replicas: number;
  readyReplicas: number;
  availableReplicas: number;
  currentReplicas: number;
  updatedReplicas: number;
}

/**
 * upstream computeReplicaStatus over every list given: created Pods count as replicas; Running and
 * Ready ones as ready (and available after minReadySeconds); live created ones by revision.
 */
export function countReplicas(lists: KubeObject[][], minReadySeconds: number, now: number,
  currentRevision: string, updateRevision: string): Counts {
  const c: Counts = { replicas: 0, readyReplicas: 0, availableReplicas: 0, currentReplicas: 0, updatedReplicas: 0 };
  for (const pod of lists.flat()) {
    const created = isCreated(pod);
    if (created) c.replicas++;
    if (isRunningAndReady(pod)) {
      c.readyReplicas++;
      if (isRunningAndAvailable(pod, minReadySeconds, now)) c.availableReplicas++;
    }
    if (created && !isTerminating(pod)) {
      const revision = podRevision(pod);
      if (revision === currentRevision) c.currentReplicas++;
      if (revision === updateRevision) c.updatedReplicas++;
    }
  }
  return c;
}

/**
 * The status object as Go serialises it: zero counts omitted except replicas and
 * availableReplicas (no omitempty), collisionCount kept as a number (a pointer).
 */
export function statusObject(set: StatefulSetObject, counts: Counts, currentRevision: string, updateRevision: string,
  collisionCount: number): StatefulSetStatus {
  const status: StatefulSetStatus = {
    observedGeneration: set.metadata.generation,
    replicas: counts.replicas,
    readyReplicas: counts.readyReplicas || undefined,
    currentReplicas: counts.currentReplicas || undefined,
    updatedReplicas: counts.updatedReplicas || undefined,
    currentRevision,
    updateRevision,
    collisionCount,
    availableReplicas: counts.availableReplicas,
  };
  if (set.status?.conditions) status.conditions = set.status.conditions;
  for (const k of Object.keys(status) as (keyof StatefulSetStatus)[]) if (status[k] === undefined) delete status[k];
  return status;
}

/**
 * upstream completeRollingUpdate: once every replica is updated and ready, the update revision
 * becomes the current one. (With a partition above 0 that never happens: currentRevision stays.)
 */
export function completeRollingUpdate(set: StatefulSetObject, status: StatefulSetStatus): void {
  if (set.spec.updateStrategy?.type === 'RollingUpdate' && (status.updatedReplicas ?? 0) === status.replicas &&
    (status.readyReplicas ?? 0) === status.replicas) {
    status.currentReplicas = status.updatedReplicas;
    status.currentRevision = status.updateRevision;
    if (!status.currentReplicas) delete status.currentReplicas;
  }
}

/** upstream inconsistentStatus: write only when a count, a revision or the generation moved. */
export function inconsistentStatus(set: StatefulSetObject, status: StatefulSetStatus): boolean {
  const cur = set.status;
  return (status.observedGeneration ?? 0) > (cur?.observedGeneration ?? 0) || status.replicas !== (cur?.replicas ?? 0) ||
    (status.currentReplicas ?? 0) !== (cur?.currentReplicas ?? 0) || (status.readyReplicas ?? 0) !== (cur?.readyReplicas ?? 0) ||
    (status.updatedReplicas ?? 0) !== (cur?.updatedReplicas ?? 0) || status.currentRevision !== cur?.currentRevision ||
    status.availableReplicas !== (cur?.availableReplicas ?? 0) || status.updateRevision !== cur?.updateRevision;
}

/** A sentence for the status Step: the counts, and what they mean for a rollout. */
export function statusMessage(set: StatefulSetObject, status: StatefulSetStatus): string {
  const want = set.spec.replicas ?? 1;
  const min = set.spec.minReadySeconds ?? 0;
  const available = min > 0 ? `, ${status.availableReplicas} available (Ready for minReadySeconds=${min})` : '';
  const revisions = status.currentRevision === status.updateRevision
    ? `revision ${status.updateRevision}`
    : `${status.updatedReplicas ?? 0} updated to ${status.updateRevision}, ${status.currentReplicas ?? 0} still at ${status.currentRevision}`;
  return `StatefulSet ${set.metadata.name} status: ${status.replicas} Pods for ${want} replicas, ` +
    `${status.readyReplicas ?? 0} ready${available}; ${revisions}`;
}
