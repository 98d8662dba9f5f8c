import type { Controller, ReconcileContext } from '../types';
import { attemptToDelete } from './attemptToDelete';
import { dependentsOf, forget, observe } from './graph';
import { FOREGROUND, graphWatches, ORPHAN } from './graphChanges';
import { parseIdentity, type Identity } from './identity';
import { orphanDependents, processDeletingDependents } from './ownerDeletion';

/**
 * An object is gone (upstream: a delete event, or a "virtual" owner that never existed): its
 * dependents are checked, and those left with no owner are collected.
 */
function processGone(ctx: ReconcileContext, id: Identity): void {
  const dependents = dependentsOf(ctx, id.uid);
  forget(ctx, id);
  for (const dep of dependents) attemptToDelete(ctx, dep);
}

/**
 * garbage-collector: keeps the ownership graph of every object with ownerReferences and deletes
 * what has lost all its owners (cascading Background deletion), holds owners deleted in the
 * foreground until their blocking dependents are gone, and strips owners deleted with Orphan
 * from their dependents. Keys are identities (`Kind|namespace|name|uid`), so a name reused by a
 * new object is never mistaken for the old one.
 */
export const garbageCollector: Controller = {
  name: 'garbage-collector',
  watches: graphWatches(),
  reconcile(key, ctx) {
    const id = parseIdentity(key);
    let obj = ctx.get(id.kind, id.name, id.namespace);
    if (!obj || obj.metadata.uid !== id.uid) return processGone(ctx, id);
    observe(ctx, obj);
    if (!obj.metadata.deletionTimestamp) return attemptToDelete(ctx, obj);
    if (obj.metadata.finalizers?.includes(ORPHAN)) obj = orphanDependents(ctx, obj);
    if (obj?.metadata.deletionTimestamp && obj.metadata.finalizers?.includes(FOREGROUND)) processDeletingDependents(ctx, obj);
  },
};
