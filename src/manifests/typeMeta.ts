/**
 * kubectl's client-side check that a document names its type, run before anything is sent.
 * upstream: k8s.io/kubectl/pkg/validation (getObjectKind, validateList) and
 * k8s.io/cli-runtime/pkg/resource/visitor.go (ValidateSchema's wording).
 */

const STOP_VALIDATE_MESSAGE = 'if you choose to ignore these errors, turn validation off with --validate=false';

/** The problems getObjectKind finds, in upstream order. */
export function objectKindErrors(value: unknown): string[] {
  if (!isObject(value)) return ['invalid object to validate'];
  const errors: string[] = [];
  const { apiVersion, kind } = value;
  if (apiVersion === undefined || apiVersion === null) errors.push('apiVersion not set');
  else if (typeof apiVersion !== 'string') errors.push("apiVersion isn't string type");
  else if ((apiVersion.match(/\//g) ?? []).length > 1) errors.push(`unexpected GroupVersion string: ${apiVersion}`);
  if (kind === undefined || kind === null) errors.push('kind not set');
  else if (typeof kind !== 'string') errors.push("kind isn't string type");
  return errors;
}

/** `kind: List` documents are checked item by item (upstream validateList). */
export function listErrors(list: Record<string, unknown>): string[] {
  if (!Array.isArray(list.items)) return ['invalid object to validate'];
  return list.items.flatMap((item) => objectKindErrors(item));
}

export function isList(value: Record<string, unknown>): boolean {
  return value.kind === 'List' && value.apiVersion === 'v1';
}

/** upstream utilerrors aggregate: one message bare, several deduplicated inside brackets. */
export function aggregate(messages: string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`;
}

export function validationMessage(errors: string[]): string {
  return `error: error validating data: ${aggregate(errors)}; ${STOP_VALIDATE_MESSAGE}`;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
