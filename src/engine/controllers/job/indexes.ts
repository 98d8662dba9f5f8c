/**
 * Completion indexes of Indexed Jobs as ordered, merged intervals (`.status.completedIndexes`
 * reads `"0-2,4"`), and the index annotation every Indexed Job pod carries.
 * upstream: pkg/controller/job/indexed_job_utils.go
 */
import type { KubeObject } from '../../api';

export const COMPLETION_INDEX = 'batch.kubernetes.io/job-completion-index';
export const UNKNOWN_INDEX = -1;

export interface Interval { first: number; last: number }
export type OrderedIntervals = Interval[];

const atoi = (s: string): number | undefined => (/^[+-]?\d+$/.test(s) ? Number(s) : undefined);

/** upstream getCompletionIndex: the annotation as a non-negative integer, else -1. */
export function completionIndex(pod: Pick<KubeObject, 'metadata'>): number {
  const value = pod.metadata.annotations?.[COMPLETION_INDEX];
  const n = value === undefined ? undefined : atoi(value);
  return n === undefined || n < 0 ? UNKNOWN_INDEX : n;
}

/** upstream parseIndexesFromString: corrupted parts are skipped; indexes ≥ completions dropped. */
export function parseIndexes(text: string | undefined, completions: number): OrderedIntervals {
  if (!text) return [];
  const result: OrderedIntervals = [];
  for (const part of text.split(',')) {
    const limits = part.split('-');
    const first = atoi(limits[0]);
    if (first === undefined) continue;
    if (first >= completions) break;
    let last = first;
    if (limits.length > 1) {
      const parsed = atoi(limits[1]);
      if (parsed === undefined) continue;
      last = Math.min(parsed, completions - 1);
    }
    const prev = result[result.length - 1];
    if (prev && prev.last === first - 1) prev.last = last;
    else result.push({ first, last });
  }
  return result;
}

/** upstream orderedIntervals.String: `0-2,4`, with two adjacent indexes written `5,6`. */
export function formatIndexes(intervals: OrderedIntervals): string {
  return intervals.map(({ first, last }) => {
    if (last === first) return String(first);
    return `${first}${last === first + 1 ? ',' : '-'}${last}`;
  }).join(',');
}

/** upstream orderedIntervals.merge. */
export function mergeIntervals(a: OrderedIntervals, b: OrderedIntervals): OrderedIntervals {
  const result: OrderedIntervals = [];
  const push = (iv: Interval) => {
    const last = result[result.length - 1];
    if (!last || iv.first > last.last + 1) result.push({ ...iv });
    else if (last.last < iv.last) last.last = iv.last;
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) push(a[i].first < b[j].first ? a[i++] : b[j++]);
  while (i < a.length) push(a[i++]);
  while (j < b.length) push(b[j++]);
  return result;
}

/** Adds indexes given in increasing order. */
export function withIndexes(intervals: OrderedIntervals, sorted: number[]): OrderedIntervals {
  return mergeIntervals(intervals, sorted.map((ix) => ({ first: ix, last: ix })));
}

export function totalIndexes(intervals: OrderedIntervals): number {
  return intervals.reduce((n, iv) => n + iv.last - iv.first + 1, 0);
}

export function hasIndex(intervals: OrderedIntervals | undefined, ix: number): boolean {
  return !!intervals?.some((iv) => iv.first <= ix && ix <= iv.last);
}

/** The distinct known indexes of some pods, sorted. */
export function indexesOf(pods: KubeObject[]): number[] {
  const set = new Set<number>();
  for (const p of pods) {
    const ix = completionIndex(p);
    if (ix !== UNKNOWN_INDEX) set.add(ix);
  }
  return [...set].sort((a, b) => a - b);
}

/** upstream firstPendingIndexes: the `count` lowest indexes below `completions` not in `nonPending`. */
export function firstPendingIndexes(nonPending: OrderedIntervals, count: number, completions: number): number[] {
  const result: number[] = [];
  if (count <= 0) return result;
  let candidate = 0;
  for (const iv of nonPending) {
    for (; candidate < completions && result.length < count && candidate < iv.first; candidate++) result.push(candidate);
    if (candidate < iv.last + 1) candidate = iv.last + 1;
  }
  for (; candidate < completions && result.length < count; candidate++) result.push(candidate);
  return result;
}
