import type { KubeObject } from '../../api';
import { clone, controllerOf, splitKey } from '../../util/objects';
import { claimObjects } from '../shared/ownership';
import { isPodActive } from '../shared/pods';
import type { ReconcileContext, ReconcileResult } from '../types';
import { deleteExpectations, expect, expectationsSatisfied } from './expectations';
import { manageReplicas } from './manageReplicas';
import { replicaSpec, type ReplicaKind } from './replicaKinds';
import { availabilityRequeue, calculateStatus, statusChanged, type ManageError, type ReplicaStatus } from './status';

/** upstream DefaultControllerRateLimiter's per-item part: 5ms × 2^failures, at most 1000s. */
const failureBackoff = (failures: number) => Math.min(5 * 2 ** failures, 1000_000);

/**
 * upstream syncReplicaSet: claim the active Pods (adopt matching orphans, release Pods that no
 * longer match), create or delete the difference unless expectations are pending or the owner is
 * being deleted, then write the status computed from the Pods as claimed.
 */
export function syncReplicaSet(kind: ReplicaKind, key: string, ctx: ReconcileContext): ReconcileResult | void {
  const { namespace, name } = splitKey(key);
  const owner = ctx.get(kind.kind, name, namespace);
  if (!owner) {
    deleteExpectations(ctx, key);
    ctx.memo.delete(`failures/${key}`);
    return;
  }
  const needsSync = expectationsSatisfied(ctx, key, namespace);
  const podsInNamespace = ctx.list('Pod', namespace);
  // upstream FilterActivePods before ClaimPods: Pods of other controllers are left alone
  const candidates = podsInNamespace.filter((p) => {
    if (!isPodActive(p)) return false;
    const ref = controllerOf(p);
    return ref ? ref.uid === owner.metadata.uid : kind.selects(owner, p.metadata.labels);
  });
  const active = claimObjects(ctx, owner, undefined, candidates, (p) => kind.selects(owner, p.metadata.labels));

  let error: ManageError | undefined;
  if (needsSync && !owner.metadata.deletionTimestamp) {
    const result = manageReplicas(ctx, kind, owner, active, podsInNamespace);
    expect(ctx, key, result.created, result.deleted);
    error = result.error;
  }
  const latest = ctx.get(kind.kind, name, namespace) ?? owner;
  const status = calculateStatus(latest, active, error, ctx.now);
  if (statusChanged(latest, status)) writeStatus(ctx, kind, latest, status);
  return requeue(ctx, key, latest, active, status, error);
}

function writeStatus(ctx: ReconcileContext, kind: ReplicaKind, owner: KubeObject, status: ReplicaStatus): void {
  const next = clone(owner);
  next.status = status;
  const { minReadySeconds, replicas } = replicaSpec(owner);
  const available = minReadySeconds > 0
    ? `${status.availableReplicas ?? 0} available (Ready for more than minReadySeconds=${minReadySeconds})`
    : `${status.availableReplicas ?? 0} available`;
  const failure = status.conditions?.find((c) => c.type === 'ReplicaFailure');
  ctx.updateStatus(next, `${kind.kind} ${owner.metadata.name} status: ${status.replicas} of ${replicas} Pods, ` +
    `${status.readyReplicas ?? 0} ready, ${available}${failure ? `; ReplicaFailure (${failure.reason}): ${failure.message}` : ''}`);
}

/** After an error: retry with back-off. Otherwise: come back when a ready Pod will have become available. */
function requeue(ctx: ReconcileContext, key: string, owner: KubeObject, active: KubeObject[], status: ReplicaStatus,
  error: ManageError | undefined): ReconcileResult | void {
  const failuresKey = `failures/${key}`;
  if (error) {
    const failures = ctx.memo.get<number>(failuresKey) ?? 0;
    ctx.memo.set(failuresKey, failures + 1);
    return { requeueAfter: failureBackoff(failures) };
  }
  ctx.memo.delete(failuresKey);
  const after = availabilityRequeue(owner, active, status, ctx.now);
  return after === undefined ? undefined : { requeueAfter: after };
}
