import type { KubeObject } from '../../api';
import type { Memo, ReconcileContext } from '../types';
import { identityKey, parseIdentity, type Identity } from './identity';

/**
 * The ownership graph (upstream GraphBuilder's uidToNode), kept in the collector's memo:
 * `owners/<uid>` lists the owner uids a dependent was last seen with, `deps/<uid>` the identity
 * keys of an owner's dependents (sorted, so walks are reproducible). Values are replaced, never
 * mutated in place.
 */
const ownersKey = (uid: string) => `owners/${uid}`;
const depsKey = (uid: string) => `deps/${uid}`;

function withKey(list: readonly string[], key: string): string[] {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  if (list[lo] === key) return list as string[];
  return [...list.slice(0, lo), key, ...list.slice(lo)];
}

function removeDependent(memo: Memo, ownerUid: string, key: string): void {
  const list = memo.get<string[]>(depsKey(ownerUid));
  if (!list?.includes(key)) return;
  const next = list.filter((k) => k !== key);
  if (next.length) memo.set(depsKey(ownerUid), next);
  else memo.delete(depsKey(ownerUid));
}

/** Brings the graph up to date with an object as stored now (upstream processGraphChanges, add/update). */
export function observe(ctx: ReconcileContext, obj: KubeObject): void {
  const key = identityKey({ kind: obj.kind, namespace: obj.metadata.namespace, name: obj.metadata.name, uid: obj.metadata.uid });
  const uid = obj.metadata.uid;
  const before = ctx.memo.get<string[]>(ownersKey(uid)) ?? [];
  const after = [...new Set((obj.metadata.ownerReferences ?? []).map((r) => r.uid))].sort();
  for (const owner of before) if (!after.includes(owner)) removeDependent(ctx.memo, owner, key);
  for (const owner of after) {
    if (before.includes(owner)) continue;
    const list = ctx.memo.get<string[]>(depsKey(owner)) ?? [];
    ctx.memo.set(depsKey(owner), withKey(list, key));
  }
  if (after.length) ctx.memo.set(ownersKey(uid), after);
  else ctx.memo.delete(ownersKey(uid));
}

/** Drops an object that is gone from the graph (upstream removeNode). */
export function forget(ctx: ReconcileContext, id: Identity): void {
  const key = identityKey(id);
  for (const owner of ctx.memo.get<string[]>(ownersKey(id.uid)) ?? []) removeDependent(ctx.memo, owner, key);
  ctx.memo.delete(ownersKey(id.uid));
  ctx.memo.delete(depsKey(id.uid));
}

/** The live objects that still name `ownerUid` in their ownerReferences. */
export function dependentsOf(ctx: ReconcileContext, ownerUid: string): KubeObject[] {
  const out: KubeObject[] = [];
  for (const key of ctx.memo.get<string[]>(depsKey(ownerUid)) ?? []) {
    const id = parseIdentity(key);
    const obj = ctx.get(id.kind, id.name, id.namespace);
    if (obj && obj.metadata.uid === id.uid && obj.metadata.ownerReferences?.some((r) => r.uid === ownerUid)) out.push(obj);
  }
  return out;
}
