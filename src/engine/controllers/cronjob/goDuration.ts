/**
 * Go's time.ParseDuration, for `@every 1h30m` schedules: a sequence of decimal numbers with units
 * ns, us (µs), ms, s, m, h, optionally signed. Returns whole milliseconds (sub-ms parts dropped).
 */
const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

export function parseGoDuration(text: string): { ms: number; error?: undefined } | { ms?: undefined; error: string } {
  const invalid = { error: `time: invalid duration ${JSON.stringify(text)}` };
  let s = text;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    sign = s[0] === '-' ? -1 : 1;
    s = s.slice(1);
  }
  if (s === '0') return { ms: 0 };
  if (s === '') return invalid;
  let total = 0;
  const part = /^(\d+\.?\d*|\.\d+)([a-zµμ]*)/;
  while (s) {
    const m = part.exec(s);
    if (!m || m[1] === '.') return invalid;
    if (!m[2]) return { error: `time: missing unit in duration ${JSON.stringify(text)}` };
    const unit = UNIT_MS[m[2]];
    if (unit === undefined) return { error: `time: unknown unit ${JSON.stringify(m[2])} in duration ${JSON.stringify(text)}` };
    total += Number(m[1]) * unit;
    s = s.slice(m[0].length);
  }
  return { ms: sign * Math.floor(total) };
}
