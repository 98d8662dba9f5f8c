/**
 * How far the timeline looks ahead when it asks the engine for the next Step. Play, Step forward
 * and the timeline's searches look a quiet window ahead, not the engine's default day: when the
 * only work left is periodic and writes nothing (an HPA at steady state, metrics scrapes), a day's
 * look-ahead would carry the clock a day on per press. "Skip to the next change" looks the day.
 */
import type { Cluster, Step, StepOptions } from '../engine/api';
import type { ObjectRef } from './types';

/**
 * 15 virtual minutes: longer than the built-in waits a learner meets (progress deadline 600 s,
 * eviction after 300 s NotReady, back-off caps of 300 s, HPA scale-down stabilisation 300 s).
 */
export const QUIET_WINDOW_MS = 15 * 60_000;

export const QUIET_STEP: StepOptions = { withinMs: QUIET_WINDOW_MS };

/** What a look-ahead that found nothing was looking for: any Step, one matching the filter, one touching an object. */
export type QuietSeeking =
  | { seeking: 'step' | 'match' }
  | { seeking: 'object'; object: string; ref: ObjectRef };

/** Nothing that was sought happened within `withinMs`, though timers remain beyond it. */
export type QuietNotice = { code: 'quiet'; withinMs: number } & QuietSeeking;

/**
 * The engine's next Step after `cursor` (one reconcile can record several Steps and step() hands
 * them out one at a time, so it may return Steps the cursor has already shown: skip those).
 */
export function nextEngineStep(cluster: Cluster, cursor: number, options?: StepOptions): Step | undefined {
  let step = cluster.step(options);
  while (step && step.index <= cursor) step = cluster.step(options);
  return step;
}

/** The quiet notice when timers remain beyond the window; undefined when nothing is pending at all. */
export function quietNotice(cluster: Cluster, seeking: QuietSeeking): QuietNotice | undefined {
  if (cluster.nextActionTime() === undefined) return undefined;
  return { code: 'quiet', withinMs: QUIET_WINDOW_MS, ...seeking };
}
