/**
 * resource.Quantity arithmetic as the quota and limit-range code uses it: exact values, and the
 * `Format` rules of Go's Add/Sub, so sums print as upstream prints them (`1536Mi`, `1500m`).
 * upstream: staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go (Add, Sub, Cmp, String)
 */
import { formatExact, parseExact, roundUpToMilli, type QuantityFormat } from '../defaults/quantity';

/** value · 10^exp, signed. */
export interface Quantity {
  value: bigint;
  exp: number;
  format: QuantityFormat;
}

/** A ResourceList of exact quantities, keyed by resource name. */
export type ResourceList = Record<string, Quantity>;

export const ZERO: Quantity = Object.freeze({ value: 0n, exp: 0, format: 'DecimalSI' as QuantityFormat });

export function quantityOf(n: number): Quantity {
  return { value: BigInt(n), exp: 0, format: 'DecimalSI' };
}

/** Parses a quantity (rounded up to milli precision, as stored ResourceLists are); undefined when malformed. */
export function parse(input: unknown): Quantity | undefined {
  const q = parseExact(input);
  if (!q) return undefined;
  const r = roundUpToMilli(q);
  return { value: r.negative ? -r.mantissa : r.mantissa, exp: r.exp, format: r.format };
}

function align(a: Quantity, b: Quantity): [bigint, bigint, number] {
  const exp = Math.min(a.exp, b.exp);
  return [a.value * 10n ** BigInt(a.exp - exp), b.value * 10n ** BigInt(b.exp - exp), exp];
}

/** upstream Add: a zero receiver takes the other operand's format. */
export function add(a: Quantity, b: Quantity): Quantity {
  const [x, y, exp] = align(a, b);
  return { value: x + y, exp, format: a.value === 0n ? b.format : a.format };
}

export function sub(a: Quantity, b: Quantity): Quantity {
  const [x, y, exp] = align(a, b);
  return { value: x - y, exp, format: a.value === 0n ? b.format : a.format };
}

export function cmp(a: Quantity, b: Quantity): number {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function isZero(q: Quantity): boolean {
  return q.value === 0n;
}

/** Quantity.String(): the canonical form (`500m`, `2Gi`, `0`). */
export function format(q: Quantity): string {
  return formatExact({ negative: q.value < 0n, mantissa: q.value < 0n ? -q.value : q.value, exp: q.exp, format: q.format });
}

/** Value as a float in base units, for ratios. */
export function toNumber(q: Quantity): number {
  return Number(q.value) * 10 ** q.exp;
}

/** MilliValue(), rounded up. */
export function milliValue(q: Quantity): bigint {
  const e = q.exp + 3;
  if (e >= 0) return q.value * 10n ** BigInt(e);
  const f = 10n ** BigInt(-e);
  const whole = q.value / f;
  return q.value % f === 0n || q.value < 0n ? whole : whole + 1n;
}

/** A raw ResourceList (`{cpu: '500m'}`) parsed; malformed entries are left out. */
export function parseList(raw: Record<string, unknown> | undefined | null): ResourceList {
  const out: ResourceList = {};
  for (const [k, v] of Object.entries(raw ?? {})) {
    const q = parse(v);
    if (q) out[k] = q;
  }
  return out;
}
