/**
 * Times as kubectl shows them, relative to the moment the timeline cursor is on. Objects carry
 * RFC 3339 timestamps; the cursor carries virtual ms since the cluster was created, so both are
 * turned into wall-clock-like epoch ms through the engine's fixed epoch.
 */
import { EPOCH_MS } from '../engine/core/time';

/** Epoch ms of a virtual moment (view.now). */
export function epochOf(virtualMs: number): number {
  return EPOCH_MS + virtualMs;
}

/** Epoch ms of an RFC 3339 timestamp; undefined when missing or malformed. */
export function parseTime(value: unknown): number | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : t;
}

/**
 * upstream apimachinery `duration.HumanDuration`: `45s`, `3m4s`, `15m`, `2h5m`, `20h`, `3d4h`,
 * `90d`, `2y30d`. Durations below -1s are `<invalid>` (kubectl shows that for future times,
 * e.g. the deletionTimestamp of a Terminating Pod).
 */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) return hours % 24 === 0 ? `${hours / 24}d` : `${Math.floor(hours / 24)}d${hours % 24}h`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  const years = Math.floor(hours / 24 / 365);
  if (hours < 24 * 365 * 8) {
    const days = Math.floor(hours / 24) % 365;
    return days === 0 ? `${years}y` : `${years}y${days}d`;
  }
  return `${years}y`;
}

/** upstream `translateTimestampSince`: the age of a timestamp at `now` (epoch ms), `<unknown>` without one. */
export function since(timestamp: unknown, now: number): string {
  const t = parseTime(timestamp);
  return t === undefined ? '<unknown>' : humanDuration(now - t);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Go's `time.RFC1123Z` in UTC (`Wed, 01 Jan 2025 09:00:05 +0000`), as describe prints times. */
export function rfc1123z(timestamp: unknown): string {
  const t = parseTime(timestamp);
  if (t === undefined) return '<unset>';
  const d = new Date(t);
  return `${DAYS[d.getUTCDay()]}, ${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000`;
}

/** The virtual clock as the timeline shows it: `t = 12.4s`, `t = 3m 04.2s`. */
export function formatVirtualTime(virtualMs: number): string {
  const tenths = Math.floor(Math.max(0, virtualMs) / 100);
  const seconds = tenths / 10;
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const minutes = Math.floor(seconds / 60);
  const rest = (tenths - minutes * 600) / 10;
  const restText = rest.toFixed(1).padStart(4, '0');
  if (minutes < 60) return `${minutes}m ${restText}s`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m ${restText}s`;
}
