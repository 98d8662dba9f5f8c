import { describe, expect, it } from 'vitest';
import { behaviorOf } from '../../../src/engine/controllers/podautoscaler/hpaSpec';
import {
  normalizeLegacy, normalizeWithBehavior, recordInitialRecommendation, storeScaleEvent, type NormalizeInput,
} from '../../../src/engine/controllers/podautoscaler/normalize';
import type { Behavior, ScaleHistory } from '../../../src/engine/controllers/podautoscaler/types';

const NOW = 3_600_000;
const s = (seconds: number) => NOW - seconds * 1000;
const history = (recs: [number, number][] = [], up: [number, number][] = [], down: [number, number][] = []): ScaleHistory => ({
  recommendations: recs.map(([replicas, ago]) => ({ replicas, time: s(ago) })),
  scaleUp: up.map(([change, ago]) => ({ change, time: s(ago), outdated: false })),
  scaleDown: down.map(([change, ago]) => ({ change, time: s(ago), outdated: false })),
});
const input = (current: number, proposal: number, h = history(), min = 1, max = 10): NormalizeInput =>
  ({ history: h, now: NOW, currentReplicas: current, proposal, minReplicas: min, maxReplicas: max });

describe('without behavior', () => {
  const cases: [string, NormalizeInput, number, string, string][] = [
    ['caps a scale-up at max(2 × current, 4)', input(1, 11), 4, 'ScaleUpLimit', 'True'],
    ['caps a scale-up at max(2 × current, 4) for larger counts', input(3, 9), 6, 'ScaleUpLimit', 'True'],
    ['caps at maxReplicas when that is lower', input(6, 11), 10, 'TooManyReplicas', 'True'],
    ['raises to minReplicas', input(3, 1, history(), 2), 2, 'TooFewReplicas', 'True'],
    ['passes a proposal within range', input(3, 5), 5, 'DesiredWithinRange', 'False'],
    ['holds a scale-down at the highest recommendation of the last 300s', input(5, 2, history([[5, 300], [4, 200]])), 5, 'DesiredWithinRange', 'False'],
    ['forgets recommendations older than 300s', input(5, 2, history([[5, 301], [4, 200]])), 4, 'DesiredWithinRange', 'False'],
  ];
  it.each(cases)('%s', (_name, i, desired, reason, status) => {
    const n = normalizeLegacy(i);
    expect([n.desired, n.limited.reason, n.limited.status]).toEqual([desired, reason, status]);
  });

  it('says ScaleDownStabilized when the window held it, and records the raw proposal', () => {
    const n = normalizeLegacy(input(5, 2, history([[5, 301], [4, 200]])));
    expect(n.ableToScale).toMatchObject({ reason: 'ScaleDownStabilized',
      message: 'recent recommendations were higher than current one, applying the highest recent recommendation' });
    // the old sample is replaced by the new one (upstream keeps the list bounded)
    expect(n.history.recommendations).toEqual([{ replicas: 2, time: NOW }, { replicas: 4, time: s(200) }]);
    expect(normalizeLegacy(input(3, 5)).ableToScale.reason).toBe('ReadyForNewScale');
  });

  it('remembers the current size at the first sync', () => {
    const h = recordInitialRecommendation(history(), 7, NOW);
    expect(h.recommendations).toEqual([{ replicas: 7, time: NOW }]);
    expect(recordInitialRecommendation(h, 2, NOW + 15_000)).toBe(h);
  });
});

const behavior = (raw: Parameters<typeof behaviorOf>[0]) => behaviorOf(raw) as Behavior;
const DEFAULT = behavior({});

