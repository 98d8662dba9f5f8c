/**
 * Resource quantities printed the way apimachinery's `Quantity.String()` canonicalises them:
 * `0.5` → `500m`, `1000` → `1k`, `1024Mi` → `1Gi`, `1536Mi` stays `1536Mi`.
 */
import { parseQuantity } from '../engine/util/quantity';

export type QuantityFormat = 'BinarySI' | 'DecimalSI';

/** A quantity's value in base units and the format its sums keep (that of the first term, as in Go). */
export interface Amount {
  value: number;
  format: QuantityFormat;
}

export function formatOf(text: unknown): QuantityFormat {
  return typeof text === 'string' && /[KMGTPE]i$/.test(text.trim()) ? 'BinarySI' : 'DecimalSI';
}

export function amountOf(text: unknown): Amount | undefined {
  if (typeof text !== 'string' && typeof text !== 'number') return undefined;
  const value = parseQuantity(text);
  return value === undefined ? undefined : { value, format: formatOf(text) };
}

const BINARY: [string, number][] = [['Ei', 2 ** 60], ['Pi', 2 ** 50], ['Ti', 2 ** 40], ['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]];
const DECIMAL: [string, number][] = [['E', 18], ['P', 15], ['T', 12], ['G', 9], ['M', 6], ['k', 3], ['', 0], ['m', -3], ['u', -6], ['n', -9]];

/** Integer test tolerant of float noise from sums like 0.1 + 0.2. */
function isWhole(x: number): boolean {
  return Math.abs(x - Math.round(x)) < 1e-6;
}

function decimal(value: number): string {
  if (value === 0) return '0';
  for (const [suffix, exp] of DECIMAL) {
    const mantissa = value / 10 ** exp;
    if (Math.abs(mantissa) >= 1 && isWhole(mantissa)) return `${Math.round(mantissa)}${suffix}`;
  }
  // upstream rounds sub-nano amounts up to 1n
  return `${Math.ceil(value * 1e9)}n`;
}

/** upstream `Quantity.String()` for a value (base units) in a format. */
export function canonicalQuantity(value: number, format: QuantityFormat = 'DecimalSI'): string {
  // upstream: BinarySI below 1024 or with a fractional byte count prints as DecimalSI
  if (format === 'BinarySI' && Math.abs(value) >= 1024 && isWhole(value)) {
    const bytes = Math.round(value);
    for (const [suffix, n] of BINARY) if (bytes % n === 0) return `${bytes / n}${suffix}`;
    return String(bytes);
  }
  return decimal(value);
}

/** A quantity as written in a manifest, canonicalised; the raw text when it does not parse. */
export function quantityText(text: unknown): string {
  const amount = amountOf(text);
  return amount ? canonicalQuantity(amount.value, amount.format) : String(text ?? '');
}

/** Adds `b` into a resource list keyed by resource name (upstream `addResourceList`). */
export function addAmounts(into: Map<string, Amount>, list: Record<string, unknown> | undefined): void {
  for (const [name, text] of Object.entries(list ?? {})) {
    const amount = amountOf(text);
    if (!amount) continue;
    const have = into.get(name);
    into.set(name, have ? { value: have.value + amount.value, format: have.format } : amount);
  }
}

/** Keeps the larger amount per resource (upstream `maxResourceList`). */
export function maxAmounts(into: Map<string, Amount>, other: Map<string, Amount>): void {
  for (const [name, amount] of other) {
    const have = into.get(name);
    if (!have || amount.value > have.value) into.set(name, amount);
  }
}
