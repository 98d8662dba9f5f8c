/**
 * Carrying out a DaemonSet's plan: create a Pod for each Node that needs one (slow-start batches,
 * at most 250 per sync) and delete the Pods that must go.
 * upstream: daemon_controller.go syncNodes, controller_utils.go RealPodControl (CreatePods, DeletePod)
 */
import { podFromTemplate } from '../shared/pods';
import type { ReconcileContext } from '../types';
import type { DaemonSetObject } from './daemonSetSpec';
import type { NodeToCreate, PodToDelete } from './podsShouldBeOnNode';
import { createPodTemplate, replaceNodeNameAffinity } from './podTemplate';

/** upstream BurstReplicas for the DaemonSet controller. */
export const BURST_REPLICAS = 250;

export interface SyncNodesResult { writes: number; error?: string }

/** upstream: a create refused because the namespace is terminating is not an error (NamespaceTerminatingCause). */
const namespaceTerminating = (message: string) => message.includes('because it is being terminated');

export function syncNodes(ctx: ReconcileContext, ds: DaemonSetObject, deletes: PodToDelete[], creates: NodeToCreate[],
  hash: string, generation: number | undefined): SyncNodesResult {
  const created = createPods(ctx, ds, creates.slice(0, BURST_REPLICAS), hash, generation);
  const deleted = deletePods(ctx, ds, deletes.slice(0, BURST_REPLICAS));
  return { writes: created.writes + deleted.writes, error: created.error ?? deleted.error };
}

function createPods(ctx: ReconcileContext, ds: DaemonSetObject, creates: NodeToCreate[], hash: string,
  generation: number | undefined): SyncNodesResult {
  const template = createPodTemplate(ds.spec.template, generation, hash);
  const name = ds.metadata.name;
  let writes = 0;
  const errors: string[] = [];
  // upstream: batch sizes 1, 2, 4, … ; after a batch with a failure the remaining creates wait for the next sync
  for (let pos = 0, size = Math.min(creates.length, 1); pos < creates.length;
    [size, pos] = [Math.min(2 * size, creates.length - (pos + size)), pos + size]) {
    const failuresBefore = errors.length;
    for (const { node, why } of creates.slice(pos, pos + size)) {
      const podTemplate = { ...template, spec: { ...template.spec!, affinity: replaceNodeNameAffinity(template.spec?.affinity, node) } };
      const pod = podFromTemplate(podTemplate, ds, `${name}-`);
      const result = ctx.create(pod, `DaemonSet ${name}: ${why}, so it creates one pinned to ${node} by node affinity ` +
        `(matchFields metadata.name In [${node}]) for the default scheduler to bind (slow-start batch of ${size})`);
      if (result.ok) {
        writes++;
        ctx.event(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${result.object.metadata.name}`);
      } else if (!namespaceTerminating(result.message)) {
        ctx.event(ds, 'Warning', 'FailedCreate', `Error creating: ${result.message}`);
        errors.push(result.message);
      }
    }
    if (errors.length > failuresBefore) break;
  }
  return { writes, error: aggregate(errors) };
}

function deletePods(ctx: ReconcileContext, ds: DaemonSetObject, deletes: PodToDelete[]): SyncNodesResult {
  let writes = 0;
  const errors: string[] = [];
  for (const { pod, why, force } of deletes) {
    const result = ctx.delete('Pod', pod.metadata.name, pod.metadata.namespace, force ? { gracePeriodSeconds: 0 } : undefined,
      `DaemonSet ${ds.metadata.name} deletes ${pod.metadata.name}: ${why}`);
    if (result.ok) {
      writes++;
      ctx.event(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
    } else if (!result.message.endsWith('not found')) {
      ctx.event(ds, 'Warning', 'FailedDelete', `Error deleting: ${result.message}`);
      errors.push(result.message);
    }
  }
  return { writes, error: aggregate(errors) };
}

const aggregate = (errs: string[]) => (errs.length === 0 ? undefined : errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`);