describe('with behavior', () => {
  const cases: [string, NormalizeInput, Behavior, number, string][] = [
    ['default scale-up: max(4 pods, 100%) per 15s', input(3, 11), DEFAULT, 7, 'ScaleUpLimit'],
    ['default scale-up for a larger count (100% wins)', input(6, 20, history(), 1, 20), DEFAULT, 12, 'ScaleUpLimit'],
    ['the period starts before earlier scale-ups', input(5, 11, history([], [[2, 10]])), DEFAULT, 7, 'ScaleUpLimit'],
    ['scale-ups older than the period no longer count', input(5, 11, history([], [[2, 15]]), 1, 20), DEFAULT, 10, 'ScaleUpLimit'],
    ['selectPolicy Min takes the smaller allowance',
      input(3, 11), behavior({ scaleUp: { selectPolicy: 'Min', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] } }), 6, 'ScaleUpLimit'],
    ['selectPolicy Disabled never scales up', input(3, 11), behavior({ scaleUp: { selectPolicy: 'Disabled' } }), 3, 'ScaleUpLimit'],
    ['maxReplicas below the policy allowance', input(8, 30), DEFAULT, 10, 'TooManyReplicas'],
    ['default scale-down: the 300s window holds it', input(5, 1, history([[5, 100]])), DEFAULT, 5, 'DesiredWithinRange'],
    ['a Pods policy limits the scale-down',
      input(5, 1), behavior({ scaleDown: { stabilizationWindowSeconds: 0, policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] } }), 4, 'ScaleDownLimit'],
    ['a Percent policy rounds the scale-down count down',
      input(5, 1), behavior({ scaleDown: { stabilizationWindowSeconds: 0, policies: [{ type: 'Percent', value: 50, periodSeconds: 60 }] } }), 2, 'ScaleDownLimit'],
    ['scale-downs within the period use up the allowance',
      input(4, 1, history([], [], [[1, 30]])), behavior({ scaleDown: { stabilizationWindowSeconds: 0, policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] } }), 4, 'ScaleDownLimit'],
    ['minReplicas above the policy allowance',
      input(5, 1, history(), 3), behavior({ scaleDown: { stabilizationWindowSeconds: 0 } }), 3, 'TooFewReplicas'],
  ];
  it.each(cases)('%s', (_name, i, b, desired, reason) => {
    const n = normalizeWithBehavior(i, b);
    expect([n.desired, n.limited.reason]).toEqual([desired, reason]);
  });

  it('a scale-up stabilization window applies the lowest recent recommendation', () => {
    const b = behavior({ scaleUp: { stabilizationWindowSeconds: 60 } });
    const n = normalizeWithBehavior(input(3, 8, history([[4, 30], [9, 20]])), b);
    expect([n.stabilized, n.desired, n.ableToScale.reason]).toEqual([4, 4, 'ScaleUpStabilized']);
    expect(n.ableToScale.message).toBe('recent recommendations were lower than current one, applying the lowest recent recommendation');
  });

  it('explains the policy arithmetic', () => {
    const n = normalizeWithBehavior(input(5, 11, history([], [[2, 10]])), DEFAULT);
    expect(n.rate).toMatchObject({ kind: 'policies', direction: 'up', select: 'Max', limit: 7, proposals: [
      { type: 'Pods', value: 4, periodSeconds: 15, periodStart: 3, proposed: 7 },
      { type: 'Percent', value: 100, periodSeconds: 15, periodStart: 3, proposed: 6 }] });
  });
});

describe('storeScaleEvent', () => {
  it('stores nothing without behavior', () => {
    const h = history();
    expect(storeScaleEvent(h, undefined, NOW, 1, 4)).toBe(h);
  });

  it('reuses the slot of an event older than the longest policy period', () => {
    const h = storeScaleEvent(history([], [[3, 100], [1, 5]]), DEFAULT, NOW, 4, 6);
    expect(h.scaleUp).toEqual([{ change: 2, time: NOW, outdated: false }, { change: 1, time: s(5), outdated: false }]);
    const down = storeScaleEvent(h, DEFAULT, NOW, 6, 2);
    expect(down.scaleDown).toEqual([{ change: 4, time: NOW, outdated: false }]);
  });
});
