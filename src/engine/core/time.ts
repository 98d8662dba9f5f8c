/** Virtual time: milliseconds since the cluster was created, shown as wall-clock-like timestamps. */

/** The moment the virtual cluster was created, as an RFC 3339 instant (a fixed, deterministic epoch). */
export const EPOCH_MS = Date.UTC(2025, 0, 1, 9, 0, 0);

let lastSecond = Number.NaN;
let lastStamp = '';

/** RFC 3339 in UTC with whole seconds, as metav1.Time serialises. */
export function timestamp(virtualMs: number): string {
  const second = Math.floor(virtualMs / 1000);
  if (second !== lastSecond) {
    lastSecond = second;
    lastStamp = new Date(EPOCH_MS + second * 1000).toISOString().replace('.000Z', 'Z');
  }
  return lastStamp;
}

/** RFC 3339 with microseconds, as metav1.MicroTime (Event eventTime) serialises. */
export function microTimestamp(virtualMs: number): string {
  return new Date(EPOCH_MS + virtualMs).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** Parses a timestamp written by `timestamp()` back to virtual ms. */
export function virtualMs(rfc3339: string | undefined): number | undefined {
  if (!rfc3339) return undefined;
  const t = Date.parse(rfc3339);
  return Number.isNaN(t) ? undefined : t - EPOCH_MS;
}

/** kubectl's human duration: 45s, 3m4s, 2h5m, 3d4h. */
export function humanDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return s % 60 === 0 ? `${m}m` : `${m}m${s % 60}s`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 8) return m % 60 === 0 ? `${h}h` : `${h}h${m % 60}m`;
  if (h < 48) return `${h}h`;
  const d = Math.floor(h / 24);
  if (d < 8) return h % 24 === 0 ? `${d}d` : `${d}d${h % 24}h`;
  return `${d}d`;
}
