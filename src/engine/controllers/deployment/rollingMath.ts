/**
 * The RollingUpdate arithmetic, as pure functions.
 * upstream: pkg/controller/deployment/util/deployment_util.go (ResolveFenceposts, MaxSurge,
 * MaxUnavailable, NewRSNewReplicas), apimachinery intstr.GetScaledValueFromIntOrPercent
 */
import { isRollingUpdate, replicasOf, type DeploymentObject } from './types';

/**
 * An int-or-percent scaled against `total`: `3` stays 3; `"25%"` of 10 is 3 rounded up, 2 down.
 * Anything else counts as 0 (validation has already refused it).
 */
export function scaledValue(value: number | string | undefined, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return value;
  const m = typeof value === 'string' ? /^(\d+)%$/.exec(value) : null;
  if (!m) return 0;
  const product = Number(m[1]) * total;
  return roundUp ? Math.ceil(product / 100) : Math.floor(product / 100);
}

/**
 * upstream ResolveFenceposts: surge rounds up, unavailable rounds down; if both come out 0
 * (only possible through rounding), maxUnavailable becomes 1 "on the theory that surge might not
 * work due to quota".
 */
export function resolveFenceposts(maxSurge: number | string | undefined, maxUnavailable: number | string | undefined,
  desired: number): { surge: number; unavailable: number } {
  const surge = scaledValue(maxSurge ?? 0, desired, true);
  let unavailable = scaledValue(maxUnavailable ?? 0, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

/** upstream MaxSurge: 0 for Recreate. */
export function maxSurge(d: DeploymentObject): number {
  if (!isRollingUpdate(d)) return 0;
  const ru = d.spec.strategy?.rollingUpdate;
  return resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, replicasOf(d)).surge;
}

/** upstream MaxUnavailable: 0 for Recreate or 0 replicas, and never more than replicas. */
export function maxUnavailable(d: DeploymentObject): number {
  const replicas = replicasOf(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  const ru = d.spec.strategy?.rollingUpdate;
  return Math.min(resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, replicas).unavailable, replicas);
}

/**
 * upstream NewRSNewReplicas: how big the new ReplicaSet may be now. Recreate: replicas.
 * RollingUpdate: grow into the room under replicas + maxSurge (counting every ReplicaSet's
 * spec.replicas), never past replicas.
 */
export function newRSNewReplicas(d: DeploymentObject, totalSpecReplicas: number, newRSSpec: number): number {
  const replicas = replicasOf(d);
  if (!isRollingUpdate(d)) return replicas;
  const surge = scaledValue(d.spec.strategy?.rollingUpdate?.maxSurge ?? 0, replicas, true);
  const maxTotal = replicas + surge;
  if (totalSpecReplicas >= maxTotal) return newRSSpec;
  return newRSSpec + Math.min(maxTotal - totalSpecReplicas, replicas - newRSSpec);
}
