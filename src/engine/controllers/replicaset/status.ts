import type { KubeObject } from '../../api';
import { timestamp, virtualMs } from '../../core/time';
import { deepEqual } from '../../util/objects';
import { isPodAvailable, isPodReady, readyCondition } from '../shared/pods';
import { replicaSpec } from './replicaKinds';

export interface ReplicaCondition {
  type: string;
  status: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

export interface ReplicaStatus {
  replicas: number;
  fullyLabeledReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  observedGeneration?: number;
  conditions?: ReplicaCondition[];
  [field: string]: unknown;
}

/** What went wrong creating or deleting Pods in this sync (upstream manageReplicasErr). */
export interface ManageError { reason: 'FailedCreate' | 'FailedDelete'; message: string }

const counted = (n: number) => (n ? n : undefined);

/**
 * upstream calculateStatus over the active Pods the owner controls (as claimed before this sync's
 * creates and deletes). The ReplicaFailure condition appears with a create/delete error and goes
 * with the first clean sync. Zero counts are omitted, as Go's omitempty does; `replicas` is not.
 */
export function calculateStatus(owner: KubeObject, pods: KubeObject[], error: ManageError | undefined, now: number): ReplicaStatus {
  const { minReadySeconds, template } = replicaSpec(owner);
  const templateLabels = Object.entries(template?.metadata?.labels ?? {});
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const pod of pods) {
    const labels = pod.metadata.labels ?? {};
    if (templateLabels.every(([k, v]) => labels[k] === v)) fullyLabeled++;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReadySeconds, now)) available++;
    }
  }
  const previous = (owner.status ?? {}) as ReplicaStatus;
  let conditions = previous.conditions ?? [];
  const failure = conditions.find((c) => c.type === 'ReplicaFailure');
  if (error && !failure) {
    conditions = [...conditions, { type: 'ReplicaFailure', status: 'True', lastTransitionTime: timestamp(now),
      reason: error.reason, message: error.message }];
  } else if (!error && failure) {
    conditions = conditions.filter((c) => c.type !== 'ReplicaFailure');
  }
  const status: ReplicaStatus = {
    ...previous,
    replicas: pods.length,
    fullyLabeledReplicas: counted(fullyLabeled),
    readyReplicas: counted(ready),
    availableReplicas: counted(available),
    observedGeneration: owner.metadata.generation,
    conditions: conditions.length ? conditions : undefined,
  };
  for (const k of Object.keys(status)) if (status[k] === undefined) delete status[k];
  return status;
}

/** upstream updateReplicaSetStatus: write only when a count, the generation or the conditions moved. */
export function statusChanged(owner: KubeObject, next: ReplicaStatus): boolean {
  const cur = (owner.status ?? {}) as ReplicaStatus;
  return cur.replicas !== next.replicas || (cur.fullyLabeledReplicas ?? 0) !== (next.fullyLabeledReplicas ?? 0) ||
    (cur.readyReplicas ?? 0) !== (next.readyReplicas ?? 0) || (cur.availableReplicas ?? 0) !== (next.availableReplicas ?? 0) ||
    cur.observedGeneration !== owner.metadata.generation || !deepEqual(cur.conditions ?? [], next.conditions ?? []);
}

/**
 * When the owner should sync again to count Pods that turn available, as a delay from now.
 * upstream has two paths: a sync that finds every replica ready but not all available re-queues
 * after minReadySeconds; and a Pod seen turning Ready re-queues its owner minReadySeconds + 1s
 * later ("a second to avoid milliseconds skew"), for which the Ready condition's whole-second
 * lastTransitionTime stands in.
 */
export function availabilityRequeue(owner: KubeObject, pods: KubeObject[], status: ReplicaStatus, now: number): number | undefined {
  const { minReadySeconds, replicas } = replicaSpec(owner);
  if (minReadySeconds <= 0) return undefined;
  let next: number | undefined;
  if ((status.readyReplicas ?? 0) === replicas && (status.availableReplicas ?? 0) !== replicas) next = now + minReadySeconds * 1000;
  for (const pod of pods) {
    if (!isPodReady(pod) || isPodAvailable(pod, minReadySeconds, now)) continue;
    const since = virtualMs(readyCondition(pod)?.lastTransitionTime) ?? now;
    const at = Math.max(since + minReadySeconds * 1000 + 1000, now + 1);
    next = next === undefined ? at : Math.min(next, at);
  }
  return next === undefined ? undefined : next - now;
}
