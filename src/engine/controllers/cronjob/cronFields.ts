/**
 * The fields of a standard cron spec as robfig/cron/v3 parses them: ranges, steps, lists,
 * names, `*` / `?`, with its exact error texts. A field becomes a set of allowed values plus the
 * "star" flag that decides how day-of-month and day-of-week combine.
 * upstream: github.com/robfig/cron/v3 parser.go (getField, getRange)
 */

export interface FieldBounds { min: number; max: number; names?: Record<string, number> }

export interface FieldBits {
  values: boolean[];
  /** Written as `*` or `?` (optionally `/1`): matches "any", so dom/dow combine with AND. */
  star: boolean;
}

const MONTH_NAMES: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const DAY_NAMES: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

export const BOUNDS = {
  second: { min: 0, max: 59 },
  minute: { min: 0, max: 59 },
  hour: { min: 0, max: 23 },
  dom: { min: 1, max: 31 },
  month: { min: 1, max: 12, names: MONTH_NAMES },
  dow: { min: 0, max: 6, names: DAY_NAMES },
} satisfies Record<string, FieldBounds>;

export class CronParseError extends Error {}

/** strconv.Atoi with cron's "no negative numbers" rule. */
function mustParseInt(expr: string): number {
  if (!/^[+-]?\d+$/.test(expr)) throw new CronParseError(`failed to parse int from ${expr}: strconv.Atoi: parsing "${expr}": invalid syntax`);
  const n = Number(expr);
  if (!Number.isSafeInteger(n)) throw new CronParseError(`failed to parse int from ${expr}: strconv.Atoi: parsing "${expr}": value out of range`);
  if (n < 0) throw new CronParseError(`negative number (${n}) not allowed: ${expr}`);
  return n;
}

function parseIntOrName(expr: string, names?: Record<string, number>): number {
  const named = names?.[expr.toLowerCase()];
  return named ?? mustParseInt(expr);
}

/** upstream getRange: `*`, `?`, `N`, `N-M`, each with an optional `/step` (`N/step` means `N-max/step`). */
function addRange(expr: string, r: FieldBounds, into: FieldBits): void {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0].split('-');
  const singleDigit = lowAndHigh.length === 1;
  let start: number;
  let end: number;
  let star = false;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = r.min;
    end = r.max;
    star = true;
  } else {
    start = parseIntOrName(lowAndHigh[0], r.names);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1], r.names);
    else throw new CronParseError(`too many hyphens: ${expr}`);
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    step = mustParseInt(rangeAndStep[1]);
    if (singleDigit) end = r.max;
    if (step > 1) star = false;
  } else if (rangeAndStep.length > 2) throw new CronParseError(`too many slashes: ${expr}`);
  if (start < r.min) throw new CronParseError(`beginning of range (${start}) below minimum (${r.min}): ${expr}`);
  if (end > r.max) throw new CronParseError(`end of range (${end}) above maximum (${r.max}): ${expr}`);
  if (start > end) throw new CronParseError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new CronParseError(`step of range should be a positive number: ${expr}`);
  for (let v = start; v <= end; v += step) into.values[v] = true;
  if (star) into.star = true;
}

/** upstream getField: a comma-separated list of ranges. */
export function parseField(field: string, r: FieldBounds): FieldBits {
  const bits: FieldBits = { values: [], star: false };
  for (const expr of field.split(',').filter(Boolean)) addRange(expr, r, bits);
  return bits;
}

/** Every value of the field, marked as a star (robfig `all()`). */
export function allOf(r: FieldBounds): FieldBits {
  const values: boolean[] = [];
  for (let v = r.min; v <= r.max; v++) values[v] = true;
  return { values, star: true };
}

export const only = (v: number): FieldBits => {
  const values: boolean[] = [];
  values[v] = true;
  return { values, star: false };
};
