/**
 * Step messages of the deployment-controller: each says what was written and the rule that
 * decided it, with the numbers filled in.
 */
import { maxSurge, maxUnavailable } from './rollingMath';
import { isRollingUpdate, replicasOf, type DeploymentObject } from './types';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Why a new ReplicaSet starts at the size it does. */
export function createReplicaSetMessage(d: DeploymentObject, name: string, revision: number, count: number,
  oldSpecTotal: number): string {
  const head = `Deployment ${d.metadata.name} has no ReplicaSet with its current Pod template, so it creates ${name} ` +
    `(revision ${revision}) with ${plural(count, 'replica')}`;
  const replicas = replicasOf(d);
  if (!isRollingUpdate(d)) return `${head}: Recreate starts the new Pods only once every old Pod is gone`;
  if (oldSpecTotal === 0) return `${head}: there are no old Pods to replace`;
  const surge = maxSurge(d);
  return `${head}: replicas ${replicas} + maxSurge ${surge} allows ${replicas + surge} Pods and the old ` +
    `ReplicaSets still hold ${oldSpecTotal}`;
}

/** The RollingUpdate limits, spelled out: "replicas 4, maxSurge 1 (25%), maxUnavailable 1 (25%)". */
export function rollingLimits(d: DeploymentObject): string {
  const ru = d.spec.strategy?.rollingUpdate;
  const show = (resolved: number, raw: number | string | undefined, rounding: string) =>
    typeof raw === 'string' ? `${resolved} (${raw} of ${replicasOf(d)}, rounded ${rounding})` : `${resolved}`;
  return `maxSurge ${show(maxSurge(d), ru?.maxSurge, 'up')}, ` +
    `maxUnavailable ${show(maxUnavailable(d), ru?.maxUnavailable, 'down')}`;
}
