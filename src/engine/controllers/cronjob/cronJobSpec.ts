/**
 * A typed view of a stored CronJob, its status helpers, and how its schedule is read.
 * upstream: pkg/controller/cronjob/utils.go, cronjob_controllerv2.go (formatSchedule)
 */
import type { CronJobSpec, CronJobStatus } from 'kubernetes-types/batch/v1';
import type { ObjectReference } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api';
import { EPOCH_MS, virtualMs } from '../../core/time';

export const cronJobSpec = (cj: KubeObject): CronJobSpec => (cj.spec ?? {}) as CronJobSpec;
export const cronJobStatus = (cj: KubeObject): CronJobStatus => (cj.status ?? {}) as CronJobStatus;

/** Virtual ms ↔ the absolute instants schedules work in. */
export const toAbsolute = (virtual: number) => EPOCH_MS + virtual;
export const toVirtual = (absolute: number) => absolute - EPOCH_MS;

/** An RFC 3339 timestamp as an absolute instant. */
export function absoluteOf(ts: string | undefined | null): number | undefined {
  const v = virtualMs(ts ?? undefined);
  return v === undefined ? undefined : toAbsolute(v);
}

/**
 * upstream formatSchedule: a schedule that mentions TZ is used as written (with an
 * UnsupportedSchedule warning); otherwise a valid spec.timeZone is prefixed as `TZ=<zone>`.
 */
export function formatSchedule(spec: CronJobSpec, zoneValid: (zone: string) => boolean): { text: string; unsupportedTz: boolean } {
  const schedule = spec.schedule ?? '';
  if (schedule.includes('TZ')) return { text: schedule, unsupportedTz: true };
  if (spec.timeZone != null && zoneValid(spec.timeZone)) return { text: `TZ=${spec.timeZone} ${schedule}`, unsupportedTz: false };
  return { text: schedule, unsupportedTz: false };
}

export const inActiveList = (status: CronJobStatus, uid: string) => (status.active ?? []).some((r) => r.uid === uid);

export function deleteFromActiveList(status: CronJobStatus, uid: string): void {
  const active = (status.active ?? []).filter((r) => r.uid !== uid);
  if (active.length) status.active = active;
  else delete status.active;
}

/** upstream getRef: the ObjectReference the active list holds. */
export function jobReference(job: KubeObject): ObjectReference {
  return {
    kind: job.kind, namespace: job.metadata.namespace, name: job.metadata.name, uid: job.metadata.uid,
    apiVersion: job.apiVersion, resourceVersion: job.metadata.resourceVersion,
  };
}
