/**
 * The orders upstream sorts ReplicaSets in. upstream: pkg/controller/controller_utils.go
 * (ReplicaSetsByCreationTimestamp, ReplicaSetsBySizeNewer/Older), deployment util ReplicaSetsByRevision.
 */
import { virtualMs } from '../../core/time';
import { REVISION, type ReplicaSetObject } from './types';

type Meta = { metadata: { name: string; creationTimestamp: string } };

/** Oldest first; equal (whole-second) timestamps fall back to the name. */
export function byCreation(a: Meta, b: Meta): number {
  const ta = virtualMs(a.metadata.creationTimestamp) ?? 0;
  const tb = virtualMs(b.metadata.creationTimestamp) ?? 0;
  if (ta !== tb) return ta - tb;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

/** upstream Revision(): the revision annotation as a number; undefined when missing or not an integer. */
export function revisionOf(rs: ReplicaSetObject): number | undefined {
  const raw = rs.metadata.annotations?.[REVISION];
  if (raw === undefined || !/^[+-]?\d+$/.test(raw)) return raw === undefined ? 0 : undefined;
  return Number(raw);
}

/** upstream ReplicaSetsByRevision: lowest revision first, then oldest. */
export function byRevision(a: ReplicaSetObject, b: ReplicaSetObject): number {
  const ra = revisionOf(a) ?? 0;
  const rb = revisionOf(b) ?? 0;
  return ra !== rb ? ra - rb : byCreation(a, b);
}

/** Larger first; equal sizes: newer first (used when adding replicas). */
export function bySizeNewer(a: ReplicaSetObject, b: ReplicaSetObject): number {
  const d = (b.spec.replicas ?? 0) - (a.spec.replicas ?? 0);
  return d !== 0 ? d : byCreation(b, a);
}

/** Larger first; equal sizes: older first (used when removing replicas). */
export function bySizeOlder(a: ReplicaSetObject, b: ReplicaSetObject): number {
  const d = (b.spec.replicas ?? 0) - (a.spec.replicas ?? 0);
  return d !== 0 ? d : byCreation(a, b);
}
