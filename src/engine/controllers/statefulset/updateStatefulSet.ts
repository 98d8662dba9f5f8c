/**
 * One pass of the StatefulSet control loop: fill the ordinals in range, remove the condemned
 * Pods, then roll the update revision out from the highest ordinal down.
 * upstream: stateful_set_control.go (updateStatefulSet, runForAll, slowStartBatch)
 */
import type { KubeObject } from '../../api';
import { applyRevision } from '../history/templatePatch';
import type { ReconcileContext } from '../types';
import { ordinalOf, podInOrdinalRange } from './identity';
import { newVersionedStatefulSetPod } from './newPod';
import { deleteStatefulPod } from './podControl';
import { claimsMatchRetentionPolicy, updatePodClaimForRetentionPolicy } from './claims';
import { isHealthy, isTerminating, podRevision } from './podState';
import { processCondemned, processReplica, type Outcome, type SyncState } from './processReplica';
import type { SetRevisions } from './revisions';
import { countReplicas, statusObject } from './status';
import { allowsBurst, endOrdinal, isOnDelete, minReadySecondsOf, startOrdinal, type StatefulSetObject, type StatefulSetStatus } from './statefulSetSpec';

/** upstream MaxBatchSize: at most this many Pods handled in one Parallel batch. */
const MAX_BATCH_SIZE = 500;

/**
 * upstream runForAll: OrderedReady goes Pod by Pod and stops at the first that says so;
 * Parallel runs slow-start batches (1, 2, 4, …) and stops only on an error.
 */
function runForAll(count: number, fn: (i: number) => Outcome, monotonic: boolean): Outcome {
  if (monotonic) {
    for (let i = 0; i < count; i++) {
      const outcome = fn(i);
      if (outcome.exit || outcome.error !== undefined) return { exit: true, error: outcome.error };
    }
    return { exit: false };
  }
  let j = 0;
  for (let size = Math.min(count, 1), remaining = count; size > 0; size = Math.min(2 * size, remaining, MAX_BATCH_SIZE)) {
    const errors: string[] = [];
    for (let k = 0; k < size; k++, j++) {
      const error = fn(j).error;
      if (error !== undefined) errors.push(error);
    }
    if (errors.length) return { exit: true, error: errors.length === 1 ? errors[0] : `[${errors.join(', ')}]` };
    remaining -= size;
  }
  return { exit: false };
}

export interface UpdateResult { status: StatefulSetStatus; error?: string; requeueAfter?: number }

export function updateStatefulSet(ctx: ReconcileContext, set: StatefulSetObject, revs: SetRevisions, pods: KubeObject[]): UpdateResult {
  const currentSet = applyRevision(set, revs.current);
  const updateSet = applyRevision(set, revs.update);
  const current = revs.current.metadata.name;
  const update = revs.update.metadata.name;
  const min = minReadySecondsOf(set);
  const statusOf = (...lists: KubeObject[][]) =>
    statusObject(set, countReplicas(lists, min, ctx.now, current, update), current, update, revs.collisionCount);

  const start = startOrdinal(set);
  const replicas: (KubeObject | undefined)[] = new Array(Math.max(0, endOrdinal(set) - start + 1)).fill(undefined);
  const condemned: KubeObject[] = [];
  for (const pod of pods) {
    if (podInOrdinalRange(pod, set)) replicas[ordinalOf(pod) - start] = pod;
    else if (ordinalOf(pod) >= 0) condemned.push(pod);
  }
  const filled = replicas.map((pod, i) => pod ?? newVersionedStatefulSetPod(currentSet, updateSet, current, update, i + start));
  condemned.sort((a, b) => ordinalOf(b) - ordinalOf(a));
  const s: SyncState = { ctx, set, currentSet, updateSet, currentRevision: current, updateRevision: update,
    monotonic: !allowsBurst(set), replicas: filled, condemned, created: 0 };
  s.firstUnhealthy = filled.find((p) => !isHealthy(p)) ?? [...condemned].reverse().find((p) => !isHealthy(p));

  if (set.metadata.deletionTimestamp) return { status: statusOf(pods) };
  const finish = (outcome: Outcome): UpdateResult | undefined => (outcome.exit || outcome.error !== undefined
    ? { status: statusOf(s.replicas, s.condemned), error: outcome.error, requeueAfter: s.requeueAfter } : undefined);

  const done = finish(runForAll(s.replicas.length, (i) => processReplica(s, i), s.monotonic)) ??
    finish(runForAll(condemned.length, (i) => fixPodClaim(s, i), s.monotonic)) ??
    finish(runForAll(condemned.length, (i) => processCondemned(s, i), s.monotonic));
  if (done) return done;
  const status = statusOf(s.replicas, s.condemned);
  if (isOnDelete(set)) return { status, requeueAfter: s.requeueAfter };
  return { ...rollingUpdate(s, status), requeueAfter: s.requeueAfter };
}

/** upstream fixPodClaim: a condemned Pod's claims get the owners the policy wants before it goes. */
function fixPodClaim(s: SyncState, i: number): Outcome {
  if (claimsMatchRetentionPolicy(s.ctx, s.updateSet, s.condemned[i])) return { exit: false };
  const error = updatePodClaimForRetentionPolicy(s.ctx, s.updateSet, s.condemned[i]);
  return error === undefined ? { exit: false } : { exit: true, error };
}

/**
 * upstream: delete the highest-ordinal Pod at or above the partition that is not at the update
 * revision; it comes back at the update revision. Wait while any Pod in that range is unhealthy.
 */
function rollingUpdate(s: SyncState, status: StatefulSetStatus): UpdateResult {
  const { set, replicas } = s;
  const partition = set.spec.updateStrategy?.rollingUpdate?.partition ?? 0;
  for (let target = replicas.length - 1; target >= partition; target--) {
    const pod = replicas[target];
    if (podRevision(pod) !== s.updateRevision && !isTerminating(pod)) {
      const below = partition > 0 ? `; ordinals below the partition (${partition}) stay at ${s.currentRevision}` : '';
      const error = deleteStatefulPod(s.ctx, set, pod, `StatefulSet ${set.metadata.name} rolls out revision ${s.updateRevision}: ` +
        `deleting ${pod.metadata.name}, the highest ordinal not yet updated, to recreate it from the new template` +
        `${below}. The next Pod waits until this one is Running and Ready`);
      const currentReplicas = (status.currentReplicas ?? 0) - 1;
      const next: StatefulSetStatus = { ...status, currentReplicas: currentReplicas || undefined };
      if (next.currentReplicas === undefined) delete next.currentReplicas;
      return error === undefined || error.endsWith('not found') ? { status: next } : { status: next, error };
    }
    if (!isHealthy(pod)) return { status };
  }
  return { status };
}
