/**
 * Container resource requirements: resource names, quantities, requests ≤ limits.
 * upstream: pkg/apis/core/validation/validation.go (validateResourceRequirements,
 * validateContainerResourceName, ValidateResourceQuantityValue), pkg/apis/core/helper/helpers.go
 */
import { GoValue, type FieldError, forbidden, invalid, required } from '../errors';
import { canonicalQuantity, compareQuantities, goQuantityText, isWholeQuantity, parseExact } from '../defaults/quantity';
import { isQualifiedName } from './strings';
import { NEGATIVE } from './probes';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>;

const STANDARD_CONTAINER = new Set(['cpu', 'memory', 'ephemeral-storage']);
const STANDARD = new Set(['cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory',
  'requests.ephemeral-storage', 'limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'pods', 'services',
  'replicationcontrollers', 'resourcequotas', 'secrets', 'configmaps', 'persistentvolumeclaims', 'storage',
  'requests.storage', 'services.nodeports', 'services.loadbalancers']);

const isHugePages = (name: string): boolean => name.startsWith('hugepages-');
export const isNativeResource = (name: string): boolean => !name.includes('/') || name.includes('kubernetes.io/');

export function isExtendedResource(name: string): boolean {
  if (isNativeResource(name) || name.startsWith('requests.')) return false;
  return isQualifiedName(`requests.${name}`).length === 0;
}

const overcommitAllowed = (name: string): boolean => isNativeResource(name) && !isHugePages(name);

/** validateResourceName, then the container-specific rule. */
export function validateContainerResourceName(name: string, field: string): FieldError[] {
  const errs = isQualifiedName(name).map((m) => invalid(field, name, m));
  const simple = !name.includes('/');
  if (!errs.length && simple && !STANDARD.has(name) && !isHugePages(name)) {
    errs.push(invalid(field, name, 'must be a standard resource type or fully qualified'));
  }
  if (simple) {
    if (!STANDARD_CONTAINER.has(name) && !isHugePages(name)) errs.push(invalid(field, name, 'must be a standard resource for containers'));
  } else if (!isNativeResource(name) && !isExtendedResource(name)) {
    errs.push(invalid(field, name, "doesn't follow extended resource name standard"));
  }
  return errs;
}

/** Non-negative, and whole for integer (extended) resources. Unparseable values are the decoder's to report. */
export function validateQuantityValue(name: string, value: unknown, field: string): FieldError[] {
  const q = parseExact(value);
  if (!q) return [];
  const errs: FieldError[] = [];
  if (q.negative) errs.push(invalid(field, canonicalQuantity(value, false), NEGATIVE));
  if (isExtendedResource(name) && !isWholeQuantity(value)) {
    errs.push(invalid(field, new GoValue(goQuantityText(value)), 'must be an integer'));
  }
  return errs;
}

export function validateResourceRequirements(resources: Obj | undefined, path: string): FieldError[] {
  if (!resources || typeof resources !== 'object') return [];
  const limits: Obj = resources.limits && typeof resources.limits === 'object' ? resources.limits : {};
  const requests: Obj = resources.requests && typeof resources.requests === 'object' ? resources.requests : {};
  const limPath = `${path}.limits`;
  const reqPath = `${path}.requests`;
  const errs: FieldError[] = [];
  let cpuOrMemory = false;
  let hugePages = false;
  for (const [name, q] of Object.entries(limits)) {
    const field = `${limPath}[${name}]`;
    errs.push(...validateContainerResourceName(name, field), ...validateQuantityValue(name, q, field));
    if (isHugePages(name)) hugePages = true;
    if (name === 'cpu' || name === 'memory') cpuOrMemory = true;
  }
  for (const [name, q] of Object.entries(requests)) {
    const field = `${reqPath}[${name}]`;
    errs.push(...validateContainerResourceName(name, field), ...validateQuantityValue(name, q, field));
    const shown = canonicalQuantity(q, false);
    if (name in limits) {
      const cmp = compareQuantities(q, limits[name]);
      const limit = canonicalQuantity(limits[name], false);
      if (cmp !== undefined && cmp !== 0 && !overcommitAllowed(name)) {
        errs.push(invalid(reqPath, shown, `must be equal to ${name} limit of ${limit}`));
      } else if (cmp !== undefined && cmp > 0) {
        errs.push(invalid(reqPath, shown, `must be less than or equal to ${name} limit of ${limit}`));
      }
    } else if (!overcommitAllowed(name)) {
      errs.push(required(limPath, 'Limit must be set for non overcommitable resources'));
    }
    if (isHugePages(name)) hugePages = true;
    if (name === 'cpu' || name === 'memory') cpuOrMemory = true;
  }
  if (!cpuOrMemory && hugePages) errs.push(forbidden(path, 'HugePages require cpu or memory'));
  return errs;
}
