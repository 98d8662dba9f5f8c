/**
 * upstream ControllerV2.sync: delete finished Jobs beyond the history limits, reconcile the active
 * list with the Jobs that exist, then, unless suspended, start the Job of the most recent missed
 * schedule (subject to startingDeadlineSeconds and concurrencyPolicy) and requeue for the next.
 */
import type { CronJobStatus } from 'kubernetes-types/batch/v1';
import type { KubeObject } from '../../api';
import { controllerOf, deepEqual } from '../../util/objects';
import type { ReconcileContext } from '../types';
import { cleanupFinishedJobs, deleteJob } from './cleanup';
import { reconcileActive } from './activeList';
import { absoluteOf, cronJobSpec, cronJobStatus, formatSchedule, inActiveList, jobReference, toAbsolute } from './cronJobSpec';
import { jobFromTemplate, jobName } from './jobFromTemplate';
import { statusMessage } from './messages';
import { mostRecentScheduleTime, nextScheduleTimeDuration } from './mostRecent';
import { parseCronSchedule } from './schedule';
import { formatRFC1123Z, formatRFC3339, loadLocation, UTC } from './zone';

export interface SyncResult {
  requeueAfter?: number;
  /** The sync failed and should be retried with back-off. */
  error?: boolean;
}

/** upstream getJobsToBeReconciled: every Job whose controller reference names this CronJob. */
export function jobsOf(ctx: ReconcileContext, cj: KubeObject): KubeObject[] {
  return ctx.list('Job', cj.metadata.namespace).filter((j) => controllerOf(j)?.name === cj.metadata.name);
}

export function syncCronJobKey(ctx: ReconcileContext, cj: KubeObject): SyncResult {
  const jobs = jobsOf(ctx, cj);
  const before = cronJobStatus(cj);
  const status: CronJobStatus = structuredClone(before);
  const cleaned = cleanupFinishedJobs(ctx, cj, status, jobs);
  const result = syncCronJob(ctx, cj, status, jobs);
  if ((cleaned || result.updateStatus) && !deepEqual(status, before)) {
    const latest = ctx.get('CronJob', cj.metadata.name, cj.metadata.namespace) ?? cj;
    const written = ctx.updateStatus({ ...latest, status: orderedStatus(status) } as KubeObject, statusMessage(cj, before, status));
    if (!written.ok) return { error: true };
  }
  return { requeueAfter: result.requeueAfter, error: result.error };
}

function orderedStatus(s: CronJobStatus): CronJobStatus {
  const out: CronJobStatus = {};
  if (s.active?.length) out.active = s.active;
  if (s.lastScheduleTime) out.lastScheduleTime = s.lastScheduleTime;
  if (s.lastSuccessfulTime) out.lastSuccessfulTime = s.lastSuccessfulTime;
  return out;
}

interface CronSync { requeueAfter?: number; updateStatus: boolean; error?: boolean }

