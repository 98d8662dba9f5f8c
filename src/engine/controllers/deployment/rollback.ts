/**
 * `kubectl rollout undo deployment/<name> [--to-revision=N]`, which is client-side: kubectl copies
 * the chosen ReplicaSet's Pod template (without pod-template-hash) and annotations into the
 * Deployment; the controller then finds that ReplicaSet as the new one and renumbers it.
 * upstream: staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollback.go (DeploymentRollbacker)
 */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { CommandResult } from '../../api';
import { clone, controllerOf } from '../../util/objects';
import { matchesSelector } from '../../util/selectors';
import type { ReconcileContext } from '../types';
import { revisionOf } from './ordering';
import { equalIgnoreHash, findNewReplicaSet, findOldReplicaSets } from './replicaSets';
import { ANNOTATIONS_TO_SKIP, POD_TEMPLATE_HASH, sortedMap, type DeploymentObject, type ReplicaSetObject } from './types';

/** kubectl deploymentutil.GetAllReplicaSets: the old ones (oldest first), then the new one. */
function ownedReplicaSets(ctx: ReconcileContext, d: DeploymentObject): ReplicaSetObject[] {
  const owned = (ctx.list('ReplicaSet', d.metadata.namespace) as ReplicaSetObject[]).filter((rs) =>
    matchesSelector(d.spec.selector, rs.metadata.labels) && controllerOf(rs)?.uid === d.metadata.uid);
  const newRS = findNewReplicaSet(d, owned);
  return [...findOldReplicaSets(d, owned), ...(newRS ? [newRS] : [])];
}

/** kubectl deploymentRevision: revision N, or (N = 0) the second-highest revision. */
function replicaSetForRevision(ctx: ReconcileContext, d: DeploymentObject, toRevision: number):
  { rs: ReplicaSetObject } | { error: string } {
  let latest: { rs?: ReplicaSetObject; rev: number } = { rev: -1 };
  let previous: { rs?: ReplicaSetObject; rev: number } = { rev: -1 };
  for (const rs of ownedReplicaSets(ctx, d)) {
    const v = revisionOf(rs);
    if (v === undefined) continue;
    if (toRevision === 0) {
      if (latest.rev < v) {
        previous = latest;
        latest = { rs, rev: v };
      } else if (previous.rev < v) {
        previous = { rs, rev: v };
      }
    } else if (toRevision === v) {
      return { rs };
    }
  }
  if (toRevision > 0) return { error: `unable to find specified revision ${toRevision} in history` };
  if (!previous.rs) return { error: `no rollout history found for deployment "${d.metadata.name}"` };
  return { rs: previous.rs };
}

/** `printed` is kubectl's name for the object, e.g. `deployment.apps/web`. */
export function rollbackDeployment(ctx: ReconcileContext, d: DeploymentObject, toRevision: number,
  printed: string): CommandResult {
  if (toRevision < 0) return { ok: false, message: `error: unable to find specified revision ${toRevision} in history` };
  const found = replicaSetForRevision(ctx, d, toRevision);
  if ('error' in found) return { ok: false, message: `error: ${found.error}` };
  const { rs } = found;
  if (d.spec.paused) {
    return { ok: false, message: `error: you cannot rollback a paused deployment; resume it first with ` +
      `'kubectl rollout resume deployment/${d.metadata.name}' and try again` };
  }
  if (equalIgnoreHash(rs.spec.template, d.spec.template)) {
    return { ok: true, message: `${printed} skipped rollback (current template already matches revision ${toRevision})` };
  }
  const template = clone(rs.spec.template) as PodTemplateSpec;
  const labels = { ...(template.metadata?.labels ?? {}) };
  delete labels[POD_TEMPLATE_HASH];
  template.metadata = { ...(template.metadata ?? {}), labels };
  // kubectl keeps the Deployment's own bookkeeping annotations and takes the rest from the ReplicaSet
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries(rs.metadata.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  const next = clone(d);
  next.spec.template = template;
  if (Object.keys(annotations).length) next.metadata.annotations = sortedMap(annotations);
  else delete next.metadata.annotations;
  const revision = revisionOf(rs) ?? '?';
  const result = ctx.update(next, `${printed} rolled back to revision ${revision}: kubectl copies the Pod template of ` +
    `ReplicaSet ${rs.metadata.name} (without its pod-template-hash label) into the Deployment`);
  if (!result.ok) return { ok: false, message: `error: failed restoring revision ${toRevision}: ${result.message}` };
  return { ok: true, message: `${printed} rolled back` };
}
