import type { KubeObject, OwnerReference } from '../../api';
import { lookupKind } from '../../apiserver/kinds';

/** upstream objectReference: what the garbage collector knows an object (or an owner) by. */
export interface Identity {
  kind: string;
  namespace?: string;
  name: string;
  uid: string;
}

/** The work-queue key of an identity: `Kind|namespace|name|uid` (none of these may hold a `|`). */
export function identityKey(id: Identity): string {
  return `${id.kind}|${id.namespace ?? ''}|${id.name}|${id.uid}`;
}

export function parseIdentity(key: string): Identity {
  const [kind, namespace, name, uid] = key.split('|');
  return { kind, namespace: namespace || undefined, name, uid };
}

export function identityOf(obj: KubeObject): Identity {
  return { kind: obj.kind, namespace: obj.metadata.namespace, name: obj.metadata.name, uid: obj.metadata.uid };
}

export type OwnerLookup =
  | { ok: true; owner: Identity }
  /** upstream: an unknown apiVersion/kind cannot be resolved (the item is retried, never collected). */
  | { ok: false; reason: 'unknownKind' }
  /** upstream namespacedOwnerOfClusterScopedObjectErr: never resolves, so the item is left alone. */
  | { ok: false; reason: 'namespacedOwnerOfClusterScoped' };

/**
 * Where an owner reference points: a namespaced owner lives in the dependent's namespace
 * (cross-namespace owners do not exist, so one named elsewhere counts as absent), a
 * cluster-scoped owner has none.
 */
export function ownerIdentity(ref: OwnerReference, dependentNamespace: string | undefined): OwnerLookup {
  const info = lookupKind(ref.apiVersion, ref.kind);
  if (!info) return { ok: false, reason: 'unknownKind' };
  if (info.namespaced && !dependentNamespace) return { ok: false, reason: 'namespacedOwnerOfClusterScoped' };
  return { ok: true, owner: { kind: info.kind, namespace: info.namespaced ? dependentNamespace : undefined, name: ref.name, uid: ref.uid } };
}
