/**
 * Proportional scaling: a replicas change in the middle of a rollout (or while paused) is shared
 * among the active ReplicaSets in proportion to their sizes.
 * upstream: pkg/controller/deployment/sync.go (scale), util GetProportion / getReplicaSetFraction
 */
import { bySizeNewer, bySizeOlder } from './ordering';
import { maxSurge } from './rollingMath';
import { MAX_REPLICAS, replicasOf, rsReplicas, type DeploymentObject, type ReplicaSetObject } from './types';

export interface ProportionalPlan {
  /** replicas + maxSurge (0 when scaling to 0). */
  allowed: number;
  /** allowed − Σ spec.replicas of the active ReplicaSets. */
  toAdd: number;
  operation: 'up' | 'down' | undefined;
  /** Every active ReplicaSet in the order upstream updates them, with its new size. */
  sizes: { rs: ReplicaSetObject; from: number; to: number; maxBefore: number | undefined }[];
}

/** The max-replicas annotation (replicas + maxSurge when the ReplicaSet was last sized), if usable. */
function maxReplicasBefore(rs: ReplicaSetObject): number | undefined {
  const raw = rs.metadata.annotations?.[MAX_REPLICAS];
  const n = raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : undefined;
  return n === undefined || n === 0 ? undefined : n;
}

/** upstream getReplicaSetFraction: round(spec × (replicas + maxSurge) / max-replicas) − spec. */
function fraction(rs: ReplicaSetObject, d: DeploymentObject): number {
  const spec = rsReplicas(rs);
  if (replicasOf(d) === 0) return -spec;
  const maxNow = replicasOf(d) + maxSurge(d);
  const before = maxReplicasBefore(rs) ?? d.status?.replicas ?? 0;
  if (before === 0) return 0;
  // upstream integer.RoundToInt32: halves round away from zero
  return Math.floor((spec * maxNow) / before + 0.5) - spec;
}

/** `active` are the ReplicaSets with spec.replicas > 0 (new and old), at least two of them. */
export function planProportionalScaling(d: DeploymentObject, active: readonly ReplicaSetObject[]): ProportionalPlan {
  const total = active.reduce((n, rs) => n + rsReplicas(rs), 0);
  const allowed = replicasOf(d) > 0 ? replicasOf(d) + maxSurge(d) : 0;
  const toAdd = allowed - total;
  const operation = toAdd > 0 ? 'up' : toAdd < 0 ? 'down' : undefined;
  const ordered = [...active];
  if (operation === 'up') ordered.sort(bySizeNewer);
  if (operation === 'down') ordered.sort(bySizeOlder);

  let added = 0;
  const sizes = ordered.map((rs) => {
    let proportion = 0;
    if (toAdd !== 0 && rsReplicas(rs) !== 0 && added !== toAdd) {
      const f = fraction(rs, d);
      proportion = toAdd > 0 ? Math.min(f, toAdd - added) : Math.max(f, toAdd - added);
    }
    added += proportion;
    return { rs, from: rsReplicas(rs), to: rsReplicas(rs) + proportion, maxBefore: maxReplicasBefore(rs) };
  });
  // upstream: the leftover (from rounding) goes to the first, largest ReplicaSet
  if (sizes.length && toAdd !== 0) sizes[0].to = Math.max(0, sizes[0].to + toAdd - added);
  return { allowed, toAdd, operation, sizes };
}
