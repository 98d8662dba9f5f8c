import { walkObject, type DecodeState } from './decodeWalk';
import { kindType } from './decodeTypes';

/**
 * What the API server says when it cannot decode an object strictly (kubectl ≥1.27 sends
 * `fieldValidation=Strict`), or undefined when it decodes. One problem class is reported, in
 * upstream's order: an error from a type's own decoder (malformed quantity, IntOrString, time),
 * else the first JSON type mismatch (or bad base64 in a []byte field), else every unknown field:
 *
 *   Deployment in version "v1" cannot be handled as a Deployment: strict decoding error:
 *   unknown field "spec.template.spec.containers[0].imagePullPolice"
 *
 * upstream: apiserver handlers/rest.go transformDecodeError; apimachinery runtime/serializer/json;
 * sigs.k8s.io/json UnmarshalStrict. Top-level `status` is not checked. Kinds the API does not
 * serve (unknown apiVersion/kind) give undefined: the REST mapping reports those.
 */
export function decodeErrors(obj: Record<string, unknown>): string | undefined {
  return decodeProblem(obj)?.message;
}

/** The decode message plus the JSON path it is about (with indices), for placing a marker. */
export interface DecodeProblem {
  message: string;
  /** e.g. `spec.containers[0].ports[0].containerPort`; the first unknown field for unknown fields. */
  path?: string;
}

export function decodeProblem(obj: Record<string, unknown>): DecodeProblem | undefined {
  const { apiVersion, kind } = obj;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return undefined;
  const root = kindType(apiVersion, kind);
  if (!root) return undefined;
  const state: DecodeState = { unknown: [] };
  walkObject(obj, root, state, TYPE_META_AND_STATUS);
  const found = firstProblem(state);
  if (!found) return undefined;
  const version = apiVersion.slice(apiVersion.lastIndexOf('/') + 1);
  return { message: `${kind} in version "${version}" cannot be handled as a ${kind}: ${found.message}`, path: found.path };
}

function firstProblem(state: DecodeState): DecodeProblem | undefined {
  if (state.aborted !== undefined) return { message: state.aborted, path: state.abortedPath };
  if (state.saved !== undefined) return { message: state.saved, path: state.savedPath };
  if (state.unknown.length === 0) return undefined;
  const fields = state.unknown.map((path) => `unknown field ${JSON.stringify(path)}`).join(', ');
  return { message: `strict decoding error: ${fields}`, path: state.unknown[0] };
}

const TYPE_META_AND_STATUS: ReadonlySet<string> = new Set(['apiVersion', 'kind', 'status']);

/** The unknown field paths of a strict-decoding message, e.g. to place an editor marker. */
export function unknownFieldPaths(message: string): string[] {
  return [...message.matchAll(/unknown field "((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]}"`) as string);
}

/** The field path of a type-mismatch message (`Go struct field PodSpec.spec.containers of type …`). */
export function typeErrorPath(message: string): string | undefined {
  return /Go struct field [^.\s]*\.(\S+) of type/.exec(message)?.[1];
}
