import { describe, expect, it } from 'vitest';
import type { ReplicaSetCounts, RolloutSample, RolloutSeries } from '../../src/projections/rollout';
import { chartModel, slotAt, stepPath, yAxis, type ChartFrame } from '../../src/projections/rolloutChart';

const y = (v: number) => 100 - v * 10;

describe('stepPath', () => {
  it.each([
    ['one value', [3], [0], 50, undefined, 'M0 70 H50'],
    ['holds each value until the next', [1, 2, 2], [0, 10, 20], 30, undefined, 'M0 90 H10 V80 H20 V80 H30'],
    ['gaps where undefined', [1, undefined, 4], [0, 10, 20], 30, undefined, 'M0 90 H10 M20 60 H30'],
    ['starts late', [undefined, 5], [0, 10], 20, undefined, 'M10 50 H20'],
    ['area down to the base', [1, 2], [0, 10], 20, 100, 'M0 100 V90 H10 V80 H20 V100 Z'],
    ['nothing', [undefined, undefined], [0, 10], 20, undefined, ''],
  ] as const)('%s', (_, values, xs, end, base, expected) => {
    expect(stepPath(values, xs, end, y, base)).toBe(expected);
  });
});

describe('yAxis', () => {
  it.each([
    [0, 1, [0, 1]],
    [5, 5, [0, 1, 2, 3, 4, 5]],
    [6, 6, [0, 2, 4, 6]],
    [13, 15, [0, 5, 10, 15]],
    [48, 50, [0, 10, 20, 30, 40, 50]],
    [4.2, 5, [0, 1, 2, 3, 4, 5]],
  ])('max %d → top %d', (max, top, ticks) => {
    expect(yAxis(max)).toEqual({ top, ticks });
  });
});

const counts = (spec: number, available: number, revision: number): ReplicaSetCounts =>
  ({ spec, pods: spec, ready: available, available, revision });

function sample(step: number, a: ReplicaSetCounts | undefined, b: ReplicaSetCounts | undefined): RolloutSample {
  const sets: Record<string, ReplicaSetCounts> = {};
  if (a) sets.a = a;
  if (b) sets.b = b;
  const all = Object.values(sets);
  return { step, time: step, replicas: 4, strategy: 'RollingUpdate', maxTotal: 5, minAvailable: 3, sets,
    total: all.reduce((n, s) => n + s.spec, 0), pods: all.reduce((n, s) => n + s.pods, 0),
    available: all.reduce((n, s) => n + s.available, 0) };
}

const series: RolloutSeries = {
  deployment: { name: 'web', namespace: 'default' },
  replicaSets: [{ uid: 'a', name: 'web-a', revision: 3, history: [1] }, { uid: 'b', name: 'web-b', revision: 2, history: [] }],
  samples: [
    sample(10, counts(4, 4, 1), undefined),
    sample(20, counts(3, 3, 1), counts(1, 0, 2)),
    sample(30, counts(0, 0, 1), counts(4, 4, 2)),
    // rollout undo: a becomes revision 3
    sample(40, counts(1, 0, 3), counts(4, 4, 2)),
  ],
};

const frame: ChartFrame = { width: 240, height: 120, margin: { left: 20, right: 20, top: 10, bottom: 10 }, maxSlots: 60 };

describe('chartModel', () => {
  const model = chartModel(series, 25, frame);

  it('gives each sample a slot of equal width across the plot', () => {
    expect(model.plot).toEqual({ x0: 20, x1: 220, y0: 110, y1: 10 });
    expect(model.slots).toEqual([{ x: 20, step: 10, index: 0 }, { x: 70, step: 20, index: 1 }, { x: 120, step: 30, index: 2 },
      { x: 170, step: 40, index: 3 }]);
    expect(model.yTicks.map((t) => t.value)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('splits a ReplicaSet line where a rollback renumbers it', () => {
    expect(model.lines.map((l) => [l.uid, l.revision])).toEqual([['a', 1], ['a', 3], ['b', 2]]);
    // y: 0 → 110, 5 → 10 (20 px per replica)
    expect(model.lines[0].spec).toBe('M20 30 H70 V50 H120 V110 H170');
    expect(model.lines[1].spec).toBe('M170 90 H220');
    expect(model.lines[2].spec).toBe('M70 90 H120 V30 H170 V30 H220');
    expect(model.lines[2].available).toBe('M70 110 V110 H120 V30 H170 V30 H220 V110 Z');
  });

  it('draws the bounds and labels them with their latest value', () => {
    expect(model.maxTotal).toEqual({ path: 'M20 10 H70 V10 H120 V10 H170 V10 H220', value: 5, labelY: 10 });
    expect(model.minAvailable?.value).toBe(3);
    expect(model.total).toBe('M20 30 H70 V30 H120 V30 H170 V10 H220');
  });

  it('puts the cursor between samples in proportion to the Steps', () => {
    expect(model.cursor).toEqual({ x: 95, sample: 1 });
    expect(chartModel(series, 20, frame).cursor).toEqual({ x: 70, sample: 1 });
    expect(chartModel(series, 5, frame).cursor).toEqual({ x: 20, sample: -1 });
    expect(chartModel(series, 99, frame).cursor).toEqual({ x: 195, sample: 3 });
  });

  it('finds the sample under a click', () => {
    expect(slotAt(model, 0)?.step).toBe(10);
    expect(slotAt(model, 100)?.step).toBe(20);
    expect(slotAt(model, 219)?.step).toBe(40);
  });

  it('shows a window of samples around the cursor when there are more than fit', () => {
    const small = chartModel(series, 40, { ...frame, maxSlots: 2 });
    expect(small.window).toEqual([2, 4]);
    expect(small.slots.map((s) => s.step)).toEqual([30, 40]);
    expect(small.lines.map((l) => [l.uid, l.revision])).toEqual([['a', 1], ['a', 3], ['b', 2]]);
  });
});
