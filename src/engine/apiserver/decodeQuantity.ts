/**
 * Why resource.ParseQuantity would reject a value, with its exact error text; undefined when it
 * parses. A port of upstream's hand-written scanner (apimachinery pkg/api/resource/quantity.go
 * parseQuantityString + ParseQuantity), since its answers differ from the documented regexp:
 * `1ki` fails on the suffix, `1 core` on the format, and `+`, `.` or `1.` are accepted.
 */

export const ERR_FORMAT_WRONG =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const ERR_SUFFIX = "unable to parse quantity's suffix";

const DECIMAL_SUFFIXES = new Set(['n', 'u', 'm', '', 'k', 'M', 'G', 'T', 'P', 'E']);
const BINARY_SUFFIXES = new Set(['Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** The text Quantity.UnmarshalJSON parses: the JSON value without quotes, trimmed. */
export function quantityText(value: unknown): string {
  const raw = typeof value === 'string' ? value : JSON.stringify(value);
  return raw.trim();
}

export function quantityError(text: string): string | undefined {
  if (text.length === 0) return ERR_FORMAT_WRONG;
  if (text === '0') return undefined;
  const scanned = scan(text);
  if ('error' in scanned) return scanned.error;
  if (!validSuffix(scanned.suffix)) return ERR_SUFFIX;
  return undefined;
}

interface Scanned { suffix: string }

/** upstream parseQuantityString: sign, digits, optional fraction, then the suffix characters. */
function scan(str: string): Scanned | { error: string } {
  let pos = 0;
  const end = str.length;
  if (str[0] === '-' || str[0] === '+') pos++;
  while (pos < end && str[pos] === '0') pos++;
  if (pos >= end) return { suffix: '' };
  while (pos < end && isDigit(str[pos])) pos++;
  if (pos >= end) return { suffix: '' };
  if (str[pos] === '.') {
    pos++;
    while (pos < end && isDigit(str[pos])) pos++;
    if (pos >= end) return { suffix: '' };
  }
  const suffixStart = pos;
  while (pos < end && 'eEinumkKMGTP'.includes(str[pos])) pos++;
  if (pos >= end) return { suffix: str.slice(suffixStart) };
  if (str[pos] === '-' || str[pos] === '+') pos++;
  while (pos < end && isDigit(str[pos])) pos++;
  if (pos >= end) return { suffix: str.slice(suffixStart) };
  // A non-digit after the suffix letters: not even the regexp's shape.
  return { error: ERR_FORMAT_WRONG };
}

/** upstream suffixHandler.interpret: SI and binary suffixes, or e/E followed by an integer. */
function validSuffix(suffix: string): boolean {
  if (DECIMAL_SUFFIXES.has(suffix) || BINARY_SUFFIXES.has(suffix)) return true;
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E')) return /^[+-]?\d+$/.test(suffix.slice(1)) && safeInt64(suffix.slice(1));
  return false;
}

function safeInt64(digits: string): boolean {
  const n = BigInt(digits);
  return n <= 9223372036854775807n && n >= -9223372036854775808n;
}
