/**
 * The per-Pod steps of one StatefulSet sync: bring up (or repair) a replica in range, and take
 * down a condemned one. Each returns whether the sync must stop here (OrderedReady waits one Pod
 * at a time) and any error. upstream: stateful_set_control.go (processReplica, processCondemned)
 */
import type { KubeObject } from '../../api';
import { clone } from '../../util/objects';
import type { ReconcileContext } from '../types';
import { claimsMatchRetentionPolicy, createPersistentVolumeClaims, podClaimIsStale, updatePodClaimForRetentionPolicy } from './claims';
import { identityMatches, ordinalOf, storageMatches } from './identity';
import { newVersionedStatefulSetPod } from './newPod';
import { createStatefulPod, deleteStatefulPod, updateStatefulPod } from './podControl';
import { backoffRemaining, nextBackoff } from '../daemonset/failedPodsBackoff';
import {
  isCreated, isFailed, isPending, isRunningAndAvailable, isRunningAndReady, isSucceeded, isTerminating,
} from './podState';
import { minReadySecondsOf, replicasOf, startOrdinal, type StatefulSetObject } from './statefulSetSpec';

export interface SyncState {
  ctx: ReconcileContext;
  set: StatefulSetObject;
  currentSet: StatefulSetObject;
  updateSet: StatefulSetObject;
  currentRevision: string;
  updateRevision: string;
  monotonic: boolean;
  /** One entry per ordinal in range: the stored Pod, or one built but not yet created. */
  replicas: KubeObject[];
  /** Pods with an ordinal out of range, highest ordinal first. */
  condemned: KubeObject[];
  firstUnhealthy?: KubeObject;
  /** Pods created so far in this sync (the built objects in `replicas` stay unchanged, as upstream's do). */
  created: number;
  /** Come back after this long: a finished Pod's replacement is in back-off. */
  requeueAfter?: number;
}

export interface Outcome { exit: boolean; error?: string }

const STOP: Outcome = { exit: true };
const GO_ON: Outcome = { exit: false };
const fail = (error: string): Outcome => ({ exit: true, error });

function createMessage(s: SyncState, pod: KubeObject): string {
  const name = s.set.metadata.name;
  const have = s.replicas.filter(isCreated).length + s.created;
  const revision = pod.metadata.labels?.['controller-revision-hash'];
  const min = minReadySecondsOf(s.set);
  const rule = s.monotonic
    ? (ordinalOf(pod) === startOrdinal(s.set) ? 'OrderedReady: one Pod at a time, lowest ordinal first'
      : `OrderedReady: every lower ordinal is Running and Ready${min > 0 ? `, and has been for minReadySeconds=${min}` : ''}, ` +
        'so the next one may start')
    : 'Parallel: every missing Pod is created at once, without waiting for readiness';
  return `StatefulSet ${name} has ${have} of ${replicasOf(s.set)} Pods: creating ${pod.metadata.name} at revision ${revision} (${rule})`;
}

export function processReplica(s: SyncState, i: number): Outcome {
  const { ctx, set } = s;
  let pod = s.replicas[i];
  if (isFailed(pod) || isSucceeded(pod)) {
    // not upstream: virtual time has no API latency to slow a kubelet that rejects the Pod at once,
    // so repeated replacements of one ordinal back off like the DaemonSet's failed Pods
    const slot = `${set.metadata.namespace}/${set.metadata.name}/${pod.metadata.name}`;
    const wait = backoffRemaining(ctx.memo, slot, ctx.now);
    if (wait !== undefined) {
      s.requeueAfter = Math.min(s.requeueAfter ?? Infinity, wait);
      return STOP;
    }
    nextBackoff(ctx.memo, slot, ctx.now);
    const failed = isFailed(pod);
    const state = `${isTerminating(pod) ? 'is being deleted and ' : ''}has ${failed ? 'failed' : 'exited (Succeeded)'}`;
    const error = deleteStatefulPod(ctx, set, pod, `Pod ${pod.metadata.name} of StatefulSet ${set.metadata.name} ${state}: ` +
      'a finished Pod is removed at once, and the StatefulSet recreates it under the same name');
    if (failed) {
      ctx.event(set, 'Warning', 'RecreatingFailedPod',
        `StatefulSet ${set.metadata.namespace}/${set.metadata.name} is recreating failed Pod ${pod.metadata.name}`);
    } else {
      ctx.event(set, 'Normal', 'RecreatingTerminatedPod',
        `StatefulSet ${set.metadata.namespace}/${set.metadata.name} is recreating terminated Pod ${pod.metadata.name}`);
    }
    if (error !== undefined) return fail(error);
    pod = s.replicas[i] = newVersionedStatefulSetPod(s.currentSet, s.updateSet, s.currentRevision, s.updateRevision,
      i + startOrdinal(set));
  }
  if (!isCreated(pod)) {
    // upstream: a claim still owned by an earlier Pod of this name is about to go; wait for it
    if (podClaimIsStale(ctx, set, pod)) return STOP;
    const error = createStatefulPod(ctx, set, pod, createMessage(s, pod));
    if (error !== undefined) return fail(error);
    s.created++;
    if (s.monotonic) return STOP;
  }
  if (isPending(pod)) {
    const error = createPersistentVolumeClaims(ctx, set, pod) ?? updatePodClaimForRetentionPolicy(ctx, set, pod);
    if (error !== undefined) return fail(error);
  }
  if (s.monotonic && isTerminating(pod)) return STOP;
  if (s.monotonic && !isRunningAndReady(pod)) return STOP;
  if (s.monotonic && !isRunningAndAvailable(pod, minReadySecondsOf(set), ctx.now)) return STOP;
  // upstream: a claim check that fails because the Pod is not yet updated counts as matching
  if (identityMatches(set, pod) && storageMatches(set, pod) && claimsMatchRetentionPolicy(ctx, s.updateSet, pod)) return GO_ON;
  const error = updateStatefulPod(ctx, s.updateSet, clone(pod));
  return error === undefined ? GO_ON : fail(error);
}

/** upstream processCondemned: scale down, highest ordinal first; OrderedReady one at a time. */
export function processCondemned(s: SyncState, i: number): Outcome {
  const { ctx, set } = s;
  const pod = s.condemned[i];
  if (isTerminating(pod)) return s.monotonic ? STOP : GO_ON;
  const min = minReadySecondsOf(set);
  const blocked = pod !== s.firstUnhealthy &&
    (!isRunningAndReady(pod) || !isRunningAndAvailable(pod, min, ctx.now));
  if (s.monotonic && blocked) return STOP;
  const rule = s.monotonic
    ? 'OrderedReady removes the highest ordinal first and waits until it is gone before the next'
    : 'Parallel removes every surplus Pod at once';
  const error = deleteStatefulPod(ctx, set, pod, `StatefulSet ${set.metadata.name} scales down to ${replicasOf(set)} ` +
    `replicas: deleting ${pod.metadata.name} (${rule})`);
  return error === undefined ? STOP : fail(error);
}
