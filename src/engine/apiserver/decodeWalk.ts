import { base64Error } from './decodeBase64';
import { quantityError, quantityText } from './decodeQuantity';
import { timeError } from './decodeTime';
import { elementSpec, fieldType, goType, structName, typeSpec, type FieldSpec } from './decodeTypes';

/**
 * Walks a JSON value against the API types the way the API server's strict JSON decoder
 * (sigs.k8s.io/json, a fork of encoding/json) does, collecting what it would report:
 * - `aborted`: an error from a type's own UnmarshalJSON (Quantity, IntOrString, Time); decoding
 *   stops there and this error wins;
 * - `saved`: the first type mismatch (or bad base64); decoding goes on;
 * - `unknown`: every unknown field path, reported only when neither of the above happened.
 * Objects are visited in sorted key order, since kubectl sends JSON marshalled from a Go map.
 */
export interface DecodeState {
  aborted?: string;
  saved?: string;
  /** Where `aborted` / `saved` happened, as a strict path (`spec.containers[0].ports[0].containerPort`). */
  abortedPath?: string;
  savedPath?: string;
  unknown: string[];
}

/** encoding/json's error context: the innermost struct and the JSON field names leading there. */
interface Context {
  struct?: string;
  fields: string[];
  /** The strict decoder's path: dotted, with `[i]` indices and map keys. */
  path: string;
}

// upstream: sigs.k8s.io/json keeps at most 100 strict errors.
const MAX_STRICT_ERRORS = 100;

export function walkObject(value: Record<string, unknown>, typeName: string, state: DecodeState, skip: ReadonlySet<string>): void {
  visitStruct(value, typeName, { fields: [], path: '' }, state, skip);
}

function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'boolean') return 'bool';
  return typeof value === 'object' ? 'object' : typeof value;
}

function typeError(what: string, go: string, ctx: Context): string {
  if (!ctx.struct && ctx.fields.length === 0) return `json: cannot unmarshal ${what} into Go value of type ${go}`;
  return `json: cannot unmarshal ${what} into Go struct field ${ctx.struct ?? ''}.${ctx.fields.join('.')} of type ${go}`;
}

function save(state: DecodeState, message: string, ctx: Context): void {
  if (state.saved !== undefined) return;
  state.saved = message;
  state.savedPath = ctx.path;
}

function abort(state: DecodeState, message: string | undefined, ctx: Context): void {
  if (message === undefined) return;
  state.aborted = message;
  state.abortedPath = ctx.path;
}

const INT_RANGE: Record<string, [number, number]> = {
  int32: [-(2 ** 31), 2 ** 31 - 1],
  int64: [-(2 ** 63), 2 ** 63 - 1],
  uint8: [0, 255],
};

/** Why a JSON number cannot go into a Go integer: its literal, as encoding/json quotes it. */
function intProblem(value: number, go: string): string | undefined {
  const [min, max] = INT_RANGE[go] ?? INT_RANGE.int32;
  return Number.isInteger(value) && value >= min && value <= max ? undefined : `number ${String(value)}`;
}

function visit(value: unknown, spec: FieldSpec, ctx: Context, state: DecodeState): void {
  if (value === null || value === undefined || state.aborted) return;
  const type = fieldType(spec);
  const go = goType(spec);
  if (type === 'any') return;
  if (type.startsWith('@')) {
    if (jsonKind(value) === 'object') visitStruct(value as Record<string, unknown>, type.slice(1), ctx, state);
    else save(state, typeError(jsonKind(value), go, ctx), ctx);
    return;
  }
  if (type.startsWith('[]')) {
    if (!Array.isArray(value)) return save(state, typeError(jsonKind(value), go, ctx), ctx);
    const element = elementSpec(spec);
    value.forEach((item, i) => visit(item, element, { ...ctx, path: `${ctx.path}[${i}]` }, state));
    return;
  }
  if (type.startsWith('{}')) {
    if (jsonKind(value) !== 'object') return save(state, typeError(jsonKind(value), go, ctx), ctx);
    const element = elementSpec(spec);
    const map = value as Record<string, unknown>;
    for (const key of Object.keys(map).sort()) visit(map[key], element, { ...ctx, path: join(ctx.path, key) }, state);
    return;
  }
  visitScalar(value, type, go, ctx, state);
}

function visitScalar(value: unknown, type: string, go: string, ctx: Context, state: DecodeState): void {
  const kind = jsonKind(value);
  switch (type) {
    case 's':
      if (kind !== 'string') save(state, typeError(kind, go, ctx), ctx);
      return;
    case 'b':
      if (kind !== 'bool') save(state, typeError(kind, go, ctx), ctx);
      return;
    case 'n':
      if (kind !== 'number') save(state, typeError(kind, go, ctx), ctx);
      return;
    case 'i': {
      const problem = kind === 'number' ? intProblem(value as number, go) : kind;
      if (problem) save(state, typeError(problem, go, ctx), ctx);
      return;
    }
    case 'io': {
      // upstream IntOrString.UnmarshalJSON: a JSON string, or else json.Unmarshal into an int32.
      if (kind === 'string') return;
      const problem = kind === 'number' ? intProblem(value as number, 'int32') : kind;
      if (problem) abort(state, typeError(problem, 'int32', ctx), ctx);
      return;
    }
    case 'q':
      abort(state, quantityError(quantityText(value)), ctx);
      return;
    case 't':
    case 'mt':
      // upstream metav1.Time.UnmarshalJSON: json.Unmarshal into a string, then time.Parse.
      abort(state, kind === 'string' ? timeError(value as string, type === 'mt') : typeError(kind, 'string', ctx), ctx);
      return;
    case 'bytes':
      if (kind === 'string') {
        const problem = base64Error(value as string);
        if (problem) save(state, problem, ctx);
      } else if (kind === 'array') {
        (value as unknown[]).forEach((b) => visitScalar(b, 'i', 'uint8', ctx, state));
      } else save(state, typeError(kind, go, ctx), ctx);
      return;
    default:
      return;
  }
}

function visitStruct(value: Record<string, unknown>, typeName: string, ctx: Context, state: DecodeState, skip?: ReadonlySet<string>): void {
  const spec = typeSpec(typeName);
  if (!spec) return;
  const struct = structName(typeName);
  for (const key of Object.keys(value).sort()) {
    if (state.aborted) return;
    if (skip?.has(key)) continue;
    const field = spec.fields[key];
    if (field === undefined) {
      const path = join(ctx.path, key);
      if (state.unknown.length < MAX_STRICT_ERRORS && !state.unknown.includes(path)) state.unknown.push(path);
      continue;
    }
    visit(value[key], field, { struct, fields: [...ctx.fields, key], path: join(ctx.path, key) }, state);
  }
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
