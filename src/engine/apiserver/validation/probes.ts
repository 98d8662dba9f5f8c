/**
 * Probe and lifecycle-handler validation.
 * upstream: pkg/apis/core/validation/validation.go (validateProbe, validateHandler, validate*Action)
 */
import { type FieldError, forbidden, invalid, notSupported, required } from '../errors';
import { isHTTPHeaderName, isValidPortName, isValidPortNum } from './strings';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>;

export const NEGATIVE = 'must be greater than or equal to 0';

export function nonNegative(value: unknown, field: string): FieldError[] {
  return typeof value === 'number' && value < 0 ? [invalid(field, value, NEGATIVE)] : [];
}

/** An IntOrString port: a number in 1–65535 or an IANA_SVC_NAME. */
export function validatePortNumOrName(port: unknown, field: string): FieldError[] {
  if (typeof port === 'number') return isValidPortNum(port).map((m) => invalid(field, port, m));
  const name = typeof port === 'string' ? port : '';
  return isValidPortName(name).map((m) => invalid(field, name, m));
}

function validateHTTPGet(h: Obj, field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!h.path) errs.push(required(`${field}.path`));
  errs.push(...validatePortNumOrName(h.port, `${field}.port`));
  if (h.scheme !== 'HTTP' && h.scheme !== 'HTTPS') errs.push(notSupported(`${field}.scheme`, h.scheme ?? '', ['HTTP', 'HTTPS']));
  for (const header of h.httpHeaders ?? []) {
    const name = String(header?.name ?? '');
    for (const m of isHTTPHeaderName(name)) errs.push(invalid(`${field}.httpHeaders`, name, m));
  }
  return errs;
}

const HANDLER_KINDS = ['exec', 'httpGet', 'tcpSocket', 'grpc', 'sleep'] as const;

/** Exactly one handler; `kinds` limits which ones the context allows (no grpc in lifecycle, no sleep in probes). */
function validateHandler(h: Obj, field: string, kinds: readonly string[], gracePeriod: number | undefined): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const kind of HANDLER_KINDS) {
    if (!kinds.includes(kind) || h[kind] == null) continue;
    const path = `${field}.${kind}`;
    if (count > 0) {
      errs.push(forbidden(path, 'may not specify more than 1 handler type'));
      continue;
    }
    count++;
    const a = h[kind];
    if (kind === 'exec' && !(Array.isArray(a.command) && a.command.length)) errs.push(required(`${path}.command`));
    if (kind === 'httpGet') errs.push(...validateHTTPGet(a, path));
    if (kind === 'tcpSocket') errs.push(...validatePortNumOrName(a.port, `${path}.port`));
    if (kind === 'grpc') errs.push(...validatePortNumOrName(typeof a.port === 'number' ? a.port : 0, `${path}.port`));
    if (kind === 'sleep' && gracePeriod !== undefined && (!(a.seconds > 0) || a.seconds > gracePeriod)) {
      errs.push(invalid(path, a.seconds ?? 0, `must be greater than 0 and less than terminationGracePeriodSeconds (${gracePeriod})`));
    }
  }
  if (count === 0) errs.push(required(field, 'must specify a handler type'));
  return errs;
}

function validateProbe(p: Obj, field: string): FieldError[] {
  const errs = validateHandler(p, field, ['exec', 'httpGet', 'tcpSocket', 'grpc'], undefined);
  for (const key of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    errs.push(...nonNegative(p[key], `${field}.${key}`));
  }
  if (typeof p.terminationGracePeriodSeconds === 'number' && p.terminationGracePeriodSeconds <= 0) {
    errs.push(invalid(`${field}.terminationGracePeriodSeconds`, p.terminationGracePeriodSeconds, 'must be greater than 0'));
  }
  return errs;
}

/** Liveness and startup probes additionally need successThreshold 1; readiness may not set a grace period. */
export function validateProbes(c: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const kind of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    const p = c[kind];
    if (!p || typeof p !== 'object') continue;
    const field = `${path}.${kind}`;
    errs.push(...validateProbe(p, field));
    if (kind !== 'readinessProbe' && (p.successThreshold ?? 0) !== 1) {
      errs.push(invalid(`${field}.successThreshold`, p.successThreshold ?? 0, 'must be 1'));
    }
    if (kind === 'readinessProbe' && p.terminationGracePeriodSeconds != null) {
      errs.push(invalid(`${field}.terminationGracePeriodSeconds`, p.terminationGracePeriodSeconds, 'must not be set for readinessProbes'));
    }
  }
  return errs;
}

export function validateLifecycle(lifecycle: Obj | undefined, path: string, gracePeriod: number | undefined): FieldError[] {
  if (!lifecycle || typeof lifecycle !== 'object') return [];
  const errs: FieldError[] = [];
  for (const hook of ['postStart', 'preStop']) {
    if (lifecycle[hook]) errs.push(...validateHandler(lifecycle[hook], `${path}.${hook}`, ['exec', 'httpGet', 'tcpSocket', 'sleep'], gracePeriod));
  }
  return errs;
}