/** upstream syncCronJob. */
function syncCronJob(ctx: ReconcileContext, cj: KubeObject, status: CronJobStatus, jobs: KubeObject[]): CronSync {
  const now = toAbsolute(ctx.now);
  let updateStatus = reconcileActive(ctx, cj, status, jobs);
  if (cj.metadata.deletionTimestamp) return { updateStatus };
  const spec = cronJobSpec(cj);
  if (spec.timeZone != null && !loadLocation(spec.timeZone)) {
    ctx.event(cj, 'Warning', 'UnknownTimeZone', `invalid timeZone: "${spec.timeZone}": unknown time zone ${spec.timeZone}`);
    return { updateStatus };
  }
  if (spec.suspend) return { updateStatus };
  const formatted = formatSchedule(spec, (z) => loadLocation(z) !== undefined);
  if (formatted.unsupportedTz) {
    ctx.event(cj, 'Warning', 'UnsupportedSchedule', `CRON_TZ or TZ used in schedule "${spec.schedule}" is not officially supported, ` +
      'see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details');
  }
  const parsed = parseCronSchedule(formatted.text);
  if (!parsed.ok) {
    ctx.event(cj, 'Warning', 'UnparseableSchedule', `unparseable schedule: "${spec.schedule}" : ${parsed.error}`);
    return { updateStatus };
  }
  const schedule = parsed.schedule;
  const earliest = absoluteOf(status.lastScheduleTime) ?? absoluteOf(cj.metadata.creationTimestamp) ?? now;
  const requeue = () => nextScheduleTimeDuration(absoluteOf(status.lastScheduleTime) ?? earliest, now, schedule);
  const recent = mostRecentScheduleTime(earliest, now, schedule, spec.startingDeadlineSeconds ?? undefined);
  const scheduled = recent.mostRecent !== undefined && recent.mostRecent <= now ? recent.mostRecent : undefined;
  if (scheduled !== undefined && recent.missed === 'many') {
    ctx.event(cj, 'Warning', 'TooManyMissedTimes', 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew');
  }
  if (recent.error !== undefined) {
    ctx.event(cj, 'Warning', 'InvalidSchedule', `invalid schedule: ${spec.schedule} : ${recent.error}`);
    return { updateStatus };
  }
  if (scheduled === undefined) return { updateStatus, requeueAfter: requeue() };
  const deadline = spec.startingDeadlineSeconds;
  if (deadline != null && scheduled + deadline * 1000 < now) {
    ctx.event(cj, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${formatRFC1123Z(scheduled)}`);
    return { updateStatus, requeueAfter: requeue() };
  }
  const name = jobName(cj.metadata.name, scheduled);
  if ((status.active ?? []).some((r) => r.name === name && r.namespace === cj.metadata.namespace) ||
    absoluteOf(status.lastScheduleTime) === scheduled) {
    return { updateStatus, requeueAfter: requeue() };
  }
  if (spec.concurrencyPolicy === 'Forbid' && (status.active ?? []).length > 0) {
    ctx.event(cj, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid');
    return { updateStatus, requeueAfter: requeue() };
  }
  if (spec.concurrencyPolicy === 'Replace') {
    for (const ref of [...(status.active ?? [])]) {
      const job = ctx.get('Job', ref.name ?? '', ref.namespace);
      if (!job) {
        ctx.event(cj, 'Warning', 'FailedGet', `Get job: jobs.batch "${ref.name}" not found`);
        return { updateStatus, error: true };
      }
      if (!deleteJob(ctx, cj, status, job, `has concurrencyPolicy Replace and the run scheduled for ${formatRFC3339(UTC, scheduled)} is due`)) {
        return { updateStatus, error: true };
      }
      updateStatus = true;
    }
  }
  return startJob(ctx, cj, status, scheduled, updateStatus, requeue);
}

function startJob(ctx: ReconcileContext, cj: KubeObject, status: CronJobStatus, scheduled: number, updateStatus: boolean,
  requeue: () => number | undefined): CronSync {
  const spec = cronJobSpec(cj);
  const request = jobFromTemplate(cj, spec, scheduled);
  const name = request.metadata!.name;
  const when = formatRFC3339(loadLocation(spec.timeZone ?? '') ?? UTC, scheduled);
  const created = ctx.create(request, `CronJob ${cj.metadata.name} (schedule "${spec.schedule}"${spec.timeZone ? `, timeZone ${spec.timeZone}` : ''}) ` +
    `reached its scheduled time ${when}: creating Job ${name} (named for the scheduled minute since the Unix epoch)`);
  let job: KubeObject;
  if (created.ok) {
    job = created.object;
    ctx.event(cj, 'Normal', 'SuccessfulCreate', `Created job ${name}`);
  } else if (created.message.endsWith('already exists')) {
    const existing = ctx.get('Job', name, cj.metadata.namespace);
    if (!existing) return { updateStatus, error: true };
    if (controllerOf(existing)?.uid !== cj.metadata.uid || inActiveList(status, existing.metadata.uid)) return { updateStatus };
    job = existing;
  } else {
    if (!created.message.includes('because it is being terminated')) {
      ctx.event(cj, 'Warning', 'FailedCreate', `Error creating job: ${created.message}`);
    }
    return { updateStatus, error: true };
  }
  status.active = [...(status.active ?? []), jobReference(job)];
  status.lastScheduleTime = formatRFC3339(UTC, scheduled);
  return { updateStatus: true, requeueAfter: requeue() };
}
