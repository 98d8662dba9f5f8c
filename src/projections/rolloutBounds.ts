/**
 * The limits a RollingUpdate keeps while it replaces Pods: at most replicas + maxSurge Pods in
 * all, at least replicas − maxUnavailable available.
 * upstream: pkg/controller/deployment/util/deployment_util.go (ResolveFenceposts, MaxSurge,
 * MaxUnavailable) and apimachinery intstr.GetScaledValueFromIntOrPercent.
 */
import type { KubeObject } from '../engine/api';

export interface RolloutBounds {
  replicas: number;
  strategy: 'RollingUpdate' | 'Recreate';
  /** replicas + maxSurge; undefined for Recreate (old Pods go before new ones start). */
  maxTotal?: number;
  /** replicas − maxUnavailable; undefined for Recreate. */
  minAvailable?: number;
}

type IntOrPercent = number | string | undefined;

/** `3` stays 3; `"25%"` of 10 is 3 rounded up and 2 rounded down; anything else is 0 (validation refused it). */
export function scaledValue(value: IntOrPercent, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return value;
  const m = typeof value === 'string' ? /^(\d+)%$/.exec(value) : null;
  if (!m) return 0;
  const product = Number(m[1]) * total;
  return roundUp ? Math.ceil(product / 100) : Math.floor(product / 100);
}

/**
 * upstream ResolveFenceposts: surge rounds up, unavailable rounds down; when both come out 0
 * (only possible through rounding) maxUnavailable becomes 1. MaxUnavailable is capped at replicas.
 */
export function resolveFenceposts(maxSurge: IntOrPercent, maxUnavailable: IntOrPercent, replicas: number):
  { surge: number; unavailable: number } {
  const surge = scaledValue(maxSurge ?? 0, replicas, true);
  let unavailable = scaledValue(maxUnavailable ?? 0, replicas, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable: Math.min(unavailable, replicas) };
}

interface DeploymentFields {
  replicas?: number;
  strategy?: { type?: string; rollingUpdate?: { maxSurge?: IntOrPercent; maxUnavailable?: IntOrPercent } };
}

/** The bounds of a Deployment as stored (defaults filled in by the API server: 25% / 25%). */
export function deploymentBounds(deployment: KubeObject): RolloutBounds {
  const spec = (deployment.spec ?? {}) as DeploymentFields;
  const replicas = spec.replicas ?? 1;
  if ((spec.strategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') return { replicas, strategy: 'Recreate' };
  const ru = spec.strategy?.rollingUpdate;
  const { surge, unavailable } = resolveFenceposts(ru?.maxSurge ?? '25%', ru?.maxUnavailable ?? '25%', replicas);
  return { replicas, strategy: 'RollingUpdate', maxTotal: replicas + surge, minAvailable: replicas - unavailable };
}
