/**
 * Exact resource.Quantity arithmetic for the API server's canonical form: what `kubectl get -o yaml`
 * prints after a round trip (`0.5` → `500m`, `1024Mi` → `1Gi`, `1000` → `1k`), with ResourceLists
 * first rounded up to milli precision (SetDefaults_ResourceList).
 * upstream: staging/src/k8s.io/apimachinery/pkg/api/resource/{quantity.go,amount.go,suffix.go}
 */

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** value = sign · mantissa · 10^exp (binary suffixes are multiplied into the mantissa). */
export interface ExactQuantity {
  negative: boolean;
  mantissa: bigint;
  exp: number;
  format: QuantityFormat;
}

const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL_SUFFIX = new Map(Object.entries(DECIMAL).map(([s, e]) => [e, s]));
const BINARY_SUFFIX = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** Parses a quantity exactly; undefined when upstream's ParseQuantity would reject it. */
export function parseExact(input: unknown): ExactQuantity | undefined {
  const text = typeof input === 'number' ? (Number.isFinite(input) ? String(input) : '') : typeof input === 'string' ? input.trim() : '';
  const m = /^([+-]?)(\d*)(?:\.(\d*))?([eEinumkKMGTP]*[-+]?[0-9]*)$/.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const [, sign, whole, frac = '', suffix] = m;
  let mantissa = BigInt(whole + frac || '0');
  let exp = -frac.length;
  let format: QuantityFormat;
  if (suffix in DECIMAL) {
    exp += DECIMAL[suffix];
    format = 'DecimalSI';
  } else if (suffix in BINARY) {
    mantissa *= 2n ** BigInt(BINARY[suffix]);
    format = 'BinarySI';
  } else if (/^[eE][-+]?\d+$/.test(suffix)) {
    exp += Number(suffix.slice(1));
    format = 'DecimalExponent';
  } else return undefined;
  return { negative: sign === '-' && mantissa !== 0n, mantissa, exp, format };
}

/** RoundUp(-3): away from zero to milli precision. */
export function roundUpToMilli(q: ExactQuantity): ExactQuantity {
  if (q.exp >= -3) return q;
  const factor = pow10(-3 - q.exp);
  const mantissa = q.mantissa / factor + (q.mantissa % factor === 0n ? 0n : 1n);
  return { ...q, mantissa, exp: -3 };
}

/** The integer value, when the quantity is a whole number. */
function exactInteger(q: ExactQuantity): bigint | undefined {
  if (q.exp >= 0) return q.mantissa * pow10(q.exp);
  const f = pow10(-q.exp);
  return q.mantissa % f === 0n ? q.mantissa / f : undefined;
}

function decimalCanonical(q: ExactQuantity): string {
  let { mantissa, exp } = q;
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exp++;
  }
  const r = ((exp % 3) + 3) % 3;
  mantissa *= pow10(r);
  exp -= r;
  const sign = q.negative ? '-' : '';
  if (q.format === 'DecimalExponent') return `${sign}${mantissa}${exp === 0 ? '' : `e${exp}`}`;
  const suffix = DECIMAL_SUFFIX.get(exp);
  return `${sign}${mantissa}${suffix ?? `e${exp}`}`;
}

/** Quantity.String(): the canonical form. */
export function formatExact(q: ExactQuantity): string {
  if (q.mantissa === 0n) return '0';
  if (q.format === 'BinarySI') {
    const whole = exactInteger(q);
    // upstream: |value| < 1024 and values with a fraction of a byte print as DecimalSI
    if (whole !== undefined && whole >= 1024n) {
      let v = whole;
      let k = 0;
      while (v % 1024n === 0n && k < BINARY_SUFFIX.length - 1) {
        v /= 1024n;
        k++;
      }
      return `${q.negative ? '-' : ''}${v}${BINARY_SUFFIX[k]}`;
    }
    return decimalCanonical({ ...q, format: 'DecimalSI' });
  }
  return decimalCanonical(q);
}

/** The canonical string of a quantity (ResourceList entries also round up to milli); invalid input is returned as is. */
export function canonicalQuantity(input: unknown, roundUp = true): unknown {
  const q = parseExact(input);
  if (!q) return input;
  return formatExact(roundUp ? roundUpToMilli(q) : q);
}

/** -1, 0 or 1; undefined if either side does not parse. */
export function compareQuantities(a: unknown, b: unknown): number | undefined {
  const x = parseExact(a);
  const y = parseExact(b);
  if (!x || !y) return undefined;
  const e = Math.min(x.exp, y.exp);
  const vx = (x.negative ? -1n : 1n) * x.mantissa * pow10(x.exp - e);
  const vy = (y.negative ? -1n : 1n) * y.mantissa * pow10(y.exp - e);
  return vx < vy ? -1 : vx > vy ? 1 : 0;
}

/** True when the quantity is a whole number (MilliValue() % 1000 == 0). */
export function isWholeQuantity(input: unknown): boolean {
  const q = parseExact(input);
  return !!q && exactInteger(roundUpToMilli(q)) !== undefined;
}

/** `resource.Quantity{…}` as Go's %#v prints a Quantity value (no String() on a non-pointer). */
export function goQuantityText(input: unknown): string {
  const q = parseExact(input);
  if (!q) return `resource.Quantity{}`;
  const value = (q.negative ? -1n : 1n) * q.mantissa;
  return `resource.Quantity{i:resource.int64Amount{value:${value}, scale:${q.exp}}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"", Format:"${q.format}"}`;
}
