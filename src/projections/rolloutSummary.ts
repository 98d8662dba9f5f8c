/**
 * Reading a rollout series at the timeline cursor: which sample holds then, which samples a chart
 * shows around it, and the numbers as one sentence (the chart's accessible summary).
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

const compare = (value: number, bound: number, atMost: boolean): string =>
  atMost ? (value <= bound ? '≤' : '>') : (value >= bound ? '≥' : '<');

/**
 * `Revision 2: 3 of 4 available, revision 1: 1 of 1 available — total 5 ≤ max 5; available 4 ≥ min 3`.
 * Revisions newest first; ReplicaSets with neither desired nor running Pods are left out. The
 * total is Σ spec.replicas, which is what the controller keeps within replicas + maxSurge.
 */
export function rolloutSummary(sample: RolloutSample | undefined): string {
  if (!sample) return 'No ReplicaSets yet at this Step.';
  const sets = Object.values(sample.sets)
    .filter((s) => s.spec > 0 || s.pods > 0)
    .sort((a, b) => b.revision - a.revision);
  // more available than desired: the ReplicaSet was just scaled down and its Pods are not deleted yet
  const parts = sets.map((s) => `revision ${s.revision || '?'}: ` +
    (s.available > s.spec ? `${s.available} available, scaling down to ${s.spec}` : `${s.available} of ${s.spec} available`));
  const head = parts.length ? parts.join(', ') : 'no Pods';
  const text = head.charAt(0).toUpperCase() + head.slice(1);
  if (sample.maxTotal === undefined || sample.minAvailable === undefined) {
    return `${text} — total ${sample.total} of ${sample.replicas}; available ${sample.available} (Recreate: old Pods stop before new ones start)`;
  }
  return `${text} — total ${sample.total} ${compare(sample.total, sample.maxTotal, true)} max ${sample.maxTotal}; ` +
    `available ${sample.available} ${compare(sample.available, sample.minAvailable, false)} min ${sample.minAvailable}`;
}

/** The revisions of a series, newest first, with the ReplicaSet that holds each (for labels and selects). */
export function revisionsOf(series: RolloutSeries): { revision: number; name: string; uid: string }[] {
  return series.replicaSets
    .filter((rs) => rs.revision > 0)
    .map((rs) => ({ revision: rs.revision, name: rs.name, uid: rs.uid }))
    .sort((a, b) => b.revision - a.revision);
}
