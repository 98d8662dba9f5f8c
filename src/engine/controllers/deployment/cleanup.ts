/**
 * revisionHistoryLimit: old ReplicaSets beyond the limit are deleted, lowest revision first, but
 * only ones that are fully scaled down and whose status has caught up.
 * upstream: pkg/controller/deployment/sync.go (cleanupDeployment)
 */
import { byRevision, revisionOf } from './ordering';
import type { DeploymentSync } from './sync';
import { namespaceOf } from './sync';
import type { ReplicaSetObject } from './types';

export function cleanupDeployment(s: DeploymentSync, oldRSs: readonly ReplicaSetObject[]): void {
  const limit = s.d.spec.revisionHistoryLimit;
  if (limit === undefined || limit === null) return;
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - limit;
  if (diff <= 0) return;
  const sorted = [...cleanable].sort(byRevision);
  for (let i = 0; i < diff; i++) {
    const rs = sorted[i];
    if ((rs.status?.replicas ?? 0) !== 0 || (rs.spec.replicas ?? 0) !== 0 ||
      (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
    const result = s.ctx.delete('ReplicaSet', rs.metadata.name, namespaceOf(s), undefined,
      `Deployment ${s.d.metadata.name} keeps at most revisionHistoryLimit=${limit} old ReplicaSets ` +
      `(it has ${cleanable.length}), so it deletes the oldest scaled-down one, ${rs.metadata.name} (revision ${revisionOf(rs) ?? '?'})`);
    if (!result.ok && !result.message.includes('not found')) {
      s.error = result.message;
      return;
    }
  }
}
