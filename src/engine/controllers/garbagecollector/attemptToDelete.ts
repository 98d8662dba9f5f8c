import type { KubeObject, OwnerReference } from '../../api';
import { clone } from '../../util/objects';
import type { ReconcileContext } from '../types';
import { dependentsOf } from './graph';
import { FOREGROUND, ORPHAN } from './graphChanges';
import { ownerIdentity } from './identity';

export interface Classified {
  /** Owners that exist and are not waiting for their dependents. */
  solid: OwnerReference[];
  /** Owners that do not exist (no object with that name and uid where the reference points). */
  dangling: OwnerReference[];
  /** Owners being deleted in the foreground: they wait for this dependent to go. */
  waiting: OwnerReference[];
  /** A reference the collector cannot resolve; the dependent is then left alone. */
  unresolved?: { ref: OwnerReference; reason: 'unknownKind' | 'namespacedOwnerOfClusterScoped' };
}

/** upstream classifyReferences (with isDangling): sorts an object's owner references. */
export function classifyReferences(ctx: ReconcileContext, item: KubeObject): Classified {
  const out: Classified = { solid: [], dangling: [], waiting: [] };
  for (const ref of item.metadata.ownerReferences ?? []) {
    const lookup = ownerIdentity(ref, item.metadata.namespace);
    if (!lookup.ok) return { ...out, unresolved: { ref, reason: lookup.reason } };
    const owner = ctx.get(lookup.owner.kind, ref.name, lookup.owner.namespace);
    if (!owner || owner.metadata.uid !== ref.uid) out.dangling.push(ref);
    else if (owner.metadata.deletionTimestamp && owner.metadata.finalizers?.includes(FOREGROUND)) out.waiting.push(ref);
    else out.solid.push(ref);
  }
  return out;
}

/** A Pod on a Node that is not finished yet: the API server gives it its grace period. */
function terminatesGracefully(item: KubeObject): boolean {
  if (item.kind !== 'Pod') return false;
  const phase = (item.status as { phase?: string } | undefined)?.phase;
  return !!(item.spec as { nodeName?: string } | undefined)?.nodeName && phase !== 'Succeeded' && phase !== 'Failed';
}

const names = (refs: OwnerReference[]) => refs.map((r) => `${r.kind} ${r.name}`).join(', ');

/**
 * upstream attemptToDeleteItem for an object that is not itself being deleted: keep it while any
 * owner is solid (dropping references to owners that are gone or waiting); delete it in the
 * foreground when a waiting owner needs its own dependents gone first; otherwise delete it with
 * the propagation its own finalizers ask for (Background by default).
 */
export function attemptToDelete(ctx: ReconcileContext, item: KubeObject): void {
  if (item.metadata.deletionTimestamp || !item.metadata.ownerReferences?.length) return;
  const { solid, dangling, waiting, unresolved } = classifyReferences(ctx, item);
  const what = `${item.kind} ${item.metadata.name}`;
  if (unresolved) {
    if (unresolved.reason === 'namespacedOwnerOfClusterScoped') reportInvalidNamespace(ctx, item, unresolved.ref);
    return;
  }
  if (solid.length) {
    if (!dangling.length && !waiting.length) return;
    const drop = new Set([...dangling, ...waiting].map((r) => r.uid));
    const next = clone(item);
    next.metadata.ownerReferences = item.metadata.ownerReferences.filter((r) => !drop.has(r.uid));
    const why = [dangling.length ? `${names(dangling)} no longer exists` : '', waiting.length ? `${names(waiting)} is being deleted in the foreground` : '']
      .filter(Boolean).join(' and ');
    ctx.update(next, `${what} still has owner ${names(solid)}, so it stays; the garbage collector only removes its ` +
      `ownerReference to ${names([...dangling, ...waiting])}, because ${why}`);
    return;
  }
  if (waiting.length && dependentsOf(ctx, item.metadata.uid).length) {
    const dependents = dependentsOf(ctx, item.metadata.uid);
    if (dependents.some((d) => d.metadata.deletionTimestamp && d.metadata.finalizers?.includes(FOREGROUND))) {
      unblockOwnerReferences(ctx, item);
    }
    ctx.delete(item.kind, item.metadata.name, item.metadata.namespace, { propagationPolicy: 'Foreground' },
      `${names(waiting)} is being deleted in the foreground, so the garbage collector deletes its dependent ${what} ` +
      `in the foreground too: ${what} has ${dependents.length} dependent(s) of its own, which go first`);
    return;
  }
  const finalizers = item.metadata.finalizers ?? [];
  const policy = finalizers.includes(ORPHAN) ? 'Orphan' : finalizers.includes(FOREGROUND) ? 'Foreground' : 'Background';
  const graceful = terminatesGracefully(item) ? '; the Pod terminates gracefully first' : '';
  const gone = dangling.length === 1 ? `${names(dangling)}, which no longer exists` : `${names(dangling)}, which no longer exist`;
  const message = waiting.length
    ? `${names(waiting)} is being deleted in the foreground: the garbage collector deletes its dependent ${what} first${graceful}`
    : `${what} belongs to ${gone}, so the garbage collector deletes it (propagationPolicy ${policy})${graceful}`;
  ctx.delete(item.kind, item.metadata.name, item.metadata.namespace, { propagationPolicy: policy }, message);
}

/**
 * upstream unblockOwnerReferencesStrategicMergePatch: when an owner and a dependent of this item
 * both wait in foreground deletion, its blocking references are made non-blocking so the two
 * cannot wait on each other forever.
 */
function unblockOwnerReferences(ctx: ReconcileContext, item: KubeObject): void {
  const next = clone(item);
  next.metadata.ownerReferences = (item.metadata.ownerReferences ?? []).map((r) => (r.blockOwnerDeletion ? { ...r, blockOwnerDeletion: false } : r));
  ctx.update(next, `${item.kind} ${item.metadata.name} sits between two foreground deletions: its ownerReferences ` +
    'stop blocking their owners (blockOwnerDeletion: false) so neither waits on the other forever');
}

/** upstream reportInvalidNamespaceOwnerRef: a cluster-scoped object cannot have a namespaced owner. */
function reportInvalidNamespace(ctx: ReconcileContext, item: KubeObject, ref: OwnerReference): void {
  const ns = item.metadata.namespace ?? '';
  ctx.event(item, 'Warning', 'OwnerRefInvalidNamespace',
    `ownerRef [${ref.apiVersion}/${ref.kind}, namespace: ${ns}, name: ${ref.name}, uid: ${ref.uid}] does not exist in namespace "${ns}"`);
}
