/**
 * Go's encoding/json.Marshal of a value decoded into maps (map[string]interface{}): object keys
 * sorted, and `<`, `>`, `&`, U+2028, U+2029 escaped as \u003c… (Go's HTML-safe default).
 * upstream: the ControllerRevision patches are such re-marshalled maps, and their bytes are hashed.
 */
export function goJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => goJson(v === undefined ? null : v)).join(',')}]`;
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort(compareUtf8);
    return `{${keys.map((k) => `${goString(k)}:${goJson(obj[k])}`).join(',')}}`;
  }
  if (typeof value === 'string') return goString(value);
  return JSON.stringify(value) ?? 'null';
}

const HTML_UNSAFE: Record<string, string> = {
  '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029',
};

function goString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => HTML_UNSAFE[c]);
}

/** Go sorts map keys by their bytes; for the ASCII keys of API objects that is code-unit order. */
function compareUtf8(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
