/**
 * Reading a rollout series at the timeline cursor: which sample holds then, and which samples a
 * chart shows around it. The numbers in words are the UI's (`src/ui/rollout/rolloutText.ts`).
 */
import type { RolloutSample, RolloutSeries } from './rollout';

/** Index of the sample in force after Step `cursor` (the last one at or before it); -1 before the first. */
export function sampleIndexAt(samples: readonly RolloutSample[], cursor: number): number {
  let lo = 0;
  let hi = samples.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (samples[mid].step <= cursor) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * The samples a chart of `size` slots shows: all of them when they fit, else a window that keeps
 * `focus` in view (a third from the right, so what comes next is visible too). Returns [start, end).
 */
export function sampleWindow(count: number, focus: number, size: number): [number, number] {
  if (count <= size) return [0, count];
  const start = Math.max(0, Math.min(count - size, Math.max(0, focus) - Math.floor((size * 2) / 3)));
  return [start, start + size];
}

/** The revisions of a series, newest first, with the ReplicaSet that holds each (for labels and selects). */
export function revisionsOf(series: RolloutSeries): { revision: number; name: string; uid: string }[] {
  return series.replicaSets
    .filter((rs) => rs.revision > 0)
    .map((rs) => ({ revision: rs.revision, name: rs.name, uid: rs.uid }))
    .sort((a, b) => b.revision - a.revision);
}
