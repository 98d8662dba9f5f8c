/**
 * Jobs and CronJobs as the graph shows them, worded like kubectl's columns: a Job's STATUS and
 * COMPLETIONS, a CronJob's SCHEDULE, SUSPEND, ACTIVE and LAST SCHEDULE.
 */
import type { KubeObject } from '../engine/api';
import { humanDuration, virtualMs } from '../engine/core/time';
import { englishT, type Translate } from '../i18n/translate';
import type { Tone, WorkloadData } from './types';
import { conditionOf, num, specOf, statusOf, workloadBase, type WorkloadContext } from './workloadsData';

function hasCondition(obj: KubeObject, type: string): boolean {
  return conditionOf(obj, type)?.status === 'True';
}

/** upstream kubectl printJob: the STATUS column (1.30+). */
export function jobStatusColumn(obj: KubeObject): string {
  if (hasCondition(obj, 'Complete')) return 'Complete';
  if (hasCondition(obj, 'Failed')) return 'Failed';
  if (obj.metadata.deletionTimestamp) return 'Terminating';
  if (hasCondition(obj, 'Suspended')) return 'Suspended';
  if (hasCondition(obj, 'FailureTarget')) return 'FailureTarget';
  if (hasCondition(obj, 'SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  return 'Running';
}

/** upstream kubectl printJob: COMPLETIONS is `succeeded/completions`, or `n/1 of <parallelism>` for a work queue. */
export function jobCompletionsColumn(obj: KubeObject): string {
  const spec = specOf(obj);
  const succeeded = num(statusOf(obj).succeeded);
  if (typeof spec.completions === 'number') return `${succeeded}/${spec.completions}`;
  const parallelism = num(spec.parallelism);
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

const JOB_TONES: Record<string, Tone> = {
  Complete: 'succeeded', Failed: 'failed', Terminating: 'terminating', Suspended: 'unknown',
  FailureTarget: 'failed', SuccessCriteriaMet: 'succeeded', Running: 'running',
};

function jobData(obj: KubeObject, ctx: WorkloadContext): WorkloadData {
  const st = statusOf(obj);
  const t = ctx.t ?? englishT;
  // STATUS is kubectl's column (Complete, Failed, Running…): it stays as kubectl prints it.
  const status = jobStatusColumn(obj);
  const summary = t('graph.completions', { completions: jobCompletionsColumn(obj) });
  const details = [t('graph.active', { count: num(st.active) })];
  if (num(st.failed) > 0) details.push(t('graph.failed', { count: num(st.failed) }));
  return {
    ...workloadBase(obj, 'Job', ctx),
    summary,
    details,
    status,
    statusIsValue: true,
    tone: JOB_TONES[status] ?? 'pending',
    ariaLabel: t('graph.job', { kind: 'Job', name: obj.metadata.name, summary, status }),
  };
}

/** `last run 20s ago` (kubectl's LAST SCHEDULE, aged at the cursor), or `not run yet`. */
export function lastRunText(obj: KubeObject, now: number, t: Translate = englishT): string {
  const last = virtualMs((statusOf(obj).lastScheduleTime as string | undefined) ?? undefined);
  return last === undefined ? t('graph.notRunYet') : t('graph.lastRun', { age: humanDuration(now - last) });
}

function cronJobData(obj: KubeObject, ctx: WorkloadContext): WorkloadData {
  const spec = specOf(obj);
  const schedule = `${String(spec.schedule ?? '')}${spec.timeZone ? ` (${String(spec.timeZone)})` : ''}`;
  const suspended = spec.suspend === true;
  const active = ((obj.status as { active?: unknown[] } | undefined)?.active ?? []).length;
  const t = ctx.t ?? englishT;
  const lastRun = lastRunText(obj, ctx.now, t);
  let status = active > 0 ? t('graph.statusActive') : t('graph.statusScheduled');
  let tone: Tone = active > 0 ? 'running' : 'pending';
  let value = false; // a Kubernetes value (kept as it is), not the UI's words
  if (obj.metadata.deletionTimestamp) [status, tone, value] = ['Terminating', 'terminating', true];
  else if (suspended) [status, tone] = [t('graph.statusSuspended'), 'unknown'];
  const label = { name: obj.metadata.name, schedule, lastRun };
  return {
    ...workloadBase(obj, 'CronJob', ctx),
    summary: t('graph.schedule', { schedule }),
    details: [lastRun, t('graph.active', { count: active })],
    status,
    ...(value ? { statusIsValue: true } : {}),
    tone,
    ariaLabel: suspended ? t('graph.cronJobSuspended', label) : t('graph.cronJob', label),
  };
}

export function batchWorkloadData(obj: KubeObject, ctx: WorkloadContext): WorkloadData | undefined {
  if (obj.kind === 'Job') return jobData(obj, ctx);
  if (obj.kind === 'CronJob') return cronJobData(obj, ctx);
  return undefined;
}
