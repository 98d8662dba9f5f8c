/**
 * Progress judgements on a computed status, as pure functions.
 * upstream: pkg/controller/deployment/util (DeploymentComplete, DeploymentProgressing,
 * DeploymentTimedOut), progress.go (requeueStuckDeployment)
 */
import { virtualMs } from '../../core/time';
import { getCondition, Reason } from './conditions';
import { hasProgressDeadline, replicasOf, type DeploymentObject, type DeploymentStatus } from './types';

/** Every replica updated and available, none left over, and the newest spec observed. */
export function deploymentComplete(d: DeploymentObject, status: DeploymentStatus): boolean {
  const replicas = replicasOf(d);
  return (status.updatedReplicas ?? 0) === replicas && (status.replicas ?? 0) === replicas &&
    (status.availableReplicas ?? 0) === replicas && (status.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
}

/** Any sign of progress since the stored status: more updated, ready or available, or fewer old replicas. */
export function deploymentProgressing(d: DeploymentObject, status: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (status.replicas ?? 0) - (status.updatedReplicas ?? 0);
  return (status.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) || newOld < oldOld ||
    (status.readyReplicas ?? 0) > (old.readyReplicas ?? 0) || (status.availableReplicas ?? 0) > (old.availableReplicas ?? 0);
}

/** The Progressing condition's lastUpdateTime + progressDeadlineSeconds is strictly before now. */
export function deploymentTimedOut(d: DeploymentObject, status: DeploymentStatus, now: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const cond = getCondition(status, 'Progressing');
  if (!cond || cond.reason === Reason.NewRSAvailable) return false;
  if (cond.reason === Reason.TimedOut) return true;
  const from = virtualMs(cond.lastUpdateTime) ?? 0;
  return from + (d.spec.progressDeadlineSeconds ?? 0) * 1000 < now;
}

/**
 * upstream requeueStuckDeployment: a rollout that shows no progress is looked at again when its
 * deadline passes (lastUpdateTime + progressDeadlineSeconds, plus a second against clock skew).
 * Returns the delay, or undefined when no check is due (no deadline, complete, or already timed out).
 */
export function stuckRequeueAfter(d: DeploymentObject, status: DeploymentStatus, now: number): number | 'rateLimited' | undefined {
  const cond = getCondition(d.status, 'Progressing');
  if (!hasProgressDeadline(d) || !cond) return undefined;
  if (deploymentComplete(d, status) || cond.reason === Reason.TimedOut) return undefined;
  const after = (virtualMs(cond.lastUpdateTime) ?? 0) + (d.spec.progressDeadlineSeconds ?? 0) * 1000 - now;
  // upstream: under a second left → requeue rate-limited (exponential back-off) until the deadline check settles it
  if (after < 1000) return after >= 0 ? after + 1 : 'rateLimited';
  return after + 1000;
}
