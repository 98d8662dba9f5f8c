import type { KubeObject } from '../../api';
import { controllerOf } from '../../util/objects';
import { podFromTemplate } from '../shared/pods';
import type { ReconcileContext } from '../types';
import { orderForDeletion } from './deletionOrder';
import { deletionReason } from './deletionReason';
import { replicaSpec, type ReplicaKind } from './replicaKinds';
import { BURST_REPLICAS, slowStartBatch } from './slowStart';
import type { ManageError } from './status';

export interface ManageResult {
  error?: ManageError;
  created: KubeObject[];
  deleted: KubeObject[];
}

/** upstream: a create refused because the namespace is terminating is not an error (NamespaceTerminatingCause). */
const namespaceTerminating = (message: string) => message.includes('because it is being terminated');

/**
 * upstream manageReplicas: compare the active Pods the owner controls with spec.replicas and
 * create (slow-start batches) or delete (ranked) the difference, at most 500 per sync.
 */
export function manageReplicas(ctx: ReconcileContext, kind: ReplicaKind, owner: KubeObject, active: KubeObject[],
  podsInNamespace: KubeObject[]): ManageResult {
  const diff = active.length - replicaSpec(owner).replicas;
  if (diff < 0) return createPods(ctx, kind, owner, active.length, -diff);
  if (diff > 0) return deletePods(ctx, kind, owner, active, podsInNamespace, diff);
  return { created: [], deleted: [] };
}

function createPods(ctx: ReconcileContext, kind: ReplicaKind, owner: KubeObject, have: number, missing: number): ManageResult {
  const { replicas, template } = replicaSpec(owner);
  const name = owner.metadata.name;
  const count = Math.min(missing, BURST_REPLICAS);
  const capped = count < missing ? `; at most ${BURST_REPLICAS} per sync, ${missing - count} wait for the next` : '';
  const created: KubeObject[] = [];
  let batchStart = have;
  const { error } = slowStartBatch<string>(count, (size, i) => {
    if (i === 0) batchStart = have + created.length;
    const message = `${kind.kind} ${name} has ${batchStart} of ${replicas} Pods: creating ${size} ` +
      `(slow-start batch of ${size}: batches double while every create succeeds${capped})`;
    const pod = podFromTemplate(template, owner, `${name}-`);
    if (!Object.keys(pod.metadata?.labels ?? {}).length) return 'unable to create pods, no labels';
    const result = ctx.create(pod, message);
    if (result.ok) {
      created.push(result.object);
      ctx.event(owner, 'Normal', 'SuccessfulCreate', `Created pod: ${result.object.metadata.name}`);
      return undefined;
    }
    if (namespaceTerminating(result.message)) return undefined;
    ctx.event(owner, 'Warning', 'FailedCreate', `Error creating: ${result.message}`);
    return result.message;
  });
  return { created, deleted: [], error: error === undefined ? undefined : { reason: 'FailedCreate', message: error } };
}

function deletePods(ctx: ReconcileContext, kind: ReplicaKind, owner: KubeObject, active: KubeObject[],
  podsInNamespace: KubeObject[], surplus: number): ManageResult {
  const { replicas } = replicaSpec(owner);
  const count = Math.min(surplus, BURST_REPLICAS);
  const ordered = orderForDeletion(active, relatedPods(ctx, kind, owner, podsInNamespace), count, ctx.now);
  const kept = ordered.slice(count);
  const deleted: KubeObject[] = [];
  let error: ManageError | undefined;
  // upstream deletes the chosen Pods in parallel: every delete is issued in this one sync
  for (const victim of ordered.slice(0, count)) {
    const podName = victim.pod.metadata.name;
    const why = deletionReason(victim, kept, active.length, ctx.now);
    const result = ctx.delete('Pod', podName, owner.metadata.namespace, undefined,
      `${kind.kind} ${owner.metadata.name} has ${active.length} of ${replicas} Pods: deleting ${podName}, because ${why}`);
    if (result.ok) {
      deleted.push(victim.pod);
      ctx.event(owner, 'Normal', 'SuccessfulDelete', `Deleted pod: ${podName}`);
    } else if (!result.message.endsWith('not found')) {
      ctx.event(owner, 'Warning', 'FailedDelete', `Error deleting: ${result.message}`);
      error ??= { reason: 'FailedDelete', message: `unable to delete pods: ${result.message}` };
    }
  }
  return { created: [], deleted, error };
}

/**
 * upstream getIndirectlyRelatedPods: the Pods selected by every owner that shares this owner's
 * controller (the ReplicaSets of one Deployment). An owner without a controller has none, so
 * its Pods all rank 0 on "doubled-up Node".
 */
export function relatedPods(ctx: ReconcileContext, kind: ReplicaKind, owner: KubeObject, podsInNamespace: KubeObject[]): KubeObject[] {
  const ref = controllerOf(owner);
  if (!ref) return [];
  const siblings = ctx.list(kind.kind, owner.metadata.namespace).filter((o) => controllerOf(o)?.uid === ref.uid);
  const seen = new Set<string>();
  const related: KubeObject[] = [];
  for (const sibling of siblings) {
    for (const pod of podsInNamespace) {
      if (seen.has(pod.metadata.uid) || !kind.selects(sibling, pod.metadata.labels)) continue;
      seen.add(pod.metadata.uid);
      related.push(pod);
    }
  }
  return related;
}
