/**
 * Field errors and the API server's "is invalid" messages, rendered byte for byte as
 * kube-apiserver (field.Error.ErrorBody) and kubectl (checkErr / MultilineError) print them.
 * upstream: staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go,
 * staging/src/k8s.io/apimachinery/pkg/api/errors/errors.go (NewInvalid),
 * staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go (checkErr, MultilineError)
 */

export type FieldErrorType =
  | 'Required' | 'Invalid' | 'Unsupported' | 'Duplicate' | 'Forbidden' | 'TooLong' | 'TooMany' | 'NotFound';

export interface FieldError {
  type: FieldErrorType;
  /** `spec.containers[0].image` */
  field: string;
  /** The bad value; rendered per Go's rules (see renderValue). Omitted for Required/Forbidden/TooLong. */
  value?: unknown;
  detail?: string;
  /** Unsupported: the accepted values, in upstream's order. */
  supported?: string[];
}

/** A value already rendered the way Go's `%#v` prints it (structs such as v1.LabelSelector). */
export class GoValue {
  constructor(readonly text: string) {}
}

/** Marks a TooMany/Invalid error whose value upstream omits (field.OmitValueType). */
export const OMIT_VALUE = new GoValue('');

const BODY: Record<FieldErrorType, string> = {
  Required: 'Required value',
  Invalid: 'Invalid value',
  Unsupported: 'Unsupported value',
  Duplicate: 'Duplicate value',
  Forbidden: 'Forbidden',
  TooLong: 'Too long',
  TooMany: 'Too many',
  NotFound: 'Not found',
};

/** Go's strconv.Quote: `%q` of a string. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\x07') out += '\\a';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\v') out += '\\v';
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + '"';
}

/** Go `%v` of a float64 / int: shortest form, exponents written with at least two digits. */
function goNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  return String(n).replace(/e([+-])(\d)$/, 'e$10$2');
}

function goElement(v: unknown): string {
  if (v instanceof GoValue) return v.text;
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number') return goNumber(v);
  if (typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return '<nil>';
  return goSharp(v);
}

/**
 * Go `%#v` of a JSON-like value: maps print with sorted keys as `map[string]string{"a":"b"}`,
 * arrays as `[]string{"a", "b"}`; anything needing a struct name should be passed as a GoValue.
 */
export function goSharp(v: unknown): string {
  if (v instanceof GoValue) return v.text;
  if (Array.isArray(v)) {
    const type = elementType(v);
    return `[]${type}{${v.map(goElement).join(', ')}}`;
  }
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const type = elementType(entries.map(([, x]) => x));
    return `map[string]${type}{${entries.map(([k, x]) => `${goQuote(k)}:${goElement(x)}`).join(', ')}}`;
  }
  return goElement(v);
}

function elementType(values: unknown[]): string {
  if (values.length && values.every((x) => typeof x === 'string')) return 'string';
  if (values.length && values.every((x) => typeof x === 'number' && Number.isInteger(x))) return 'int32';
  if (values.length === 0) return 'string';
  return 'interface {}';
}

/** How ErrorBody prints a bad value: strings %q, numbers and bools plain, nil as null, the rest %#v. */
export function renderValue(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number') return goNumber(value);
  if (typeof value === 'boolean') return String(value);
  return goSharp(value);
}

/** `<Type>[: <value>][: <detail>]` — upstream field.Error.ErrorBody. */
export function errorBody(e: FieldError): string {
  let s = BODY[e.type];
  const showsValue = e.type !== 'Required' && e.type !== 'Forbidden' && e.type !== 'TooLong' && e.value !== OMIT_VALUE;
  if (showsValue) s += `: ${renderValue(e.value)}`;
  const detail = e.type === 'Unsupported' && e.supported?.length
    ? `supported values: ${e.supported.map(goQuote).join(', ')}`
    : e.detail;
  if (detail) s += `: ${detail}`;
  return s;
}

/** 'spec.containers[0].image: Required value' */
export function fieldErrorText(e: FieldError): string {
  return `${e.field}: ${errorBody(e)}`;
}

/** Drops repeated causes, keeping the first of each (upstream ErrorList.ToAggregate). */
export function uniqueCauses(errors: FieldError[]): string[] {
  return [...new Set(errors.map(fieldErrorText))];
}

/**
 * kubectl's rendering of a 422: `The Pod "x" is invalid: <cause>`, or for several causes the
 * header (with its trailing space) followed by one `* cause` line each.
 */
export function invalidMessage(kind: string, name: string, errors: FieldError[]): string {
  const causes = uniqueCauses(errors);
  const head = `The ${kind} ${goQuote(name)} is invalid: `;
  if (causes.length === 0) return `The ${kind} ${goQuote(name)} is invalid`;
  if (causes.length === 1) return head + causes[0];
  return [head, ...causes.map((c) => `* ${c}`)].join('\n');
}

/** The API server's own Status message: `Deployment.apps "web" is invalid: [a, b]`. */
export function serverInvalidMessage(qualifiedKind: string, name: string, errors: FieldError[]): string {
  const causes = uniqueCauses(errors);
  if (causes.length === 0) return `${qualifiedKind} ${goQuote(name)} is invalid`;
  const body = causes.length === 1 ? causes[0] : `[${causes.join(', ')}]`;
  return `${qualifiedKind} ${goQuote(name)} is invalid: ${body}`;
}

// Constructors mirroring field.Required, field.Invalid, … so validators read like upstream.
export const required = (field: string, detail = ''): FieldError => ({ type: 'Required', field, detail });
export const invalid = (field: string, value: unknown, detail: string): FieldError => ({ type: 'Invalid', field, value, detail });
export const notSupported = (field: string, value: unknown, supported: string[]): FieldError =>
  ({ type: 'Unsupported', field, value, supported });
export const duplicate = (field: string, value: unknown): FieldError => ({ type: 'Duplicate', field, value });
export const forbidden = (field: string, detail: string): FieldError => ({ type: 'Forbidden', field, detail });
export const notFound = (field: string, value: unknown): FieldError => ({ type: 'NotFound', field, value });
export const tooLong = (field: string, max: number): FieldError =>
  ({ type: 'TooLong', field, detail: `must have at most ${max} bytes` });
export const tooMany = (field: string, actual: number, max: number): FieldError =>
  ({ type: 'TooMany', field, value: actual, detail: `must have at most ${max} ${max === 1 ? 'item' : 'items'}` });
