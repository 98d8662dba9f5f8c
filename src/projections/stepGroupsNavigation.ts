/**
 * Where "Step forward" and "Step back" land when the timeline moves by a unit (a reconcile, a
 * virtual second) and/or only through the Steps a filter shows. A unit ends at its last member,
 * so after a forward move the cluster shows the state the whole unit left behind. Pure: the store
 * asks the engine for more Steps when the newest unit may still grow.
 */
import type { Step } from '../engine/api';
import { sameGroup, type StepGrouping } from './stepGroups';

/** Whether a Step counts for stepping (matches the filter when stepping through matches only). */
export type Qualifies = (index: number) => boolean;

export const everyStep: Qualifies = () => true;

/** Steps `b` can belong to the unit that starts with Step `a` only inside this window of time. */
function inWindow(a: Step, b: Step, mode: StepGrouping): boolean {
  if (mode === 'reconcile') return a.time === b.time;
  if (mode === 'second') return Math.floor(a.time / 1000) === Math.floor(b.time / 1000);
  return false;
}

/**
 * The last member of the unit that starts at Step `n`, among the recorded Steps, and whether the
 * unit is closed (a later recorded Step proves it over) or may still grow as the engine runs.
 */
export function unitEnd(steps: readonly Step[], n: number, mode: StepGrouping, qualifies: Qualifies): { end: number; closed: boolean } {
  if (mode === 'write') return { end: n, closed: true };
  let end = n;
  for (let i = n + 1; i < steps.length; i++) {
    if (!inWindow(steps[n], steps[i], mode)) return { end, closed: true };
    if (!qualifies(i)) continue;
    if (!sameGroup(steps[end], steps[i], mode)) return { end, closed: true };
    end = i;
  }
  return { end, closed: false };
}

/** The first member of the unit that ends at (or holds) the qualifying Step `n`. */
export function unitStart(steps: readonly Step[], n: number, mode: StepGrouping, qualifies: Qualifies): number {
  if (mode === 'write') return n;
  let start = n;
  for (let i = n - 1; i >= 0; i--) {
    if (!inWindow(steps[n], steps[i], mode)) break;
    if (!qualifies(i)) continue;
    if (!sameGroup(steps[i], steps[start], mode)) break;
    start = i;
  }
  return start;
}

/** The first qualifying Step after `cursor`, or undefined when none is recorded yet. */
export function nextQualifying(steps: readonly Step[], cursor: number, qualifies: Qualifies): number | undefined {
  for (let i = Math.max(0, cursor + 1); i < steps.length; i++) if (qualifies(i)) return i;
  return undefined;
}

/** Whether a unit starting at Step `n` may gain members from an engine action due at `nextTime`. */
export function mayGrow(steps: readonly Step[], n: number, mode: StepGrouping, nextTime: number | undefined): boolean {
  if (mode === 'write' || nextTime === undefined) return false;
  const probe = { ...steps[n], time: nextTime };
  return inWindow(steps[n], probe, mode);
}

/** Where "Step back" lands: the last qualifying Step before the unit the cursor is in; undefined at the start. */
export function backTarget(steps: readonly Step[], cursor: number, mode: StepGrouping, qualifies: Qualifies): number | undefined {
  const from = cursor >= 0 && cursor < steps.length && qualifies(cursor) ? unitStart(steps, cursor, mode, qualifies) : cursor;
  for (let i = Math.min(from, steps.length) - 1; i >= 0; i--) if (qualifies(i)) return i;
  return undefined;
}

/** The first entry of an ascending list greater than `cursor` (binary search). */
export function nextAfter(sorted: readonly number[], cursor: number): number | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= cursor) lo = mid + 1;
    else hi = mid;
  }
  return sorted[lo];
}

/** The last entry of an ascending list smaller than `cursor` (binary search). */
export function previousBefore(sorted: readonly number[], cursor: number): number | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < cursor) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? sorted[lo - 1] : undefined;
}
