/**
 * ControllerRevisions as upstream's history package sees them: naming, hashing, ordering and
 * equality. Pure functions. upstream: pkg/controller/history/controller_history.go
 */
import type { KubeObject } from '../../api';
import { safeEncode } from '../../apiserver/names';
import { virtualMs } from '../../core/time';
import { deepEqual } from '../../util/objects';
import { goJson } from './goJson';

/** The label on revisions (and the Pods made from them) naming the revision. */
export const CONTROLLER_REVISION_HASH_LABEL = 'controller-revision-hash';

export interface ControllerRevisionObject extends KubeObject {
  /** The owner's state this revision records: a strategic-merge patch replacing spec.template. */
  data?: unknown;
  revision: number;
}

/** upstream ControllerRevisionName: the prefix is cut to 223 characters so the name fits 253. */
export function controllerRevisionName(prefix: string, hash: string): string {
  return `${prefix.length > 223 ? prefix.slice(0, 223) : prefix}-${hash}`;
}

/** FNV-1 (not 1a), 32 bits, as Go's hash/fnv.New32. */
export function fnv32(bytes: Uint8Array, hash = 0x811c9dc5): number {
  let h = hash;
  for (const b of bytes) {
    h = Math.imul(h, 0x01000193) >>> 0;
    h ^= b;
  }
  return h >>> 0;
}

/**
 * upstream HashControllerRevision: FNV-32 over the revision's raw data (Go's JSON of the patch),
 * then the collision count as decimal text when one is given; the sum is safe-encoded.
 */
export function hashControllerRevision(data: unknown, collisionCount?: number): string {
  const encoder = new TextEncoder();
  let h = fnv32(encoder.encode(goJson(data)));
  if (collisionCount !== undefined) h = fnv32(encoder.encode(String(collisionCount)), h);
  return safeEncode(String(h));
}

/** upstream SortControllerRevisions: by revision number, then creation time, then name. */
export function sortControllerRevisions<T extends ControllerRevisionObject>(revisions: readonly T[]): T[] {
  return [...revisions].sort((a, b) => (a.revision - b.revision) ||
    ((virtualMs(a.metadata.creationTimestamp) ?? 0) - (virtualMs(b.metadata.creationTimestamp) ?? 0)) ||
    (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
}

/** upstream EqualRevision: two revisions are equal when they record the same data. */
export function equalRevision(a: ControllerRevisionObject | undefined, b: ControllerRevisionObject | undefined): boolean {
  if (!a || !b) return a === b;
  return deepEqual(a.data, b.data);
}

/** upstream FindEqualRevisions, in the order given. */
export function findEqualRevisions<T extends ControllerRevisionObject>(revisions: readonly T[],
  needle: ControllerRevisionObject): T[] {
  return revisions.filter((r) => equalRevision(r, needle));
}

/** upstream nextRevision (for sorted revisions): one past the last, or 1. */
export function nextRevision(sorted: readonly ControllerRevisionObject[]): number {
  return sorted.length ? sorted[sorted.length - 1].revision + 1 : 1;
}

/** upstream maxRevision: the highest revision number, 0 for none. */
export function maxRevision(revisions: readonly ControllerRevisionObject[]): number {
  return revisions.reduce((max, r) => Math.max(max, r.revision), 0);
}
