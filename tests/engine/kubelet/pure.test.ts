import { describe, expect, it } from 'vitest';
import { backoffEndSince, backoffEndSinceUpdate, nextBackoff, type BackoffEntry } from '../../../src/engine/kubelet/backoff';
import { formatGoDuration, humanDuration } from '../../../src/engine/kubelet/goDuration';
import { allocatePodIP } from '../../../src/engine/kubelet/ipam';

describe('formatGoDuration (Go time.Duration.String)', () => {
  it.each([
    [0, '0s'], [512, '512ms'], [1000, '1s'], [2345, '2.345s'], [10_000, '10s'], [80_000, '1m20s'],
    [160_000, '2m40s'], [300_000, '5m0s'], [62_500, '1m2.5s'], [3_600_000, '1h0m0s'], [3_723_400, '1h2m3.4s'],
  ])('%i ms → %s', (ms, text) => expect(formatGoDuration(ms)).toBe(text));
});

describe('humanDuration (kubectl AGE)', () => {
  it.each([
    [0, '0s'], [59_000, '59s'], [119_999, '119s'], [120_000, '2m'], [185_000, '3m5s'], [600_000, '10m'],
    [179 * 60_000, '179m'], [3 * 3_600_000, '3h'], [3 * 3_600_000 + 5 * 60_000, '3h5m'], [47 * 3_600_000, '47h'],
    [50 * 3_600_000, '2d2h'], [10 * 86_400_000, '10d'], [-1500, '0s'], [-5000, '<invalid>'],
  ])('%i ms → %s', (ms, text) => expect(humanDuration(ms)).toBe(text));
});

describe('restart back-off (flowcontrol.Backoff without jitter)', () => {
  it('restarts the first time at once, then waits 10s, 20s, 40s, 80s, 160s, 300s, 300s', () => {
    let entry: BackoffEntry | undefined;
    let now = 0;
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      const finishedAt = now + 1000; // each run lasts 1s
      now = finishedAt;
      const end = backoffEndSince(entry, finishedAt, now);
      waits.push(end === undefined ? 0 : end - finishedAt);
      now = end ?? now;
      entry = nextBackoff(entry, finishedAt, now);
    }
    expect(waits).toEqual([0, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]);
  });

  it('forgets the back-off once the container ran for more than 10 minutes', () => {
    const entry: BackoffEntry = { backoffMs: 160_000, lastUpdate: 0 };
    expect(backoffEndSince(entry, 600_000, 600_000)).toBe(760_000);
    expect(backoffEndSince(entry, 600_001, 600_001)).toBeUndefined();
    expect(nextBackoff(entry, 600_001, 600_001)).toEqual({ backoffMs: 10_000, lastUpdate: 600_001 });
  });

  it('measures the image-pull back-off from the last failed pull', () => {
    const entry: BackoffEntry = { backoffMs: 20_000, lastUpdate: 5_000 };
    expect(backoffEndSinceUpdate(entry, 10_000)).toBe(25_000);
    expect(backoffEndSinceUpdate(entry, 25_000)).toBeUndefined();
    expect(backoffEndSinceUpdate(undefined, 0)).toBeUndefined();
  });
});

describe('host-local pod IPs', () => {
  it.each([
    ['first address is .2', '10.244.1.0/24', undefined, [], '10.244.1.2'],
    ['sequential after the last reserved', '10.244.1.0/24', '10.244.1.2', [], '10.244.1.3'],
    ['a released address is not reused before wrapping', '10.244.1.0/24', '10.244.1.5', ['10.244.1.3'], '10.244.1.6'],
    ['skips addresses in use', '10.244.1.0/24', '10.244.1.2', ['10.244.1.3', '10.244.1.4'], '10.244.1.5'],
    ['wraps past the broadcast address', '10.244.1.0/24', '10.244.1.254', ['10.244.1.2'], '10.244.1.3'],
    ['a /30 has one usable pod address', '10.0.0.0/30', undefined, [], '10.0.0.2'],
  ])('%s', (_name, cidr, last, inUse, expected) => {
    expect(allocatePodIP(cidr, last, new Set(inUse))).toBe(expected);
  });

  it('reports an exhausted range', () => {
    expect(allocatePodIP('10.0.0.0/30', undefined, new Set(['10.0.0.2']))).toBeUndefined();
  });
});
