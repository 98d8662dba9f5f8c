import { describe, expect, it } from 'vitest';
import type { Step } from '../../src/engine/api';
import { groupIndexOf, groupSteps, listRows, type StepGrouping } from '../../src/projections/stepGroups';
import {
  backTarget, everyStep, mayGrow, nextAfter, nextQualifying, previousBefore, unitEnd, unitStart,
} from '../../src/projections/stepGroupsNavigation';

/** [actor, time ms] per Step. */
const make = (rows: [string, number][]): Step[] =>
  rows.map(([actor, time], index) => ({ index, time, actor, message: `${actor}@${time}`, changes: [], events: [] }));

const STEPS = make([
  ['kubectl', 0], // 0
  ['replicaset-controller', 0], // 1
  ['replicaset-controller', 0], // 2
  ['kube-scheduler', 0], // 3
  ['replicaset-controller', 0], // 4
  ['kubelet/node-1', 900], // 5
  ['kubelet/node-1', 1200], // 6
  ['kubelet/node-1', 1200], // 7
  ['kube-proxy/node-1', 1999], // 8
  ['kubelet/node-1', 3000], // 9
]);

const spans = (mode: StepGrouping, indices: number[] | null = null) => groupSteps(STEPS, indices, mode).map((g) => g.members);

describe('groupSteps', () => {
  it.each<[string, StepGrouping, number[] | null, number[][]]>([
    ['every write: one row per Step', 'write', null, STEPS.map((s) => [s.index])],
    ['per reconcile: same actor, same moment, consecutive', 'reconcile', null, [[0], [1, 2], [3], [4], [5], [6, 7], [8], [9]]],
    ['per virtual second', 'second', null, [[0, 1, 2, 3, 4, 5], [6, 7, 8], [9]]],
    ['per reconcile over filtered Steps: a hidden Step between does not split', 'reconcile', [1, 2, 4, 6, 7], [[1, 2, 4], [6, 7]]],
    ['per second over filtered Steps', 'second', [3, 9], [[3], [9]]],
    ['nothing visible', 'second', [], []],
  ])('%s', (_name, mode, indices, expected) => {
    expect(spans(mode, indices)).toEqual(expected);
  });

  it('records span, times and actors', () => {
    const [first] = groupSteps(STEPS, null, 'second');
    expect(first).toMatchObject({ first: 0, last: 5, start: 0, end: 900 });
    expect(first.actors).toEqual(['kubectl', 'replicaset-controller', 'kube-scheduler', 'kubelet/node-1']);
  });

  it('groups 10,000 Steps in one linear pass', () => {
    const many = make(Array.from({ length: 10_000 }, (_, i) => [i % 7 === 0 ? 'kubelet/node-1' : 'replicaset-controller', Math.floor(i / 5) * 250] as [string, number]));
    const t = performance.now();
    const groups = groupSteps(many, null, 'reconcile');
    const bySecond = groupSteps(many, null, 'second');
    expect(performance.now() - t).toBeLessThan(200);
    expect(groups.reduce((n, g) => n + g.members.length, 0)).toBe(10_000);
    expect(bySecond).toHaveLength(500);
  });
});

describe('groupIndexOf and listRows', () => {
  const groups = groupSteps(STEPS, null, 'reconcile');
  it.each([[0, 0], [2, 1], [3, 2], [7, 5], [9, 7], [10, -1]])('Step %i is in group %i', (step, expected) => {
    expect(groupIndexOf(groups, step)).toBe(expected);
  });

  it('single Steps stay plain rows; an expanded group is followed by its Steps', () => {
    const rows = listRows(groups, new Set([6]));
    expect(rows.map((r) => (r.type === 'group' ? `g${r.group.first}${r.expanded ? '+' : ''}` : `${r.nested ? '  ' : ''}${r.index}`)))
      .toEqual(['0', 'g1', '3', '4', '5', 'g6+', '  6', '  7', '8', '9']);
  });
});

describe('stepping by unit', () => {
  const only = (...visible: number[]) => (i: number) => visible.includes(i);
  it.each<[string, StepGrouping, (i: number) => boolean, number, number | undefined]>([
    ['per reconcile, forward lands on the end of the next reconcile', 'reconcile', everyStep, 0, 2],
    ['per second, forward lands on the end of the second', 'second', everyStep, -1, 5],
    ['per second from inside a second: its end', 'second', everyStep, 6, 8],
    ['every write with a filter: the next match', 'write', only(3, 9), 3, 9],
    ['per reconcile with a filter: skips hidden Steps inside the reconcile', 'reconcile', only(1, 2, 4), 0, 4],
    ['nothing after', 'second', everyStep, 9, undefined],
  ])('%s', (_name, mode, q, cursor, expected) => {
    const n = nextQualifying(STEPS, cursor, q);
    expect(n === undefined ? undefined : unitEnd(STEPS, n, mode, q).end).toBe(expected);
  });

  it.each<[string, StepGrouping, (i: number) => boolean, number, number | undefined]>([
    ['per second, back from the end of a second goes to the end of the one before', 'second', everyStep, 8, 5],
    ['per reconcile, back from the end of a reconcile', 'reconcile', everyStep, 7, 5],
    ['per reconcile, back to a reconcile of several', 'reconcile', everyStep, 3, 2],
    ['with a filter: the previous match', 'write', only(2, 7), 7, 2],
    ['from a hidden Step: the previous match', 'write', only(2, 7), 5, 2],
    ['at the start', 'second', everyStep, 3, undefined],
  ])('%s', (_name, mode, q, cursor, expected) => {
    expect(backTarget(STEPS, cursor, mode, q)).toBe(expected);
  });

  it('a unit at the newest Step may grow while the next action falls inside it', () => {
    expect(unitEnd(STEPS, 9, 'second', everyStep)).toEqual({ end: 9, closed: false });
    expect(unitEnd(STEPS, 6, 'second', everyStep)).toEqual({ end: 8, closed: true });
    expect(mayGrow(STEPS, 9, 'second', 3999)).toBe(true);
    expect(mayGrow(STEPS, 9, 'second', 4000)).toBe(false);
    expect(mayGrow(STEPS, 9, 'reconcile', 3000)).toBe(true);
    expect(mayGrow(STEPS, 9, 'write', 3000)).toBe(false);
    expect(mayGrow(STEPS, 9, 'second', undefined)).toBe(false);
    expect(unitStart(STEPS, 8, 'second', everyStep)).toBe(6);
  });

  it.each([[[2, 5, 9], 4, 5, 2], [[2, 5, 9], 5, 9, 2], [[2, 5, 9], 9, undefined, 5], [[2, 5, 9], 1, 2, undefined], [[], 3, undefined, undefined]])(
    'in %j from %i: next %s, previous %s', (list, cursor, next, previous) => {
      expect(nextAfter(list, cursor)).toBe(next);
      expect(previousBefore(list, cursor)).toBe(previous);
    });
});
