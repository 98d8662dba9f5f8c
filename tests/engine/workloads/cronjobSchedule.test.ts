import { describe, expect, it } from 'vitest';
import { mostRecentScheduleTime, nextScheduleTimeDuration } from '../../../src/engine/controllers/cronjob/mostRecent';
import { parseCronSchedule, type CronSchedule } from '../../../src/engine/controllers/cronjob/schedule';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString().replace('.000Z', 'Z'));
function schedule(text: string): CronSchedule {
  const parsed = parseCronSchedule(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.schedule;
}

describe('cron schedule: next activation (robfig/cron semantics)', () => {
  it.each([
    ['*/5 * * * *', '2025-01-01T09:02:30Z', '2025-01-01T09:05:00Z'],
    ['*/5 * * * *', '2025-01-01T09:05:00Z', '2025-01-01T09:10:00Z'],
    ['0 * * * *', '2025-01-01T09:00:00.500Z', '2025-01-01T10:00:00Z'],
    ['10-20/5 * * * *', '2025-01-01T09:16:00Z', '2025-01-01T09:20:00Z'],
    ['10-20/5 * * * *', '2025-01-01T09:21:00Z', '2025-01-01T10:10:00Z'],
    ['0,30 9-17 * * *', '2025-01-01T17:30:00Z', '2025-01-02T09:00:00Z'],
    ['30 2 * * 1-5', '2025-01-01T09:00:00Z', '2025-01-02T02:30:00Z'],
    ['0 0 * * sun', '2025-01-01T09:00:00Z', '2025-01-05T00:00:00Z'],
    ['0 0 * JAN,feb MON', '2025-01-28T00:00:00Z', '2025-02-03T00:00:00Z'],
    ['0 0 1 * *', '2025-01-01T09:00:00Z', '2025-02-01T00:00:00Z'],
    ['0 0 13 * *', '2025-01-01T09:00:00Z', '2025-01-13T00:00:00Z'],
    // both day fields restricted: either one matching is enough (Friday the 3rd comes first)
    ['0 0 13 * 5', '2025-01-01T09:00:00Z', '2025-01-03T00:00:00Z'],
    // a star day-of-week (or day-of-month) makes them combine with AND
    ['0 0 13 * ?', '2025-01-01T09:00:00Z', '2025-01-13T00:00:00Z'],
    ['0 0 29 2 *', '2025-01-01T09:00:00Z', '2028-02-29T00:00:00Z'],
    ['@hourly', '2025-01-01T09:00:00Z', '2025-01-01T10:00:00Z'],
    ['@daily', '2025-01-01T09:00:00Z', '2025-01-02T00:00:00Z'],
    ['@midnight', '2025-01-01T09:00:00Z', '2025-01-02T00:00:00Z'],
    ['@weekly', '2025-01-01T09:00:00Z', '2025-01-05T00:00:00Z'],
    ['@monthly', '2025-01-01T09:00:00Z', '2025-02-01T00:00:00Z'],
    ['@yearly', '2025-01-01T09:00:00Z', '2026-01-01T00:00:00Z'],
    ['@annually', '2025-01-01T09:00:00Z', '2026-01-01T00:00:00Z'],
    ['@every 90m', '2025-01-01T09:00:00.700Z', '2025-01-01T10:30:00Z'],
    ['@every 1.5s', '2025-01-01T09:00:00Z', '2025-01-01T09:00:01Z'],
    ['TZ=Europe/Paris 0 9 * * *', '2025-01-01T09:00:00Z', '2025-01-02T08:00:00Z'],
    ['CRON_TZ=Asia/Kolkata 30 15 * * *', '2025-01-01T09:00:00Z', '2025-01-01T10:00:00Z'],
    ['TZ=UTC 0 9 * * *', '2025-01-01T09:00:00Z', '2025-01-02T09:00:00Z'],
    // spring forward: 02:30 does not exist on 9 March in New York, so that day is skipped
    ['TZ=America/New_York 30 2 * * *', '2025-03-08T12:00:00Z', '2025-03-10T06:30:00Z'],
    // fall back: 01:30 happens twice on 2 November, and so does the run
    ['TZ=America/New_York 30 1 * * *', '2025-11-02T04:00:00Z', '2025-11-02T05:30:00Z'],
    ['TZ=America/New_York 30 1 * * *', '2025-11-02T05:30:00Z', '2025-11-02T06:30:00Z'],
    ['TZ=America/New_York 30 1 * * *', '2025-11-02T06:30:00Z', '2025-11-03T06:30:00Z'],
  ])('%s after %s is %s', (text, from, expected) => {
    expect(iso(schedule(text).next(at(from)))).toBe(expected);
  });

  it('has no activation for a day that never exists', () => {
    expect(schedule('0 0 31 2 *').next(at('2025-01-01T00:00:00Z'))).toBeUndefined();
  });

  it.each([
    ['', 'empty spec string'],
    ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
    ['60 * * * *', 'end of range (60) above maximum (59): 60'],
    ['* 5-2 * * *', 'beginning of range (5) beyond end of range (2): 5-2'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['* * 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['* * * foo *', 'failed to parse int from foo: strconv.Atoi: parsing "foo": invalid syntax'],
    ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
    ['*/2/3 * * * *', 'too many slashes: */2/3'],
    ['@fortnightly', 'unrecognized descriptor: @fortnightly'],
    ['@every soon', 'failed to parse duration @every soon: time: invalid duration "soon"'],
    ['TZ=Mars/Olympus 0 * * * *', 'provided bad location Mars/Olympus: unknown time zone Mars/Olympus'],
  ])('rejects %j: %s', (text, error) => {
    expect(parseCronSchedule(text)).toEqual({ ok: false, error });
  });
});

describe('most recent unmet schedule time', () => {
  const every5 = schedule('*/5 * * * *');
  const created = at('2025-01-01T09:00:00Z');
  it.each([
    ['09:04:59', undefined, 'none'],
    ['09:05:00.100', '2025-01-01T09:05:00Z', 'none'],
    ['09:17:00', '2025-01-01T09:15:00Z', 'few'],
  ])('created 09:00, now %s', (now, mostRecent, missed) => {
    const r = mostRecentScheduleTime(created, at(`2025-01-01T${now}Z`), every5);
    expect(iso(r.mostRecent)).toBe(mostRecent);
    expect(r.missed).toBe(missed);
  });

  it('reports more than 100 missed times as many', () => {
    const r = mostRecentScheduleTime(created, at('2025-01-01T11:00:30Z'), schedule('* * * * *'));
    expect(r.missed).toBe('many');
    expect(iso(r.mostRecent)).toBe('2025-01-01T11:00:00Z');
  });

  it('looks back no further than startingDeadlineSeconds', () => {
    const r = mostRecentScheduleTime(created, at('2025-01-01T11:00:30Z'), schedule('0 * * * *'), 60);
    expect(iso(r.mostRecent)).toBe('2025-01-01T11:00:00Z');
    expect(mostRecentScheduleTime(created, at('2025-01-01T11:02:00Z'), schedule('0 * * * *'), 60).mostRecent).toBeUndefined();
  });

  it('errors on a schedule without a second activation', () => {
    expect(mostRecentScheduleTime(created, at('2025-06-01T00:00:00Z'), schedule('0 0 31 2 *')).error)
      .toBe('time difference between two schedules is less than 1 second');
  });

  it.each([
    ['2025-01-01T09:00:00Z', '2025-01-01T09:02:00Z', 180_100],
    ['2025-01-01T09:05:00Z', '2025-01-01T09:05:00.100Z', 300_000],
    ['2025-01-01T09:05:00Z', '2025-01-01T09:17:00Z', 180_100],
  ])('from %s at %s the next wake-up is in %i ms', (earliest, now, delay) => {
    expect(nextScheduleTimeDuration(at(earliest), at(now), every5)).toBe(delay);
  });
});
