import type { ReconcileContext } from '../../controllers/types';
import type { DrainOptions } from './drainFilters';

/** The versioned table of drains: node name → the drain's progress and kubectl's output so far. */
export const DRAINS_TABLE = 'kubectl/drain';

/** kubectl retries a refused (429) eviction after 5s and polls for the Pod's deletion every 1s. */
export const EVICTION_RETRY_MS = 5_000;
export const DELETE_POLL_MS = 1_000;

export interface DrainPod {
  namespace: string;
  name: string;
  uid: string;
  /** `retry`: the last eviction was refused; `waiting`: evicted, waiting for the Pod to go; `done`. */
  state: 'retry' | 'waiting' | 'done';
  /** When to retry the eviction, or when the wait for deletion began (its polls tick every 1s from then). */
  at: number;
}

export interface DrainRecord {
  node: string;
  startedAt: number;
  options: DrainOptions;
  pods: DrainPod[];
  state: 'running' | 'drained' | 'failed';
  /** Every line kubectl printed (stdout and stderr, in order). */
  lines: string[];
  /** Evictions that failed for good (not 429): the drain reports them once every Pod is done. */
  errors?: string[];
}

/** The `lines` array handed back by drain(): it keeps growing as the drain goes on (memo, not versioned). */
export const outputMemoKey = (node: string) => `drain-output/${node}`;

/** Appends lines to the drain's record (a versioned write) and to the live output array of the command. */
export function printLines(ctx: ReconcileContext, record: DrainRecord, lines: string[]): DrainRecord {
  const next = { ...record, lines: [...record.lines, ...lines] };
  const live = ctx.memo.get<string[]>(outputMemoKey(record.node));
  if (live) live.push(...lines);
  return next;
}
