/**
 * Time zones for cron schedules, with Go's time package semantics: wall-clock fields of an instant
 * in a zone, and time.Date's resolution of wall times that fall into a DST gap or overlap.
 * Offsets come from Intl.DateTimeFormat (deterministic: tzdata, not the host clock). All instants
 * here are absolute ms since the Unix epoch.
 */

export interface Zone {
  /** The IANA name (`UTC` for the controller's own zone). */
  readonly name: string;
  /** Offset from UTC in ms at the instant. */
  offset(ms: number): number;
}

export interface WallTime { year: number; month: number; day: number; hour: number; minute: number; second: number; weekday: number }

const mod = (a: number, b: number) => ((a % b) + b) % b;

export const UTC: Zone = { name: 'UTC', offset: () => 0 };

/** Offsets change only on quarter hours (UTC) in every zone since 1970; cache per quarter hour. */
const QUARTER_HOUR = 15 * 60_000;

function intlZone(name: string): Zone {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: name, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  });
  const cache = new Map<number, number>();
  const compute = (ms: number): number => {
    const at = ms - mod(ms, 1000);
    const parts: Record<string, number> = {};
    for (const p of format.formatToParts(new Date(at))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
    return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second) - at;
  };
  return {
    name,
    offset(ms) {
      const bucket = Math.floor(ms / QUARTER_HOUR);
      let value = cache.get(bucket);
      if (value === undefined) {
        if (cache.size > 50_000) cache.clear();
        value = compute(bucket * QUARTER_HOUR);
        cache.set(bucket, value);
      }
      return value;
    },
  };
}

const zones = new Map<string, Zone>();

/**
 * Go's time.LoadLocation: "" and "UTC" are UTC; "Local" is the controller's zone (UTC here);
 * otherwise an IANA name, matched case-sensitively like the tzdata file it names.
 */
export function loadLocation(name: string): Zone | undefined {
  if (name === '' || name === 'UTC' || name === 'Local') return UTC;
  const known = zones.get(name);
  if (known) return known;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
  } catch {
    return undefined;
  }
  const canonical = Intl.supportedValuesOf('timeZone');
  if (!canonical.includes(name) && canonical.some((z) => z.toLowerCase() === name.toLowerCase())) return undefined;
  const zone = intlZone(name);
  zones.set(name, zone);
  return zone;
}

export function wallTime(zone: Zone, ms: number): WallTime {
  const d = new Date(ms + zone.offset(ms));
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(),
    hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), weekday: d.getUTCDay(),
  };
}

/**
 * Go's time.Date(year, month, day, hour, min, sec, 0, loc): fields normalise (month 13 is next
 * January); a wall time in a gap or overlap resolves to one of the two offsets, as Go picks it.
 */
export function zoneDate(zone: Zone, year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const first = zone.offset(asUtc);
  if (first === 0) return asUtc;
  const utc = asUtc - first;
  const second_ = zone.offset(utc);
  return second_ === first ? utc : asUtc - second_;
}

export const offsetText = (offsetMs: number, colon: boolean) => {
  const sign = offsetMs < 0 ? '-' : '+';
  const minutes = Math.abs(Math.round(offsetMs / 60_000));
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${sign}${hh}${colon ? ':' : ''}${mm}`;
};

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Go's time.RFC3339 in the zone: `2025-01-01T10:05:00+01:00`, or `…Z` when the offset is zero. */
export function formatRFC3339(zone: Zone, ms: number): string {
  const w = wallTime(zone, ms);
  const off = zone.offset(ms);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${off === 0 ? 'Z' : offsetText(off, true)}`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's time.RFC1123Z in UTC: `Wed, 01 Jan 2025 09:05:00 +0000`. */
export function formatRFC1123Z(ms: number): string {
  const w = wallTime(UTC, ms);
  return `${DAYS[w.weekday]}, ${pad(w.day)} ${MONTHS[w.month - 1]} ${pad(w.year, 4)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)} +0000`;
}
