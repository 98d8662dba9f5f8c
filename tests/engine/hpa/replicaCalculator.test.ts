import { describe, expect, it } from 'vitest';
import { calculateReplicas, type CalcInput } from '../../../src/engine/controllers/podautoscaler/replicaCalculator';
import { calculatePodRequests, groupPods } from '../../../src/engine/controllers/podautoscaler/podGroups';
import { MIN, metrics, pod } from './fixtures';

const NOW = 20 * MIN;
/** Pods started long ago and Ready ever since: only the formula matters. */
const settled = (...names: string[]) => names.map((n) => pod(n));

function cpu(pods: ReturnType<typeof pod>[], usage: Record<string, number>, currentReplicas = pods.length, target = 50): CalcInput {
  return { currentReplicas, target, mode: 'Utilization', resource: 'cpu', pods, metrics: metrics(usage, NOW), now: NOW };
}

describe('replica formula (100m requested per Pod, target 50%)', () => {
  const cases: [string, CalcInput, number, string][] = [
    ['scales up by ceil(ready × ratio)', cpu(settled('a', 'b', 'c'), { a: 90, b: 90, c: 90 }), 6, 'formula'],
    ['stays within the 0.1 tolerance', cpu(settled('a', 'b', 'c'), { a: 52, b: 52, c: 52 }), 3, 'tolerance'],
    // upstream float arithmetic: |1 − 55/50| = 0.10000000000000009 is outside, |1 − 45/50| = 0.0999… inside
    ['55% of 50% is just outside the tolerance', cpu(settled('a', 'b', 'c'), { a: 55, b: 55, c: 55 }), 4, 'formula'],
    ['45% of 50% is just inside the tolerance', cpu(settled('a', 'b', 'c'), { a: 45, b: 45, c: 45 }), 3, 'tolerance'],
    ['scales down', cpu(settled('a', 'b', 'c'), { a: 10, b: 10, c: 10 }), 1, 'formula'],
    ['utilization is an integer percent (33.3% → 33%)', cpu(settled('a', 'b', 'c'), { a: 33, b: 33, c: 34 }, 3), 2, 'formula'],
    ['a Pending Pod counts as idle on a scale-up',
      cpu([pod('a'), pod('b'), pod('p', { phase: 'Pending' })], { a: 90, b: 90 }), 4, 'second-pass'],
    ['a Pending Pod is left out on a scale-down',
      cpu([pod('a'), pod('b'), pod('p', { phase: 'Pending' })], { a: 10, b: 10 }), 1, 'formula'],
    ['a Pod without metrics counts as idle on a scale-up', cpu(settled('a', 'b', 'm'), { a: 90, b: 90 }), 4, 'second-pass'],
    ['a Pod without metrics counts as its whole request on a scale-down',
      cpu(settled('a', 'b', 'c', 'm'), { a: 10, b: 10, c: 10 }), 3, 'second-pass'],
    ['no change when counting the unready Pods reverses the direction',
      cpu([pod('a'), pod('p', { phase: 'Pending' }), pod('q', { phase: 'Pending' }), pod('r', { phase: 'Pending' })], { a: 60 }, 4), 4, 'second-pass-flip'],
    ['Pods being deleted and Failed Pods are ignored',
      cpu([pod('a'), pod('b'), pod('d', { deleting: true }), pod('f', { phase: 'Failed' })], { a: 90, b: 90, d: 500, f: 500 }, 4), 4, 'formula'],
  ];
  it.each(cases)('%s', (_name, input, replicas, step) => {
    const r = calculateReplicas(input);
    expect(r.ok && { replicas: r.calc.replicas, step: r.calc.step }).toEqual({ replicas, step });
  });

  it('keeps every number of the calculation', () => {
    const r = calculateReplicas(cpu([pod('a'), pod('b'), pod('p', { phase: 'Pending' })], { a: 90, b: 91 }));
    expect(r.ok && r.calc).toMatchObject({
      measured: 2, usage: 181, requests: 200, current: 90, average: 90, ratio: 1.8,
      groups: { readyCount: 2, unready: ['p'], missing: [], ignored: [] },
      second: { pods: 3, current: 60, unreadyAsZero: true, missingAs: 'none' }, replicas: 4,
    });
  });

  it('averages raw values for an AverageValue target', () => {
    const Mi = 1024 * 1024 * 1000;
    const r = calculateReplicas({ currentReplicas: 2, target: 100 * Mi, mode: 'AverageValue', resource: 'memory',
      pods: settled('a', 'b'), metrics: metrics({ a: 120 * Mi, b: 120 * Mi }, NOW), now: NOW });
    expect(r.ok && { replicas: r.calc.replicas, current: r.calc.current }).toEqual({ replicas: 3, current: 120 * Mi });
  });

  const errors: [string, CalcInput, string][] = [
    ['no Pods', cpu([], {}), 'no pods returned by selector while calculating replica count'],
    ['only unready Pods', cpu([pod('p', { phase: 'Pending' })], {}), 'did not receive metrics for targeted pods (pods might be unready)'],
    ['a container without a request', cpu([pod('web-x', { noRequests: true })], { 'web-x': 50 }), 'missing request for cpu in container app of Pod web-x'],
  ];
  it.each(errors)('fails with %s', (_name, input, error) => {
    expect(calculateReplicas(input)).toEqual({ ok: false, error });
  });
});

