import type { KubeObject, OwnerReference } from '../../api';
import { allKinds } from '../../apiserver/kinds';
import { deepEqual } from '../../util/objects';
import type { StoreReader, WatchSpec } from '../types';
import { identityKey, identityOf, ownerIdentity } from './identity';

export const FOREGROUND = 'foregroundDeletion';
export const ORPHAN = 'orphan';

const gcFinalizers = (obj: KubeObject) => (obj.metadata.finalizers ?? []).filter((f) => f === FOREGROUND || f === ORPHAN);

function ownerKeys(refs: readonly OwnerReference[] | undefined, namespace: string | undefined): string[] {
  const keys: string[] = [];
  for (const ref of refs ?? []) {
    const lookup = ownerIdentity(ref, namespace);
    if (lookup.ok) keys.push(identityKey(lookup.owner));
  }
  return keys;
}

/**
 * upstream GraphBuilder.processGraphChanges, as keys for the collector's queue:
 * - an object appearing with owners, or whose owners change: check it (and wake the owners it
 *   dropped or changed, which may be waiting for it in foreground deletion);
 * - an object starting deletion with the `foregroundDeletion` or `orphan` finalizer: process it;
 * - an object gone: process its dependents, and wake its owners that may be waiting for it.
 */
export function mapGraphChange(obj: KubeObject, old: KubeObject | undefined, lister: StoreReader): string[] {
  const self = identityKey(identityOf(obj));
  const ns = obj.metadata.namespace;
  const refs = obj.metadata.ownerReferences;
  const keys = new Set<string>();
  if (old) {
    if (!deepEqual(refs, old.metadata.ownerReferences)) {
      keys.add(self);
      const changed = (old.metadata.ownerReferences ?? []).filter((r) => !(refs ?? []).some((n) => deepEqual(n, r)));
      for (const key of ownerKeys(changed, ns)) keys.add(key);
    }
    const startsDeletion = obj.metadata.deletionTimestamp && gcFinalizers(obj).length &&
      (!old.metadata.deletionTimestamp || !deepEqual(gcFinalizers(obj), gcFinalizers(old)));
    if (startsDeletion) keys.add(self);
    return [...keys];
  }
  const live = lister.get(obj.kind, obj.metadata.name, ns);
  if (live?.metadata.uid === obj.metadata.uid) {
    if (refs?.length || (obj.metadata.deletionTimestamp && gcFinalizers(obj).length)) keys.add(self);
    return [...keys];
  }
  keys.add(self);
  for (const key of ownerKeys(refs, ns)) keys.add(key);
  return [...keys];
}

/** The collector watches every kind the API server serves (upstream: all deletable resources). */
export function graphWatches(): WatchSpec[] {
  const kinds = [...new Set(allKinds().map((k) => k.kind))].sort();
  return kinds.map((kind) => ({ kind, map: mapGraphChange }));
}
