import { describe, expect, it } from 'vitest';
import { compressTime, hpaChartModel, stepLine, ticks } from '../../src/projections/hpaChart';
import type { HpaSeries } from '../../src/projections/hpaSeries';

describe('hpa chart geometry', () => {
  it.each([
    [0, [0, 1]],
    [3, [0, 1, 2, 3]],
    [5, [0, 1, 2, 3, 4, 5]],
    [9, [0, 2, 4, 6, 8, 10]],
    [10, [0, 2, 4, 6, 8, 10]],
    [22, [0, 5, 10, 15, 20, 25]],
    [30, [0, 10, 20, 30]],
    [120, [0, 30, 60, 90, 120]],
  ])('ticks(%d)', (max, want) => expect(ticks(max)).toEqual(want));

  it.each<[[number, number][], string]>([
    [[], ''],
    [[[0, 1]], 'M0.0 10.0 H100.0'],
    [[[0, 1], [50, 3]], 'M0.0 10.0 H50.0 V30.0 H100.0'],
  ])('stepLine %#', (points, d) => expect(stepLine(points, (t) => t, (v) => v * 10, 100)).toBe(d));

  it.each<[number[], number, [number, number][], number]>([
    // no gap longer than the cap: the identity (from the first time)
    [[0, 10, 20], 60, [[0, 0], [5, 5], [20, 20]], 20],
    // a day-long idle stretch counts as 60s
    [[0, 30, 86_400_030, 86_400_045], 60, [[30, 30], [43_200_030, 60], [86_400_030, 90], [86_400_045, 105]], 105],
    [[100], 60, [[50, 0], [100, 0], [200, 0]], 0],
  ])('compressTime %#', (times, cap, probes, span) => {
    const axis = compressTime(times, cap);
    expect(axis.span).toBe(span);
    for (const [t, want] of probes) expect(axis.at(t)).toBeCloseTo(want, 6);
  });

  it('places samples, syncs and the cursor on the plot', () => {
    const series: HpaSeries = {
      hpa: { name: 'web', namespace: 'default' }, min: 1, max: 5,
      samples: [
        { step: 3, time: 0, current: 0, desired: 0, replicas: 1, ready: 1 },
        { step: 9, time: 15_000, current: 1, desired: 4, replicas: 4, ready: 1 },
      ],
      syncs: [{ step: 9, time: 15_000, desired: 4, record: {
        namespace: 'default', name: 'web', time: 15_000, target: 'Deployment/web', minReplicas: 1, maxReplicas: 5,
        outcome: 'computed', currentReplicas: 1, desiredReplicas: 4, rescale: true,
      } }],
    };
    const frame = { width: 230, height: 120, margin: { left: 20, right: 10, top: 10, bottom: 10 } };
    const m = hpaChartModel(series, 30_000, frame);
    expect(m.plot).toEqual({ x0: 20, x1: 220, y0: 110, y1: 10 });
    expect(m.yTicks.map((t) => t.value)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(m.replicas).toBe('M20.0 90.0 H120.0 V30.0 H220.0');
    expect(m.ready).toBe('M20.0 90.0 H120.0 V90.0 H220.0');
    expect(m.syncs).toEqual([{ x: 120, y: 30, step: 9 }]);
    expect(m.cursorX).toBe(220);
    expect(m.max).toEqual({ value: 5, y: 10 });
    expect(m.min).toEqual({ value: 1, y: 90 });
  });
});
