/**
 * Cron schedules as the CronJob controller evaluates them: robfig/cron/v3's ParseStandard (five
 * fields, `@hourly`-style descriptors, `@every <duration>`, an optional `TZ=`/`CRON_TZ=` prefix)
 * and its Next(), which walks month → day → hour → minute → second in the schedule's zone.
 * Instants are absolute ms since the Unix epoch.
 * upstream: github.com/robfig/cron/v3 (parser.go, spec.go, constantdelay.go)
 */
import { allOf, BOUNDS, CronParseError, only, parseField, type FieldBits } from './cronFields';
import { parseGoDuration } from './goDuration';
import { loadLocation, UTC, wallTime, zoneDate, type WallTime, type Zone } from './zone';

export interface CronSchedule {
  /** The first activation strictly after `ms`, or undefined when none comes within five years. */
  next(ms: number): number | undefined;
}

export type ParsedSchedule = { ok: true; schedule: CronSchedule } | { ok: false; error: string };

interface SpecFields { second: FieldBits; minute: FieldBits; hour: FieldBits; dom: FieldBits; month: FieldBits; dow: FieldBits }

const mod = (a: number, b: number) => ((a % b) + b) % b;

/** upstream dayMatches: with a star in either day field both must match, otherwise either. */
function dayMatches(s: SpecFields, w: WallTime): boolean {
  const dom = !!s.dom.values[w.day];
  const dow = !!s.dow.values[w.weekday];
  return s.dom.star || s.dow.star ? dom && dow : dom || dow;
}

/** upstream SpecSchedule.Next, step for step (including its DST adjustments). */
function specNext(s: SpecFields, zone: Zone, from: number): number | undefined {
  let t = from - mod(from, 1000) + 1000;
  let added = false;
  const yearLimit = wallTime(zone, t).year + 5;
  const addDate = (months: number, days: number) => {
    const w = wallTime(zone, t);
    t = zoneDate(zone, w.year, w.month + months, w.day + days, w.hour, w.minute, w.second);
  };
  wrap: for (;;) {
    let w = wallTime(zone, t);
    if (w.year > yearLimit) return undefined;
    while (!s.month.values[w.month]) {
      if (!added) {
        added = true;
        t = zoneDate(zone, w.year, w.month, 1, 0, 0, 0);
      }
      addDate(1, 0);
      w = wallTime(zone, t);
      if (w.month === 1) continue wrap;
    }
    while (!dayMatches(s, w)) {
      if (!added) {
        added = true;
        t = zoneDate(zone, w.year, w.month, w.day, 0, 0, 0);
      }
      addDate(0, 1);
      w = wallTime(zone, t);
      // upstream: midnight may not exist (DST); nudge back to a midnight
      if (w.hour !== 0) t += (w.hour > 12 ? 24 - w.hour : -w.hour) * 3_600_000;
      w = wallTime(zone, t);
      if (w.day === 1) continue wrap;
    }
    while (!s.hour.values[w.hour]) {
      if (!added) {
        added = true;
        t = zoneDate(zone, w.year, w.month, w.day, w.hour, 0, 0);
      }
      t += 3_600_000;
      w = wallTime(zone, t);
      if (w.hour === 0) continue wrap;
    }
    while (!s.minute.values[w.minute]) {
      if (!added) {
        added = true;
        t -= mod(t, 60_000);
      }
      t += 60_000;
      w = wallTime(zone, t);
      if (w.minute === 0) continue wrap;
    }
    while (!s.second.values[w.second]) {
      if (!added) {
        added = true;
        t -= mod(t, 1000);
      }
      t += 1000;
      w = wallTime(zone, t);
      if (w.second === 0) continue wrap;
    }
    return t;
  }
}

const spec = (fields: SpecFields, zone: Zone): CronSchedule => ({ next: (ms) => specNext(fields, zone, ms) });

function descriptor(text: string, zone: Zone): CronSchedule {
  const zero = { second: only(0), minute: only(0) };
  switch (text) {
    case '@yearly':
    case '@annually':
      return spec({ ...zero, hour: only(0), dom: only(1), month: only(1), dow: allOf(BOUNDS.dow) }, zone);
    case '@monthly':
      return spec({ ...zero, hour: only(0), dom: only(1), month: allOf(BOUNDS.month), dow: allOf(BOUNDS.dow) }, zone);
    case '@weekly':
      return spec({ ...zero, hour: only(0), dom: allOf(BOUNDS.dom), month: allOf(BOUNDS.month), dow: only(0) }, zone);
    case '@daily':
    case '@midnight':
      return spec({ ...zero, hour: only(0), dom: allOf(BOUNDS.dom), month: allOf(BOUNDS.month), dow: allOf(BOUNDS.dow) }, zone);
    case '@hourly':
      return spec({ ...zero, hour: allOf(BOUNDS.hour), dom: allOf(BOUNDS.dom), month: allOf(BOUNDS.month), dow: allOf(BOUNDS.dow) }, zone);
  }
  if (text.startsWith('@every ')) {
    const parsed = parseGoDuration(text.slice('@every '.length));
    if (parsed.error !== undefined) throw new CronParseError(`failed to parse duration ${text}: ${parsed.error}`);
    // upstream Every: at least a second, truncated to whole seconds; Next ignores sub-second parts of t
    const every = Math.max(parsed.ms, 1000);
    const delay = every - mod(every, 1000);
    return { next: (ms) => ms - mod(ms, 1000) + delay };
  }
  throw new CronParseError(`unrecognized descriptor: ${text}`);
}

/**
 * robfig ParseStandard. Without a TZ= prefix the schedule runs in the controller's zone (UTC).
 * Error texts are robfig's, as the CronJob controller's events quote them.
 */
export function parseCronSchedule(text: string): ParsedSchedule {
  try {
    if (text.length === 0) throw new CronParseError('empty spec string');
    let rest = text;
    let zone = UTC;
    if (rest.startsWith('TZ=') || rest.startsWith('CRON_TZ=')) {
      const space = rest.indexOf(' ');
      const name = rest.slice(rest.indexOf('=') + 1, space < 0 ? undefined : space);
      const loaded = loadLocation(name);
      if (!loaded) throw new CronParseError(`provided bad location ${name}: unknown time zone ${name}`);
      zone = loaded;
      rest = space < 0 ? '' : rest.slice(space).trim();
    }
    if (rest.startsWith('@')) return { ok: true, schedule: descriptor(rest, zone) };
    const fields = rest.split(/\s+/).filter(Boolean);
    if (fields.length !== 5) throw new CronParseError(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
    const [minute, hour, dom, month, dow] = fields;
    return {
      ok: true,
      schedule: spec({
        second: only(0),
        minute: parseField(minute, BOUNDS.minute),
        hour: parseField(hour, BOUNDS.hour),
        dom: parseField(dom, BOUNDS.dom),
        month: parseField(month, BOUNDS.month),
        dow: parseField(dow, BOUNDS.dow),
      }, zone),
    };
  } catch (e) {
    if (e instanceof CronParseError) return { ok: false, error: e.message };
    throw e;
  }
}
