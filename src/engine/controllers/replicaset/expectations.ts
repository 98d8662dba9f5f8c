import type { KubeObject } from '../../api';
import type { ReconcileContext } from '../types';

/** upstream ExpectationsTimeout: expectations older than this are ignored, so a lost watch event cannot wedge an owner. */
export const EXPECTATIONS_TIMEOUT_MS = 5 * 60 * 1000;

interface PodRef { name: string; uid: string }

interface Expectations {
  /** Pods this owner created and has not yet seen in the store. */
  creates: PodRef[];
  /** Pods this owner deleted and has not yet seen gone or terminating. */
  deletes: PodRef[];
  at: number;
}

const memoKey = (ownerKey: string) => `expectations/${ownerKey}`;

/** A created Pod is observed once the store holds it; a Pod gone again must have been shown first. */
const creationObserved = (pod: KubeObject | undefined, ref: PodRef) => !pod || pod.metadata.uid === ref.uid;

/** A deleted Pod is observed once it is gone, replaced by another uid, or carries a deletionTimestamp. */
const deletionObserved = (pod: KubeObject | undefined, ref: PodRef) => !pod || pod.metadata.uid !== ref.uid ||
  pod.metadata.deletionTimestamp !== undefined;

/**
 * upstream ControllerExpectations / UIDTrackingControllerExpectations, level-based: after issuing
 * creates and deletes an owner records them, and creates or deletes nothing more until the store
 * shows every one of them. The store is this engine's informer cache and is written synchronously,
 * so a successful write is normally observed by the very next sync.
 */
export function expectationsSatisfied(ctx: ReconcileContext, ownerKey: string, namespace: string | undefined): boolean {
  const exp = ctx.memo.get<Expectations>(memoKey(ownerKey));
  if (!exp) return true;
  const fulfilled = exp.creates.every((p) => creationObserved(ctx.get('Pod', p.name, namespace), p)) &&
    exp.deletes.every((p) => deletionObserved(ctx.get('Pod', p.name, namespace), p));
  if (fulfilled || ctx.now - exp.at > EXPECTATIONS_TIMEOUT_MS) {
    ctx.memo.delete(memoKey(ownerKey));
    return true;
  }
  return false;
}

/** Records what a sync just did; only successful writes are expected (upstream lowers the rest). */
export function expect(ctx: ReconcileContext, ownerKey: string, created: KubeObject[], deleted: KubeObject[]): void {
  if (!created.length && !deleted.length) return;
  const ref = (p: KubeObject): PodRef => ({ name: p.metadata.name, uid: p.metadata.uid });
  ctx.memo.set<Expectations>(memoKey(ownerKey), { creates: created.map(ref), deletes: deleted.map(ref), at: ctx.now });
}

/** upstream DeleteExpectations: a deleted owner starts clean if it is created again. */
export function deleteExpectations(ctx: ReconcileContext, ownerKey: string): void {
  ctx.memo.delete(memoKey(ownerKey));
}
