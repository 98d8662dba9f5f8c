/**
 * The job controller's work-queue timing on one key per Job. upstream enqueues a Job at once when
 * it is created or its spec changes (generation), but 1s later ("batched") for pod events and
 * status updates, and re-queues itself with AddAfter (deadline, back-off); of two requests for a
 * key the earlier wins. The memo remembers the pending batch and timer, so a wake-up can tell an
 * event from a due sync.
 * upstream: enqueueSyncJobImmediately / enqueueSyncJobBatched / enqueueSyncJobWithDelay
 */
import type { KubeObject } from '../../api';
import type { ReconcileContext, ReconcileResult } from '../types';

export const SYNC_JOB_BATCH_PERIOD_MS = 1000;

interface QueueState {
  uid: string;
  generation?: number;
  /** A batched sync is pending at this time. */
  batch?: number;
  /** A sync asked for another at this time. */
  timer?: number;
}

const stateKey = (key: string) => `queue/${key}`;

const earliest = (...times: (number | undefined)[]) => {
  const set = times.filter((t): t is number => t !== undefined);
  return set.length ? Math.min(...set) : undefined;
};

/**
 * Runs `sync` when this wake-up is due (a new Job, a spec change, a batch or timer that came due);
 * otherwise starts the 1s batch window; `sync` returns the delay it wants, if any.
 */
export function queuedSync(ctx: ReconcileContext, key: string, job: KubeObject, sync: () => number | undefined): ReconcileResult | void {
  const now = ctx.now;
  const old = ctx.memo.get<QueueState>(stateKey(key));
  const state: QueueState = old && old.uid === job.metadata.uid ? { ...old } : { uid: job.metadata.uid };
  const immediate = !old || old.uid !== job.metadata.uid || old.generation !== job.metadata.generation;
  const due = immediate || (state.batch !== undefined && state.batch <= now) || (state.timer !== undefined && state.timer <= now);
  if (!due) {
    state.batch ??= now + SYNC_JOB_BATCH_PERIOD_MS;
  } else {
    if (state.batch !== undefined && state.batch <= now) delete state.batch;
    if (state.timer !== undefined && state.timer <= now) delete state.timer;
    state.generation = job.metadata.generation;
    const delay = sync();
    if (delay !== undefined) state.timer = earliest(state.timer, now + Math.max(0, delay));
  }
  if (!old || old.uid !== state.uid || old.generation !== state.generation || old.batch !== state.batch || old.timer !== state.timer) {
    ctx.memo.set(stateKey(key), state);
  }
  const wake = earliest(state.batch, state.timer);
  return wake === undefined ? undefined : { requeueAfter: wake - now };
}

export function forgetQueueState(ctx: ReconcileContext, key: string): void {
  if (ctx.memo.get(stateKey(key)) !== undefined) ctx.memo.delete(stateKey(key));
}
