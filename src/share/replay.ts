/**
 * Replays a session's journal on a fresh cluster. The engine is deterministic, so the same calls
 * in the same order give the same Steps; each call's recorded Step index is checked on the way, and
 * the first difference (a link made by another version of the playground) is reported, not hidden.
 */
import type { Cluster } from '../engine/api';
import type { ReplayMismatch } from './problems';
import { fromJsonArgs } from './recorder';
import type { Session } from './session';

export interface ReplayResult {
  /** Where the replay first differed from the recording; undefined when it did not. */
  mismatch?: ReplayMismatch;
}

type AnyMethod = (...args: unknown[]) => unknown;

/**
 * Makes the journal's calls on `cluster` (fresh, made with the session's settings). An exception
 * from a call is swallowed: the recorded call met the same one, and the store showed it then.
 */
export function replayJournal(cluster: Cluster, session: Session): ReplayResult {
  let mismatch: ReplayMismatch | undefined;
  const methods = cluster as unknown as Record<string, AnyMethod>;
  for (const entry of session.journal) {
    if (entry.op === 'step') {
      const options = entry.withinMs === undefined ? undefined : { withinMs: entry.withinMs };
      for (let i = 0; i < entry.count; i++) cluster.step(options);
      continue;
    }
    if (mismatch === undefined && cluster.steps.length !== entry.at) {
      mismatch = { code: 'callAt', op: entry.op, at: entry.at, now: cluster.steps.length };
    }
    try {
      methods[entry.op](...fromJsonArgs(entry.args));
    } catch {
      // the original call threw too (same calls, same engine): nothing more to reproduce
    }
  }
  if (mismatch === undefined && cluster.steps.length !== session.steps) {
    mismatch = { code: 'stepCount', count: session.steps, now: cluster.steps.length };
  }
  return mismatch === undefined ? {} : { mismatch };
}

/** The cursor to show: the session's, within the Steps the replay made. */
export function replayedCursor(cluster: Cluster, session: Session): number {
  const last = cluster.steps.length - 1;
  return Math.max(Math.min(0, last), Math.min(last, session.cursor));
}
