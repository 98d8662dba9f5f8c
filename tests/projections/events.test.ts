import { describe, expect, it } from 'vitest';
import { eventAge, eventRows, eventsFor, sortEvents, type EventObject } from '../../src/projections/events';
import { at, event, podEvents, runningPod } from './fixtures';

describe('event aggregation text', () => {
  it.each([
    ['a single Event shows its age', 1, 10, 10, 40, '30s'],
    ['a repeated Event shows last seen, count and the age of the first', 3, 0, 30, 40, '10s (x3 over 40s)'],
    ['long spans use kubectl durations', 12, 0, 230, 244, '14s (x12 over 4m4s)'],
    ['past ten minutes the seconds drop', 40, 0, 600, 900, '5m (x40 over 15m)'],
  ])('%s', (_name, count, first, last, now, text) => {
    const e = event('x', 'BackOff', 'Back-off restarting failed container', first, last, count) as EventObject;
    expect(eventAge(e, at(now))).toBe(text);
  });

  it('prefers the series when there is one (events.k8s.io style)', () => {
    const e = { ...event('x', 'R', 'm', 0, 0, 1), eventTime: '2025-01-01T09:00:00.000000Z',
      series: { count: 5, lastObservedTime: '2025-01-01T09:00:30.000000Z' } } as EventObject;
    expect(eventAge(e, at(40))).toBe('10s (x5 over 40s)');
  });
});

describe('the Events of one object', () => {
  it('matches kind, name, namespace and uid, and sorts by last seen', () => {
    const mine = eventsFor(runningPod, podEvents);
    expect(mine.map((e) => e.metadata.name)).toEqual(['e1', 'e2', 'e3', 'e4', 'e5', 'e6']);
    const shuffled = [mine[5], mine[0], mine[3]];
    expect(sortEvents(shuffled).map((e) => e.metadata.name)).toEqual(['e1', 'e4', 'e6']);
  });

  it('gives table rows with type, reason, age, source and message', () => {
    const rows = eventRows(runningPod, podEvents, at(64));
    expect(rows[5]).toMatchObject({
      type: 'Warning', reason: 'Unhealthy', age: '14s (x3 over 54s)', from: 'kubelet', count: 3,
      message: 'Readiness probe failed: HTTP probe failed with statuscode: 503',
    });
    expect(rows[0]).toMatchObject({ from: 'default-scheduler', age: '63s', count: 1 });
  });
});
