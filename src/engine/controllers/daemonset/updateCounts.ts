/**
 * The RollingUpdate numbers of a DaemonSet. Pure.
 * upstream: pkg/controller/daemon/util/daemonset_util.go (SurgeCount, UnavailableCount, AllowsSurge),
 * apimachinery intstr.GetScaledValueFromIntOrPercent
 */
import type { DaemonSetObject } from './daemonSetSpec';

/** An int-or-percent of `total`: `2` stays 2; `"25%"` of 10 is 3 rounded up, 2 rounded down. */
export function scaledValue(value: number | string | undefined, total: number, roundUp: boolean): number {
  if (typeof value === 'number') return value;
  const m = typeof value === 'string' ? /^(\d+)%$/.exec(value) : null;
  if (!m) return 0;
  const product = Number(m[1]) * total;
  return roundUp ? Math.ceil(product / 100) : Math.floor(product / 100);
}

const rollingUpdate = (ds: DaemonSetObject) =>
  (ds.spec.updateStrategy?.type === 'RollingUpdate' ? ds.spec.updateStrategy.rollingUpdate : undefined);

/** upstream SurgeCount: maxSurge of the Nodes to schedule, rounded up; 0 without RollingUpdate. */
export const surgeCount = (ds: DaemonSetObject, numberToSchedule: number): number =>
  scaledValue(rollingUpdate(ds)?.maxSurge ?? 0, numberToSchedule, true);

/** upstream UnavailableCount: maxUnavailable of the Nodes to schedule, rounded up too. */
export const unavailableCount = (ds: DaemonSetObject, numberToSchedule: number): number =>
  scaledValue(rollingUpdate(ds)?.maxUnavailable ?? 0, numberToSchedule, true);

/** upstream AllowsSurge: a new Pod may start next to the old one on a Node. */
export const allowsSurge = (ds: DaemonSetObject): boolean => surgeCount(ds, 1) !== 0;

/**
 * upstream updatedDesiredNodeCounts' limits: if rounding leaves both at 0 for a non-empty
 * DaemonSet, one Node at a time may be unavailable.
 */
export function rolloutLimits(ds: DaemonSetObject, desired: number): { maxSurge: number; maxUnavailable: number } {
  const maxSurge = surgeCount(ds, desired);
  let maxUnavailable = unavailableCount(ds, desired);
  if (desired > 0 && maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable };
}
