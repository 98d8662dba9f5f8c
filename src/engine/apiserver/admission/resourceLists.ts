/**
 * ResourceList helpers of the quota package, with upstream's semantics.
 * upstream: staging/src/k8s.io/apiserver/pkg/quota/v1/resources.go,
 * staging/src/k8s.io/apiserver/pkg/admission/plugin/resourcequota/controller.go (prettyPrint)
 */
import { add, cmp, format, isZero, sub, ZERO, type ResourceList } from './quantities';

/** a + b, key by key (a key only in b is copied). */
export function addLists(a: ResourceList, b: ResourceList): ResourceList {
  const out: ResourceList = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = k in out ? add(out[k], v) : v;
  return out;
}

/** a − b for the keys of a, never below zero. */
export function subtractNonNegative(a: ResourceList, b: ResourceList): ResourceList {
  const out: ResourceList = {};
  for (const [k, v] of Object.entries(a)) {
    const d = k in b ? sub(v, b[k]) : v;
    out[k] = d.value < 0n ? ZERO : d;
  }
  return out;
}

/** The entries of `list` whose names are in `names`. */
export function mask(list: ResourceList, names: Iterable<string>): ResourceList {
  const out: ResourceList = {};
  for (const n of names) if (n in list) out[n] = list[n];
  return out;
}

export function removeZeros(list: ResourceList): ResourceList {
  return Object.fromEntries(Object.entries(list).filter(([, v]) => !isZero(v)));
}

/** upstream LessThanOrEqual: the names of `b` for which `a` holds more (empty when a ≤ b everywhere). */
export function exceeded(a: ResourceList, b: ResourceList): string[] {
  return Object.keys(b).filter((k) => k in a && cmp(a[k], b[k]) > 0).sort();
}

/** `requests.cpu=2,requests.memory=1Gi`: names sorted, values in canonical form. */
export function prettyPrint(list: ResourceList): string {
  return Object.keys(list).sort().map((k) => `${k}=${format(list[k])}`).join(',');
}

/** The list as the API stores it: canonical strings, names sorted. */
export function toRaw(list: ResourceList): Record<string, string> {
  return Object.fromEntries(Object.keys(list).sort().map((k) => [k, format(list[k])]));
}

export function sameList(a: ResourceList, b: ResourceList): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => k in b && cmp(a[k], b[k]) === 0);
}
