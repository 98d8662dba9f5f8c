/**
 * Which scheduled time a CronJob sync acts on, and when it wakes next. Instants are absolute ms.
 * upstream: pkg/controller/cronjob/utils.go (mostRecentScheduleTime, nextScheduleTimeDuration,
 * nextScheduleTime)
 */
import type { CronSchedule } from './schedule';

/** upstream nextScheduleDelta: wake 100ms after the scheduled time (clock skew). */
export const NEXT_SCHEDULE_DELTA_MS = 100;
/** More missed schedules than this draw the TooManyMissedTimes warning. */
export const MAX_MISSED_SCHEDULES = 100;

export type Missed = 'none' | 'few' | 'many';

export interface MostRecent {
  /** lastScheduleTime, else the creation time (moved up to now − startingDeadlineSeconds when asked). */
  earliest: number;
  /** The latest scheduled time not after now, if one passed since `earliest`. */
  mostRecent?: number;
  missed: Missed;
  error?: string;
}

const goRoundSeconds = (ms: number) => Math.sign(ms) * Math.round(Math.abs(ms) / 1000);

export function mostRecentScheduleTime(earliestTime: number, now: number, schedule: CronSchedule,
  startingDeadlineSeconds?: number): MostRecent {
  let earliest = earliestTime;
  if (startingDeadlineSeconds !== undefined) earliest = Math.max(earliest, now - startingDeadlineSeconds * 1000);
  const t1 = schedule.next(earliest);
  if (t1 !== undefined && now < t1) return { earliest, missed: 'none' };
  const t2 = t1 === undefined ? undefined : schedule.next(t1);
  if (t2 !== undefined && now < t2) return { earliest, mostRecent: t1, missed: 'none' };
  // upstream: a schedule that never fires (Feb 31) has no second activation
  const between = t1 === undefined || t2 === undefined ? 0 : goRoundSeconds(t2 - t1);
  if (between < 1) return { earliest, missed: 'none', error: 'time difference between two schedules is less than 1 second' };
  const elapsed = Math.trunc((now - t1!) / 1000);
  const missedCount = Math.trunc(elapsed / between) + 1;
  // upstream: estimate a start just before the last missed time, and let the schedule find it
  const potentialEarliest = t1! + (missedCount - 2) * between * 1000;
  let mostRecent: number | undefined;
  for (let t = schedule.next(potentialEarliest); t !== undefined && t <= now; t = schedule.next(t)) mostRecent = t;
  const missed: Missed = missedCount > MAX_MISSED_SCHEDULES ? 'many' : missedCount > 0 ? 'few' : 'none';
  return { earliest, mostRecent, missed };
}

/** upstream nextScheduleTimeDuration: how long until 100ms after the next scheduled time. */
export function nextScheduleTimeDuration(earliestTime: number, now: number, schedule: CronSchedule): number | undefined {
  const r = mostRecentScheduleTime(earliestTime, now, schedule);
  let from: number;
  if (r.error !== undefined) from = now;
  else if (r.mostRecent !== undefined) from = r.mostRecent;
  else from = r.missed === 'none' ? r.earliest : now;
  const next = schedule.next(from);
  return next === undefined ? undefined : next + NEXT_SCHEDULE_DELTA_MS - now;
}
