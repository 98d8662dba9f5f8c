/**
 * Kubernetes resource quantities (`100m`, `1.5`, `128Mi`, `1e3`, `2G`).
 * Values are handled in milli-units as plain numbers: precise enough for every
 * cpu/memory/storage amount a playground meets, and cheap to add up.
 */

const QUANTITY = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;

const SUFFIX: Record<string, number> = {
  n: 1e-9, u: 1e-6, m: 1e-3, '': 1,
  k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

/** The message the API server gives for a malformed quantity (upstream `ErrFormatWrong`). */
export const QUANTITY_FORMAT_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

const parsed = new Map<string, number | undefined>();

/** Parses a quantity into its base unit (cores, bytes, …); undefined when it is malformed. */
export function parseQuantity(input: string | number | undefined | null): number | undefined {
  if (input === undefined || input === null) return undefined;
  if (typeof input === 'number') return Number.isFinite(input) ? input : undefined;
  if (parsed.has(input)) return parsed.get(input);
  const value = parseText(input);
  if (parsed.size < 10_000) parsed.set(input, value);
  return value;
}

function parseText(input: string): number | undefined {
  const text = input.trim();
  const match = QUANTITY.exec(text);
  if (!match) return undefined;
  const [, digits, suffix] = match;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(digits)) return undefined;
  const base = Number(digits);
  if (suffix in SUFFIX) return base * SUFFIX[suffix];
  const exp = /^[eE]([-+]?\d+)$/.exec(suffix);
  if (exp) return base * 10 ** Number(exp[1]);
  return undefined;
}

export function isValidQuantity(input: unknown): boolean {
  return (typeof input === 'number' && Number.isFinite(input)) ||
    (typeof input === 'string' && parseQuantity(input) !== undefined);
}

/** Milli-units, rounded up like upstream `MilliValue()`. */
export function toMilli(input: string | number | undefined | null): number {
  const v = parseQuantity(input);
  return v === undefined ? 0 : Math.ceil(Math.round(v * 1e6) / 1e3);
}

/** CPU in millicores for display: `250m`, `1`, `1500m`. */
export function formatCpu(milli: number): string {
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

/** Bytes for display with the largest binary suffix that divides them exactly, like kubectl. */
export function formatBytes(bytes: number): string {
  const units: [string, number][] = [['Ei', 2 ** 60], ['Pi', 2 ** 50], ['Ti', 2 ** 40], ['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]];
  for (const [u, n] of units) if (bytes >= n && bytes % n === 0) return `${bytes / n}${u}`;
  return String(Math.round(bytes));
}

/** Bytes rounded to a readable binary unit (for summaries, not for API values). */
export function formatBytesApprox(bytes: number): string {
  const units: [string, number][] = [['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]];
  for (const [u, n] of units) if (bytes >= n) return `${Math.round((bytes / n) * 10) / 10}${u}`;
  return String(Math.round(bytes));
}
