/** The Step message of a Deployment status write: the counts, and each condition that moved, explained. */
import type { DeploymentCondition } from 'kubernetes-types/apps/v1';
import { getCondition, Reason } from './conditions';
import { maxUnavailable } from './rollingMath';
import { replicasOf, type DeploymentObject, type DeploymentStatus } from './types';

function explain(d: DeploymentObject, c: DeploymentCondition): string {
  const minimum = replicasOf(d) - maxUnavailable(d);
  switch (c.reason) {
    case Reason.MinimumReplicasAvailable:
      return `at least replicas ${replicasOf(d)} − maxUnavailable ${maxUnavailable(d)} = ${minimum} Pods are available`;
    case Reason.MinimumReplicasUnavailable:
      return `fewer than replicas ${replicasOf(d)} − maxUnavailable ${maxUnavailable(d)} = ${minimum} Pods are available`;
    case Reason.NewRSAvailable:
      return 'every replica runs the current template and is available';
    case Reason.ReplicaSetUpdated:
      return `the rollout moved forward; the ${d.spec.progressDeadlineSeconds}s progress deadline counts from now`;
    case Reason.TimedOut:
      return `no progress for more than progressDeadlineSeconds=${d.spec.progressDeadlineSeconds} ` +
        `since ${c.lastUpdateTime ?? 'the last update'}; the rollout is not stopped, only reported`;
    case Reason.Paused:
      return 'template changes wait until it is resumed; scaling still applies';
    case Reason.Resumed:
      return 'the progress deadline counts again from now';
    default:
      return c.message ?? '';
  }
}

export function statusMessage(d: DeploymentObject, before: DeploymentStatus | undefined, after: DeploymentStatus): string {
  const parts: string[] = [];
  for (const c of after.conditions ?? []) {
    const old = getCondition(before, c.type);
    const moved = !old || old.status !== c.status || old.reason !== c.reason;
    const restamped = !moved && old.lastUpdateTime !== c.lastUpdateTime;
    if (moved || restamped) parts.push(`${c.type}=${c.status} (${c.reason}): ${explain(d, c)}`);
  }
  const counts = `${after.replicas ?? 0} Pods, ${after.updatedReplicas ?? 0} updated, ${after.readyReplicas ?? 0} ready, ` +
    `${after.availableReplicas ?? 0} available of ${replicasOf(d)} wanted`;
  return `Deployment ${d.metadata.name} status: ${counts}${parts.length ? `; ${parts.join('; ')}` : ''}`;
}