describe('groupPods: when a cpu sample is trusted', () => {
  const cases: [string, ReturnType<typeof pod>, number, boolean][] = [
    // within 5 minutes of start: Ready, and sampled a whole window (15s) after becoming Ready
    ['young, Ready 10s ago', pod('x', { start: NOW - MIN, readyAt: NOW - 10_000 }), NOW, true],
    ['young, Ready 15s before the sample', pod('x', { start: NOW - MIN, readyAt: NOW - 15_000 }), NOW, false],
    ['young, not Ready', pod('x', { start: NOW - MIN, ready: 'False', readyAt: NOW - MIN }), NOW, true],
    // after 5 minutes: only an unready Pod that never became Ready within 30s of start is left out
    ['old, not Ready since 10s after start', pod('x', { start: NOW - 10 * MIN, ready: 'False', readyAt: NOW - 10 * MIN + 10_000 }), NOW, true],
    ['old, turned unready later', pod('x', { start: NOW - 10 * MIN, ready: 'False', readyAt: NOW - 5 * MIN }), NOW, false],
  ];
  it.each(cases)('%s', (_name, p, sampledAt, unready) => {
    const g = groupPods([p], metrics({ x: 50 }, sampledAt), 'cpu', NOW);
    expect(g.unready.length === 1).toBe(unready);
  });

  it('applies the readiness rules to cpu only', () => {
    const young = pod('x', { start: NOW - MIN, ready: 'False', readyAt: NOW - MIN });
    expect(groupPods([young], metrics({ x: 50 }, NOW), 'memory', NOW).readyCount).toBe(1);
  });
});

describe('calculatePodRequests', () => {
  it('adds sidecars (restartable init containers) to the Pod request', () => {
    const r = calculatePodRequests([pod('a', { requests: { cpu: '50m' }, sidecarRequests: { cpu: '0.05' } })], undefined, 'cpu');
    expect(r.ok && r.requests.get('a')).toBe(100);
  });

  it('reads one container for a ContainerResource metric', () => {
    const r = calculatePodRequests([pod('a', { requests: { cpu: '50m' }, sidecarRequests: { cpu: '250m' } })], 'proxy', 'cpu');
    expect(r.ok && r.requests.get('a')).toBe(250);
  });

  it('counts memory requests in milli-bytes (MilliValue)', () => {
    const r = calculatePodRequests([pod('a', { requests: { memory: '1Mi' } })], undefined, 'memory');
    expect(r.ok && r.requests.get('a')).toBe(1024 * 1024 * 1000);
  });
});
