import { describe, expect, it } from 'vitest';
import { formatVirtualTime, humanDuration, rfc1123z, since } from '../../src/projections/time';

describe('humanDuration (kubectl ages)', () => {
  it.each([
    [0, '0s'], [-1500, '0s'], [-2500, '<invalid>'], [999, '0s'], [12_400, '12s'], [119_000, '119s'],
    [120_000, '2m'], [184_000, '3m4s'], [599_000, '9m59s'], [600_000, '10m'], [179 * 60_000, '179m'],
    [3 * 3600_000, '3h'], [(3 * 60 + 5) * 60_000, '3h5m'], [8 * 3600_000, '8h'], [47 * 3600_000, '47h'],
    [48 * 3600_000, '2d'], [(3 * 24 + 4) * 3600_000, '3d4h'], [8 * 24 * 3600_000, '8d'],
    [730 * 24 * 3600_000, '2y'], [(731 * 24) * 3600_000, '2y1d'], [9 * 365 * 24 * 3600_000, '9y'],
  ])('%d ms → %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});

describe('timestamps', () => {
  it('ages a timestamp at a moment and marks missing ones unknown', () => {
    const now = Date.UTC(2025, 0, 1, 9, 3, 4);
    expect(since('2025-01-01T09:00:00Z', now)).toBe('3m4s');
    expect(since(undefined, now)).toBe('<unknown>');
  });

  it('prints RFC 1123Z like Go', () => {
    expect(rfc1123z('2025-01-01T09:00:05Z')).toBe('Wed, 01 Jan 2025 09:00:05 +0000');
    expect(rfc1123z('2024-02-29T23:59:59Z')).toBe('Thu, 29 Feb 2024 23:59:59 +0000');
  });

  it.each([[0, '0.0s'], [12_449, '12.4s'], [59_999, '59.9s'], [64_200, '1m 04.2s'], [3_725_000, '1h 02m 05.0s']])(
    'virtual clock %d ms → t = %s', (ms, text) => {
      expect(formatVirtualTime(ms)).toBe(text);
    });
});
