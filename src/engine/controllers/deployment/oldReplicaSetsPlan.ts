/**
 * Which old ReplicaSets a RollingUpdate may shrink in one sync, as a plan of size changes.
 * upstream: pkg/controller/deployment/rolling.go (reconcileOldReplicaSets, cleanupUnhealthyReplicas,
 * scaleDownOldReplicaSetsForRollingUpdate)
 */

export interface ReplicaSetCounts {
  name: string;
  /** spec.replicas */
  spec: number;
  /** status.availableReplicas */
  available: number;
}

export interface ScaleChange {
  name: string;
  from: number;
  to: number;
  /** `cleanup`: unavailable old Pods removed first; `available`: surplus above the minimum availability. */
  phase: 'cleanup' | 'available';
}

export interface OldScaleDownPlan {
  /** Σ spec − minAvailable − new ReplicaSet's unavailable Pods: how many old Pods may go at most (step a). */
  maxScaledDown: number;
  minAvailable: number;
  newUnavailable: number;
  /** Σ availableReplicas of the active old ReplicaSets and the new one (step b's input). */
  available: number;
  changes: ScaleChange[];
}

/**
 * `oldActive` are the old ReplicaSets with spec.replicas > 0, oldest first; `totalSpec` is Σ
 * spec.replicas of every ReplicaSet. Step (a) removes old replicas that are not available, at most
 * maxScaledDown in all; step (b) removes whatever availability exceeds replicas − maxUnavailable.
 */
export function planOldScaleDown(replicas: number, maxUnavailable: number, totalSpec: number,
  newRS: ReplicaSetCounts | undefined, oldActive: readonly ReplicaSetCounts[]): OldScaleDownPlan {
  const minAvailable = replicas - maxUnavailable;
  const newUnavailable = (newRS?.spec ?? 0) - (newRS?.available ?? 0);
  const maxScaledDown = totalSpec - minAvailable - newUnavailable;
  const plan: OldScaleDownPlan = { maxScaledDown, minAvailable, newUnavailable, available: 0, changes: [] };
  const oldSpecTotal = oldActive.reduce((n, rs) => n + rs.spec, 0);
  if (oldSpecTotal === 0 || maxScaledDown <= 0) return plan;

  const sizes = oldActive.map((rs) => ({ ...rs }));
  let cleaned = 0;
  for (const rs of sizes) {
    if (cleaned >= maxScaledDown) break;
    if (rs.spec === 0 || rs.spec === rs.available) continue;
    const count = Math.min(maxScaledDown - cleaned, rs.spec - rs.available);
    // upstream: a stale status (more available than spec) makes this an invalid "scale down" to a
    // larger size; cleanupUnhealthyReplicas errors out, keeping what it already did, and step (b) is skipped
    if (count < 0) return plan;
    plan.changes.push({ name: rs.name, from: rs.spec, to: rs.spec - count, phase: 'cleanup' });
    rs.spec -= count;
    cleaned += count;
  }

  plan.available = sizes.reduce((n, rs) => n + rs.available, 0) + (newRS?.available ?? 0);
  if (plan.available <= minAvailable) return plan;
  const toRemove = plan.available - minAvailable;
  let removed = 0;
  for (const rs of sizes) {
    if (removed >= toRemove) break;
    if (rs.spec === 0) continue;
    const count = Math.min(rs.spec, toRemove - removed);
    plan.changes.push({ name: rs.name, from: rs.spec, to: rs.spec - count, phase: 'available' });
    rs.spec -= count;
    removed += count;
  }
  return plan;
}
