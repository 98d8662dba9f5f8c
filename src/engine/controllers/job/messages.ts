/**
 * Step messages of the job controller: each names the rule that fired, with the numbers in.
 */
import type { JobCondition, JobStatus } from 'kubernetes-types/batch/v1';
import type { KubeObject } from '../../api';
import { JOB_TRACKING_FINALIZER, type JobView } from './jobSpec';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function conditionText(c: JobCondition): string {
  const why = [c.reason, c.message].filter(Boolean).join(': ');
  return `${c.type}=${c.status}${why ? ` (${why})` : ''}`;
}

/** The conditions that are new or changed from `before` to `after`. */
function changedConditions(before: JobCondition[] = [], after: JobCondition[] = []): JobCondition[] {
  return after.filter((c) => {
    const old = before.find((o) => o.type === c.type);
    return !old || old.status !== c.status || old.reason !== c.reason || old.message !== c.message;
  });
}

/** What a status write changes, in words: counters first, then what moved and why. */
export function statusMessage(spec: JobView, before: JobStatus, after: JobStatus, podNames: Map<string, string>): string {
  const target = spec.completions === undefined ? '' : ` of ${spec.completions}`;
  let text = `Job ${spec.name} status: ${after.active ?? 0} active (${after.ready ?? 0} ready), ` +
    `${after.succeeded ?? 0}${target} succeeded, ${after.failed ?? 0} failed, ${after.terminating ?? 0} terminating`;
  const notes: string[] = [];
  if (after.startTime && !before.startTime) notes.push('startTime set: the Job has started');
  const name = (uid: string) => podNames.get(uid) ?? uid;
  for (const kind of ['succeeded', 'failed'] as const) {
    const was = new Set(before.uncountedTerminatedPods?.[kind] ?? []);
    const added = (after.uncountedTerminatedPods?.[kind] ?? []).filter((u) => !was.has(u));
    if (added.length) {
      notes.push(`${added.map(name).join(', ')} ${added.length === 1 ? 'is' : 'are'} recorded as ${kind} in uncountedTerminatedPods ` +
        `until the ${JOB_TRACKING_FINALIZER} finalizer is removed`);
    }
  }
  const counted = (k: 'succeeded' | 'failed') => (after[k] ?? 0) - (before[k] ?? 0);
  if (!spec.indexed && counted('succeeded') > 0) notes.push(`counted ${plural(counted('succeeded'), 'more succeeded Pod')} (finalizer removed)`);
  if (counted('failed') > 0) notes.push(`counted ${plural(counted('failed'), 'more failed Pod')} (finalizer removed)`);
  if ((after.completedIndexes ?? '') !== (before.completedIndexes ?? '')) notes.push(`completedIndexes "${after.completedIndexes ?? ''}"`);
  if ((after.failedIndexes ?? '') !== (before.failedIndexes ?? '')) notes.push(`failedIndexes "${after.failedIndexes ?? ''}"`);
  for (const c of changedConditions(before.conditions, after.conditions)) notes.push(conditionText(c));
  if (after.completionTime && !before.completionTime) notes.push('completionTime set');
  if (notes.length) text += `; ${notes.join('; ')}`;
  return text;
}

/** Why the Job wants `want` active pods. */
export function wantText(spec: JobView, succeeded: number, want: number): string {
  if (spec.completions === undefined) {
    return succeeded > 0 ? `a Pod has succeeded, so no new Pods start (${want} wanted)` : `parallelism ${spec.parallelism} wants ${want} active`;
  }
  const left = Math.max(0, spec.completions - succeeded);
  return `${succeeded} of ${spec.completions} completions done; min(parallelism ${spec.parallelism}, ${left} remaining) = ${want} wanted active`;
}

export function createMessage(spec: JobView, active: number, want: number, succeeded: number, index: number | undefined,
  batch: number): string {
  const what = index === undefined ? 'creating a Pod' : `creating the Pod for completion index ${index}`;
  return `Job ${spec.name} has ${plural(active, 'active Pod')}; ${wantText(spec, succeeded, want)}: ${what}` +
    (batch > 1 ? ` (slow-start batch of ${batch})` : '');
}

export function finalizerRemovedMessage(spec: JobView, pod: KubeObject, why: string): string {
  return `Job ${spec.name} removed the ${JOB_TRACKING_FINALIZER} finalizer from Pod ${pod.metadata.name}: ${why}`;
}
