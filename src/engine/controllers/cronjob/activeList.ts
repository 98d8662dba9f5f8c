/**
 * The CronJob's active list against the Jobs it controls: finished ones leave it (SawCompletedJob),
 * vanished ones too (MissingJob), and the latest completion becomes lastSuccessfulTime.
 * upstream: syncCronJob (pkg/controller/cronjob/cronjob_controllerv2.go)
 */
import type { CronJobStatus } from 'kubernetes-types/batch/v1';
import type { KubeObject } from '../../api';
import type { ReconcileContext } from '../types';
import { finishedType, isJobFinished, isJobSucceeded, jobStatus } from '../job/jobSpec';
import { absoluteOf, deleteFromActiveList, inActiveList } from './cronJobSpec';

/** The active list against the Jobs: finished ones leave it (SawCompletedJob), missing ones too (MissingJob). */
export function reconcileActive(ctx: ReconcileContext, cj: KubeObject, status: CronJobStatus, jobs: KubeObject[]): boolean {
  let updated = false;
  const children = new Set<string>();
  for (const j of jobs) {
    children.add(j.metadata.uid);
    const found = inActiveList(status, j.metadata.uid);
    if (!found && !isJobFinished(j)) {
      ctx.event(cj, 'Warning', 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${j.metadata.name}`);
    } else if (found && isJobFinished(j)) {
      deleteFromActiveList(status, j.metadata.uid);
      ctx.event(cj, 'Normal', 'SawCompletedJob', `Saw completed job: ${j.metadata.name}, status: ${finishedType(j)}`);
      updated = true;
    } else if (isJobSucceeded(j)) {
      const completed = jobStatus(j).completionTime ?? undefined;
      const last = absoluteOf(status.lastSuccessfulTime);
      if (completed && (last === undefined || (absoluteOf(completed) ?? 0) > last)) {
        status.lastSuccessfulTime = completed;
        updated = true;
      }
    }
  }
  for (const ref of [...(status.active ?? [])]) {
    if (children.has(ref.uid ?? '')) continue;
    if (ctx.get('Job', ref.name ?? '', ref.namespace)) continue;
    ctx.event(cj, 'Normal', 'MissingJob', `Active job went missing: ${ref.name}`);
    deleteFromActiveList(status, ref.uid ?? '');
    updated = true;
  }
  return updated;
}
