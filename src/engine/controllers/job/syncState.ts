/**
 * The job controller's private bookkeeping (ctx.memo), keyed by Job: the pod-failure back-off
 * record (upstream keeps it in memory too) and the work-queue timing of the Job's key.
 */
import type { KubeObject } from '../../api';
import { keyOf } from '../../util/objects';
import type { ReconcileContext } from '../types';
import type { BackoffRecord } from './backoff';

const backoffKey = (jobKey: string) => `backoff/${jobKey}`;

export function readBackoffRecord(ctx: ReconcileContext, job: KubeObject): BackoffRecord | undefined {
  const stored = ctx.memo.get<BackoffRecord & { uid: string }>(backoffKey(keyOf(job)));
  return stored?.uid === job.metadata.uid ? stored : undefined;
}

export function writeBackoffRecord(ctx: ReconcileContext, job: KubeObject, record: BackoffRecord): void {
  const key = backoffKey(keyOf(job));
  const old = ctx.memo.get<BackoffRecord & { uid: string }>(key);
  if (old && old.uid === job.metadata.uid && old.failuresAfterLastSuccess === record.failuresAfterLastSuccess &&
    old.lastFailureTime === record.lastFailureTime) return;
  if (!old && record.failuresAfterLastSuccess === 0) return;
  ctx.memo.set(key, { ...record, uid: job.metadata.uid });
}

export function removeBackoffRecord(ctx: ReconcileContext, jobKey: string): void {
  if (ctx.memo.get(backoffKey(jobKey)) !== undefined) ctx.memo.delete(backoffKey(jobKey));
}
