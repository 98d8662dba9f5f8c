/**
 * Writing the Deployment status: counts, Available, Progressing (with the progress deadline),
 * ReplicaFailure copied from the ReplicaSets, and the paused/resumed marks.
 * upstream: pkg/controller/deployment/progress.go (syncRolloutStatus, requeueStuckDeployment),
 * sync.go (syncDeploymentStatus, checkPausedConditions)
 */
import type { DeploymentCondition } from 'kubernetes-types/apps/v1';
import { calculateStatus, normalizeStatus, statusEqual } from './calculateStatus';
import { getCondition, newCondition, Reason, removeCondition, setCondition } from './conditions';
import { deploymentComplete, deploymentProgressing, deploymentTimedOut, stuckRequeueAfter } from './progress';
import type { ReconcileContext } from '../types';
import { statusMessage } from './statusMessage';
import type { DeploymentObject } from './types';
import { writeDeploymentStatus, type DeploymentSync } from './sync';
import { hasProgressDeadline, type DeploymentStatus, type ReplicaSetObject } from './types';

/** upstream syncDeploymentStatus: counts and Available only (paused, scaling and deleting syncs). */
export function syncDeploymentStatus(s: DeploymentSync, allRSs: readonly (ReplicaSetObject | undefined)[],
  newRS: ReplicaSetObject | undefined): void {
  const status = calculateStatus(allRSs, newRS, s.d, s.ctx.now);
  writeIfChanged(s, status);
}

/** upstream syncRolloutStatus: also judges progress against progressDeadlineSeconds. */
export function syncRolloutStatus(s: DeploymentSync, allRSs: readonly (ReplicaSetObject | undefined)[],
  newRS: ReplicaSetObject | undefined): void {
  const { d, ctx } = s;
  const status = calculateStatus(allRSs, newRS, d, ctx.now);
  if (!hasProgressDeadline(d)) removeCondition(status, 'Progressing');
  const current = getCondition(d.status, 'Progressing');
  const isComplete = (status.replicas ?? 0) === (status.updatedReplicas ?? 0) && current?.reason === Reason.NewRSAvailable;
  const subject = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`;
  if (hasProgressDeadline(d) && !isComplete) {
    if (deploymentComplete(d, status)) {
      setCondition(status, newCondition('Progressing', 'True', Reason.NewRSAvailable, `${subject} has successfully progressed.`, ctx.now));
    } else if (deploymentProgressing(d, status)) {
      // upstream: the same reason is re-stamped (lastUpdateTime) on every sign of progress
      const cond = newCondition('Progressing', 'True', Reason.ReplicaSetUpdated, `${subject} is progressing.`, ctx.now);
      if (current) {
        if (current.status === 'True') cond.lastTransitionTime = current.lastTransitionTime;
        removeCondition(status, 'Progressing');
      }
      setCondition(status, cond);
    } else if (deploymentTimedOut(d, status, ctx.now)) {
      setCondition(status, newCondition('Progressing', 'False', Reason.TimedOut, `${subject} has timed out progressing.`, ctx.now));
    }
  }
  const failure = replicaFailure(allRSs, newRS);
  if (failure) setCondition(status, failure);
  else removeCondition(status, 'ReplicaFailure');

  if (statusEqual(d.status, status)) {
    const after = stuckRequeueAfter(d, status, ctx.now);
    s.requeueAfter = after === 'rateLimited' ? rateLimitedRequeue(ctx, d) : after;
    if (after !== 'rateLimited') ctx.memo.delete(`stuck/${d.metadata.uid}`);
    return;
  }
  ctx.memo.delete(`stuck/${d.metadata.uid}`);
  writeIfChanged(s, status);
}

/**
 * upstream enqueueRateLimited: the workqueue's per-item exponential back-off, 5 ms doubling to
 * 1000 s, forgotten once a sync changes the status or needs no deadline check.
 */
function rateLimitedRequeue(ctx: ReconcileContext, d: DeploymentObject): number {
  const key = `stuck/${d.metadata.uid}`;
  const failures = ctx.memo.get<number>(key) ?? 0;
  ctx.memo.set(key, failures + 1);
  return Math.min(5 * 2 ** failures, 1_000_000);
}

/** The new ReplicaSet's ReplicaFailure condition, else the first one of any ReplicaSet. */
function replicaFailure(allRSs: readonly (ReplicaSetObject | undefined)[], newRS: ReplicaSetObject | undefined):
  DeploymentCondition | undefined {
  const from = (rs: ReplicaSetObject | undefined) => rs?.status?.conditions?.find((c) => c.type === 'ReplicaFailure');
  const c = from(newRS) ?? allRSs.map(from).find((x) => x !== undefined);
  if (!c) return undefined;
  return { type: c.type, status: c.status, lastUpdateTime: c.lastTransitionTime, lastTransitionTime: c.lastTransitionTime,
    reason: c.reason, message: c.message };
}

function writeIfChanged(s: DeploymentSync, status: DeploymentStatus): void {
  if (statusEqual(s.d.status, status)) return;
  const before = s.d.status;
  s.d.status = normalizeStatus(status);
  writeDeploymentStatus(s, statusMessage(s.d, before, s.d.status));
}

/**
 * upstream checkPausedConditions: Progressing=Unknown DeploymentPaused / DeploymentResumed, so the
 * time spent paused never counts against the progress deadline. A timed-out rollout keeps its condition.
 */
export function checkPausedConditions(s: DeploymentSync): void {
  const { d } = s;
  if (!hasProgressDeadline(d)) return;
  const cond = getCondition(d.status, 'Progressing');
  if (cond?.reason === Reason.TimedOut) return;
  const pausedCondExists = cond?.reason === Reason.Paused;
  const status = { ...(d.status ?? {}) };
  if (d.spec.paused && !pausedCondExists) {
    setCondition(status, newCondition('Progressing', 'Unknown', Reason.Paused, 'Deployment is paused', s.ctx.now));
  } else if (!d.spec.paused && pausedCondExists) {
    setCondition(status, newCondition('Progressing', 'Unknown', Reason.Resumed, 'Deployment is resumed', s.ctx.now));
  } else {
    return;
  }
  writeIfChanged(s, status);
}
