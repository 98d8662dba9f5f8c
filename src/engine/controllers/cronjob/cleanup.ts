/**
 * History limits: finished Jobs beyond successfulJobsHistoryLimit / failedJobsHistoryLimit are
 * deleted, oldest start time first; and the one way the controller deletes a Job (background
 * propagation), which also drops it from the active list.
 * upstream: cleanupFinishedJobs, removeOldestJobs, deleteJob (cronjob_controllerv2.go)
 */
import type { CronJobStatus } from 'kubernetes-types/batch/v1';
import type { KubeObject } from '../../api';
import { virtualMs } from '../../core/time';
import type { ReconcileContext } from '../types';
import { finishedType, jobStatus } from '../job/jobSpec';
import { cronJobSpec, deleteFromActiveList } from './cronJobSpec';

export function deleteJob(ctx: ReconcileContext, cj: KubeObject, status: CronJobStatus, job: KubeObject, why: string): boolean {
  const result = ctx.delete('Job', job.metadata.name, job.metadata.namespace, { propagationPolicy: 'Background' },
    `CronJob ${cj.metadata.name} ${why}: deleting Job ${job.metadata.name} (background propagation: the garbage collector deletes its Pods)`);
  if (!result.ok) {
    ctx.event(cj, 'Warning', 'FailedDelete', `Deleted job: ${result.message}`);
    return false;
  }
  deleteFromActiveList(status, job.metadata.uid);
  ctx.event(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${job.metadata.name}`);
  return true;
}

/** upstream byJobStartTime: started before not started, earlier first, name as the tie-break. */
function byStartTime(a: KubeObject, b: KubeObject): number {
  const sa = virtualMs(jobStatus(a).startTime ?? undefined);
  const sb = virtualMs(jobStatus(b).startTime ?? undefined);
  if (sa === undefined && sb !== undefined) return 1;
  if (sa !== undefined && sb === undefined) return -1;
  if (sa === sb) return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
  return sa! - sb!;
}

function removeOldest(ctx: ReconcileContext, cj: KubeObject, status: CronJobStatus, jobs: KubeObject[], limit: number, kind: string): boolean {
  const excess = jobs.length - limit;
  if (excess <= 0) return false;
  let updated = false;
  const oldest = [...jobs].sort(byStartTime).slice(0, excess);
  for (const job of oldest) {
    const why = `keeps ${limit} ${kind} Job${limit === 1 ? '' : 's'} (${kind}JobsHistoryLimit) and has ${jobs.length}`;
    if (deleteJob(ctx, cj, status, job, why)) updated = true;
  }
  return updated;
}

export function cleanupFinishedJobs(ctx: ReconcileContext, cj: KubeObject, status: CronJobStatus, jobs: KubeObject[]): boolean {
  const spec = cronJobSpec(cj);
  if (spec.successfulJobsHistoryLimit == null && spec.failedJobsHistoryLimit == null) return false;
  const successful = jobs.filter((j) => finishedType(j) === 'Complete');
  const failed = jobs.filter((j) => finishedType(j) === 'Failed');
  let updated = false;
  if (spec.successfulJobsHistoryLimit != null && removeOldest(ctx, cj, status, successful, spec.successfulJobsHistoryLimit, 'successful')) updated = true;
  if (spec.failedJobsHistoryLimit != null && removeOldest(ctx, cj, status, failed, spec.failedJobsHistoryLimit, 'failed')) updated = true;
  return updated;
}
