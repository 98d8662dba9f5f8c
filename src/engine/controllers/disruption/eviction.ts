/**
 * The Eviction API (POST pods/<name>/eviction): a deletion that honours PodDisruptionBudgets.
 * upstream: pkg/registry/core/pod/storage/eviction.go (Create, canIgnorePDB, checkAndDecrement,
 * addConditionAndDeletePod)
 */
import type { PodCondition } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api';
import { timestamp } from '../../core/time';
import { isPodReady, podPhase } from '../shared/pods';
import type { ReconcileContext } from '../types';
import { disruptionAllowedCondition, pdbStatusOf, type PdbStatus } from './pdbStatus';
import { pdbsForPod } from './selectPods';

export type EvictionResult =
  | { ok: true; message: string }
  | { ok: false; code: 404 | 429 | 500; message: string; cause?: string };

export const PDB_VIOLATION = "Cannot evict pod as it would violate the pod's disruption budget.";

/** Terminal, pending and already-deleting Pods cost no availability: no budget is consulted. */
function canIgnorePdb(pod: KubeObject): boolean {
  const phase = podPhase(pod);
  return phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || !!pod.metadata.deletionTimestamp;
}

/** Evicts Pod `namespace/name` on behalf of the caller (`ctx.actor`), each write its own Step. */
export function evictPod(ctx: ReconcileContext, namespace: string, name: string): EvictionResult {
  const pod = ctx.get('Pod', name, namespace);
  if (!pod) return { ok: false, code: 404, message: `pods "${name}" not found` };
  const ref = `${namespace}/${name}`;
  if (canIgnorePdb(pod)) return deleteEvicted(ctx, pod, `Pod ${ref} is ${pod.metadata.deletionTimestamp ? 'already being deleted' : podPhase(pod)}, so no budget applies`);
  const pdbs = pdbsForPod(ctx, pod);
  if (pdbs.length > 1) {
    return { ok: false, code: 500, message: 'Internal error occurred: This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.' };
  }
  if (pdbs.length === 0) return deleteEvicted(ctx, pod, `no PodDisruptionBudget selects Pod ${ref}`);
  const pdb = pdbs[0];
  const status = pdbStatusOf(pdb);
  const policy = (pdb.spec as { unhealthyPodEvictionPolicy?: string }).unhealthyPodEvictionPolicy;
  if (!isPodReady(pod)) {
    if (policy === 'AlwaysAllow') return deleteEvicted(ctx, pod, `Pod ${ref} is not Ready and PodDisruptionBudget ${pdb.metadata.name} always allows evicting unhealthy Pods`);
    if ((status.currentHealthy ?? 0) >= (status.desiredHealthy ?? 0) && (status.desiredHealthy ?? 0) > 0) {
      return deleteEvicted(ctx, pod, `Pod ${ref} is not Ready and PodDisruptionBudget ${pdb.metadata.name} is satisfied without it`);
    }
  }
  const refused = checkAndDecrement(ctx, pdb, name);
  return refused ?? deleteEvicted(ctx, pod, `PodDisruptionBudget ${pdb.metadata.name} allowed it`);
}

/** upstream checkAndDecrement: refuses with 429 unless a disruption is allowed, then records the Pod as disrupted. */
function checkAndDecrement(ctx: ReconcileContext, pdb: KubeObject, podName: string): EvictionResult | undefined {
  const status = pdbStatusOf(pdb);
  if ((status.observedGeneration ?? 0) < (pdb.metadata.generation ?? 0)) {
    return { ok: false, code: 429, message: PDB_VIOLATION, cause: `The disruption budget ${pdb.metadata.name} is still being processed by the server.` };
  }
  const allowed = status.disruptionsAllowed ?? 0;
  if (allowed <= 0) {
    return { ok: false, code: 429, message: PDB_VIOLATION,
      cause: `The disruption budget ${pdb.metadata.name} needs ${status.desiredHealthy ?? 0} healthy pods and has ${status.currentHealthy ?? 0} currently` };
  }
  const next = { ...status, disruptionsAllowed: allowed - 1, disruptedPods: { ...(status.disruptedPods ?? {}), [podName]: timestamp(ctx.now) } } as PdbStatus;
  if (next.disruptionsAllowed === 0) next.conditions = disruptionAllowedCondition(next, ctx.now);
  ctx.updateStatus({ ...pdb, status: next } as KubeObject,
    `Eviction of Pod ${pdb.metadata.namespace}/${podName} takes one of the ${allowed} disruption${allowed === 1 ? '' : 's'} ` +
    `PodDisruptionBudget ${pdb.metadata.name} allows (${allowed - 1} left)`);
  return undefined;
}

/** upstream addConditionAndDeletePod: DisruptionTarget (EvictionByEvictionAPI), then a graceful delete. */
function deleteEvicted(ctx: ReconcileContext, pod: KubeObject, why: string): EvictionResult {
  const ref = `${pod.metadata.namespace}/${pod.metadata.name}`;
  const phase = podPhase(pod);
  if (phase !== 'Succeeded' && phase !== 'Failed') {
    const status = (pod.status ?? {}) as { conditions?: PodCondition[] };
    const conditions = status.conditions ?? [];
    const existing = conditions.find((c) => c.type === 'DisruptionTarget');
    if (existing?.status !== 'True' || existing.reason !== 'EvictionByEvictionAPI') {
      const target: PodCondition = { type: 'DisruptionTarget', status: 'True', lastProbeTime: null as unknown as undefined,
        lastTransitionTime: timestamp(ctx.now), reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting' };
      ctx.updateStatus({ ...pod, status: { ...status, conditions: [...conditions.filter((c) => c !== existing), target] } } as KubeObject,
        `Eviction API: Pod ${ref} may be evicted (${why}); marked it DisruptionTarget`);
    }
  }
  const result = ctx.delete('Pod', pod.metadata.name, pod.metadata.namespace, {}, `Eviction API: deleted Pod ${ref} (graceful)`);
  return result.ok ? { ok: true, message: 'Success' } : { ok: false, code: 404, message: result.message };
}
