/**
 * Step granularity a teacher can choose: every write (one row per Step), per reconcile (a run of
 * consecutive Steps by the same actor at the same virtual moment — one pass of a controller's
 * sync, one kubelet SyncPod), or per virtual second. Grouping runs over the Steps a filter left
 * visible, in one pass (O(n)), so ten thousand Steps group in well under a frame.
 */
import type { Step } from '../engine/api';

export type StepGrouping = 'write' | 'reconcile' | 'second';

/** The choices, finest first (the UI words them). */
export const STEP_GROUPINGS: readonly StepGrouping[] = ['write', 'reconcile', 'second'];

export interface StepGroup {
  /** Step indexes of the members, ascending (a filter may leave gaps between them). */
  members: number[];
  first: number;
  last: number;
  /** Virtual ms of the first and the last member. */
  start: number;
  end: number;
  /** The actors of the members, in order of first appearance. */
  actors: string[];
}

/** Whether Step `b` continues the group that Step `a` (the group's previous member) is in. */
export function sameGroup(a: Step, b: Step, mode: StepGrouping): boolean {
  if (mode === 'reconcile') return a.actor === b.actor && a.time === b.time;
  if (mode === 'second') return Math.floor(a.time / 1000) === Math.floor(b.time / 1000);
  return false;
}

/**
 * The groups over `indices` (every Step when null), in order. Each group holds consecutive
 * visible Steps that belong together under `mode`.
 */
export function groupSteps(steps: readonly Step[], indices: readonly number[] | null, mode: StepGrouping): StepGroup[] {
  const groups: StepGroup[] = [];
  const count = indices ? indices.length : steps.length;
  let current: StepGroup | undefined;
  let actors: Set<string> | undefined;
  for (let k = 0; k < count; k++) {
    const i = indices ? indices[k] : k;
    const step = steps[i];
    if (!step) continue;
    if (current && sameGroup(steps[current.last], step, mode)) {
      current.members.push(i);
      current.last = i;
      current.end = step.time;
      if (!actors!.has(step.actor)) {
        actors!.add(step.actor);
        current.actors.push(step.actor);
      }
      continue;
    }
    current = { members: [i], first: i, last: i, start: step.time, end: step.time, actors: [step.actor] };
    actors = new Set([step.actor]);
    groups.push(current);
  }
  return groups;
}

/** The position of the group whose span [first, last] holds Step `index`, or -1 (binary search). */
export function groupIndexOf(groups: readonly StepGroup[], index: number): number {
  let lo = 0;
  let hi = groups.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const g = groups[mid];
    if (index < g.first) hi = mid - 1;
    else if (index > g.last) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** One row of the Step list: a Step, or a group of Steps (expanded ones are followed by their members). */
export type StepListRow =
  | { type: 'step'; index: number; /** shown inside an expanded group */ nested: boolean }
  | { type: 'group'; group: StepGroup; expanded: boolean };

/** The rows to show: single-member groups as plain Steps, expanded groups followed by their Steps. */
export function listRows(groups: readonly StepGroup[], expanded: ReadonlySet<number>): StepListRow[] {
  const rows: StepListRow[] = [];
  for (const group of groups) {
    if (group.members.length === 1) {
      rows.push({ type: 'step', index: group.first, nested: false });
      continue;
    }
    const open = expanded.has(group.first);
    rows.push({ type: 'group', group, expanded: open });
    if (open) for (const index of group.members) rows.push({ type: 'step', index, nested: true });
  }
  return rows;
}
