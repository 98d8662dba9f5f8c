import type { KubeObject } from '../api';

/** Freezes an object graph so a stored version can never be changed after the fact. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child);
  }
  return value;
}

/** A mutable deep copy of a stored object. */
export function clone<T>(value: T): T {
  return structuredClone(value) as T;
}

/** `namespace/name` (or `/name` for cluster-scoped objects): the store key of an object. */
export function objectKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

export function keyOf(obj: Pick<KubeObject, 'metadata'>): string {
  return objectKey(obj.metadata.namespace, obj.metadata.name);
}

/** Splits a key made by objectKey. */
export function splitKey(key: string): { namespace?: string; name: string } {
  const i = key.indexOf('/');
  const namespace = key.slice(0, i);
  return { namespace: namespace || undefined, name: key.slice(i + 1) };
}

/** Structural equality of JSON-like values, key order ignored. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]));
  }
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The controller owner reference of an object, if any. */
export function controllerOf(obj: Pick<KubeObject, 'metadata'>) {
  return obj.metadata.ownerReferences?.find((r) => r.controller);
}
