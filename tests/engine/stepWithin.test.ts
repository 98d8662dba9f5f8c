import { describe, expect, it } from 'vitest';
import { STEP_HORIZON_MS, type Cluster } from '../../src/engine/api';
import { createCluster } from '../../src/engine/index';
import { HOURLY_CRONJOB, HPA_STEADY, MINUTE } from '../store/quietFixtures';

/** Steps with `options` until step() reports nothing; the number of Steps returned. */
function drain(c: Cluster, options?: { withinMs?: number }): number {
  let n = 0;
  while (c.step(options)) n++;
  return n;
}

/** An HPA cluster settled: every Step the apply causes has been returned. */
function settledHpa(): Cluster {
  const c = createCluster();
  expect(c.apply(HPA_STEADY).ok).toBe(true);
  drain(c, { withinMs: 15 * MINUTE });
  return c;
}

describe('step({ withinMs })', () => {
  it('leaves the clock at most withinMs ahead when nothing happens (an HPA at steady state)', () => {
    const c = settledHpa();
    expect(c.nextActionTime()).toBeDefined(); // the HPA still syncs every 15 s
    for (const within of [0, 1_000, 15 * MINUTE, 2 * 60 * MINUTE]) {
      const from = c.now;
      const steps = c.steps.length;
      expect(c.step({ withinMs: within })).toBeUndefined();
      expect(c.steps).toHaveLength(steps);
      expect(c.now).toBeGreaterThanOrEqual(from);
      expect(c.now).toBeLessThanOrEqual(from + within);
      expect(c.nextActionTime()!).toBeGreaterThan(from + within); // every timer within the window ran
    }
  });

  it('finds a Step inside the window, and none before it', () => {
    const c = createCluster();
    c.apply(HOURLY_CRONJOB);
    drain(c, { withinMs: 15 * MINUTE });
    const from = c.now;
    expect(from).toBeLessThan(60 * MINUTE - 15 * MINUTE);
    expect(c.step({ withinMs: 60 * MINUTE - from })).toBeUndefined(); // the run is due at 1:00:00.1
    expect(c.now).toBeLessThan(60 * MINUTE);
    const step = c.step({ withinMs: 61 * MINUTE - c.now });
    expect(step).toMatchObject({ actor: 'cronjob-controller' });
    expect(step!.time).toBeGreaterThanOrEqual(60 * MINUTE);
    expect(step!.time).toBeLessThan(61 * MINUTE);
  });

  it('returns Steps already recorded whatever the window', () => {
    const c = createCluster();
    c.apply(HPA_STEADY);
    const recorded = c.steps.length;
    // the apply recorded Steps step() has not handed out; a zero window still hands them out in order
    const first = c.step({ withinMs: 0 });
    expect(first?.index).toBeLessThan(recorded + 1);
  });

  it('keeps the default of a day: the clock runs on a whole day when only quiet timers remain', () => {
    expect(STEP_HORIZON_MS).toBe(24 * 60 * MINUTE);
    const a = settledHpa();
    const b = settledHpa();
    const from = a.now;
    expect(a.step()).toBeUndefined();
    expect(b.step({ withinMs: STEP_HORIZON_MS })).toBeUndefined();
    expect(a.now).toBeGreaterThan(from + STEP_HORIZON_MS - 15_000);
    expect(a.now).toBeLessThanOrEqual(from + STEP_HORIZON_MS);
    expect(b.now).toBe(a.now);
    expect(b.steps.map((s) => [s.time, s.actor, s.message])).toEqual(a.steps.map((s) => [s.time, s.actor, s.message]));
  });

  it('an hourly CronJob is one default step away, though not within 15 minutes', () => {
    const c = createCluster();
    c.apply(HOURLY_CRONJOB);
    drain(c, { withinMs: 15 * MINUTE });
    const step = c.step();
    expect(step).toMatchObject({ actor: 'cronjob-controller' });
    expect(Math.floor(step!.time / MINUTE)).toBe(60);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses withinMs %s', (within) => {
    const c = createCluster();
    expect(() => c.step({ withinMs: within })).toThrow(RangeError);
  });
});
