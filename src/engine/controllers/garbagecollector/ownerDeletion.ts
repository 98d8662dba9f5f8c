import type { KubeObject } from '../../api';
import { clone } from '../../util/objects';
import type { ReconcileContext } from '../types';
import { attemptToDelete } from './attemptToDelete';
import { dependentsOf } from './graph';
import { FOREGROUND, ORPHAN } from './graphChanges';

const what = (obj: KubeObject) => `${obj.kind} ${obj.metadata.name}`;

/** What removing the last GC finalizer leads to, for the Step message. */
function consequence(obj: KubeObject, rest: string[]): string {
  if (rest.length) return `${what(obj)} still waits for ${rest.join(', ')}`;
  if (obj.metadata.deletionGracePeriodSeconds) return `${what(obj)} goes once its graceful termination ends`;
  return `${what(obj)} is deleted`;
}

/**
 * Removes one finalizer from the object as stored now; the API server lets it go once none are
 * left. `reason` opens the Step message. Returns the object as stored afterwards, if it remains.
 */
function removeFinalizer(ctx: ReconcileContext, obj: KubeObject, finalizer: string, reason: string): KubeObject | undefined {
  const latest = ctx.get(obj.kind, obj.metadata.name, obj.metadata.namespace);
  if (!latest || latest.metadata.uid !== obj.metadata.uid || !latest.metadata.finalizers?.includes(finalizer)) return latest;
  const next = clone(latest);
  const rest = latest.metadata.finalizers.filter((f) => f !== finalizer);
  if (rest.length) next.metadata.finalizers = rest;
  else delete next.metadata.finalizers;
  const result = ctx.update(next, `${reason}, so the garbage collector removes its ${finalizer} finalizer and ${consequence(latest, rest)}`);
  const after = ctx.get(obj.kind, obj.metadata.name, obj.metadata.namespace);
  return result.ok && after?.metadata.uid === obj.metadata.uid ? after : undefined;
}

const blocks = (dep: KubeObject, ownerUid: string) =>
  (dep.metadata.ownerReferences ?? []).some((r) => r.uid === ownerUid && r.blockOwnerDeletion === true);

/**
 * upstream processDeletingDependentsItem (and the attemptToDelete of every dependent when the
 * owner starts foreground deletion): delete the dependents, and once none with
 * blockOwnerDeletion is left, remove the `foregroundDeletion` finalizer so the owner goes.
 */
export function processDeletingDependents(ctx: ReconcileContext, owner: KubeObject): void {
  for (const dep of dependentsOf(ctx, owner.metadata.uid)) attemptToDelete(ctx, dep);
  // a dependent being deleted gracefully (a terminating Pod) still blocks until it is gone
  if (dependentsOf(ctx, owner.metadata.uid).some((d) => blocks(d, owner.metadata.uid))) return;
  removeFinalizer(ctx, owner, FOREGROUND, `No dependent of ${what(owner)} with blockOwnerDeletion is left`);
}

/**
 * upstream attemptToOrphanWorker: strip the owner's reference from every dependent (they stay,
 * now without this owner), then remove the `orphan` finalizer so the owner goes.
 * Returns the owner as stored afterwards, if it is still there.
 */
export function orphanDependents(ctx: ReconcileContext, owner: KubeObject): KubeObject | undefined {
  const dependents = dependentsOf(ctx, owner.metadata.uid);
  for (const dep of dependents) {
    const next = clone(dep);
    const refs = (dep.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.metadata.uid);
    if (refs.length) next.metadata.ownerReferences = refs;
    else delete next.metadata.ownerReferences;
    ctx.update(next, `${what(owner)} is deleted with propagationPolicy Orphan: the garbage collector removes its ` +
      `ownerReference from ${what(dep)}, which stays${refs.length ? '' : ' without an owner'}`);
  }
  return removeFinalizer(ctx, owner, ORPHAN, `${dependents.length} dependent(s) of ${what(owner)} are orphaned`);
}
