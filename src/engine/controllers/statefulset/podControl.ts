/**
 * Creating, updating and deleting a StatefulSet's Pods, each with its claims and its Event.
 * Every function returns an error message, or undefined on success.
 * upstream: stateful_pod_control.go (CreateStatefulPod, UpdateStatefulPod, DeleteStatefulPod, recordPodEvent)
 */
import type { KubeObject } from '../../api';
import type { ReconcileContext } from '../types';
import { createPersistentVolumeClaims, claimsMatchRetentionPolicy, updatePodClaimForRetentionPolicy } from './claims';
import { identityMatches, storageMatches, updateIdentity, updateStorage } from './identity';
import type { StatefulSetObject } from './statefulSetSpec';

type Verb = 'create' | 'update' | 'delete';
const title = (verb: Verb) => verb[0].toUpperCase() + verb.slice(1);

/** upstream recordPodEvent: `create Pod web-0 in StatefulSet web successful` / `… failed error: <err>`. */
function recordPodEvent(ctx: ReconcileContext, verb: Verb, set: StatefulSetObject, pod: KubeObject, error?: string): void {
  const what = `${verb} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name}`;
  if (error === undefined) ctx.event(set, 'Normal', `Successful${title(verb)}`, `${what} successful`);
  else ctx.event(set, 'Warning', `Failed${title(verb)}`, `${what} failed error: ${error}`);
}

/** The claims first (a Pod is never created without them), then the Pod, then the claims' owners. */
export function createStatefulPod(ctx: ReconcileContext, set: StatefulSetObject, pod: KubeObject, why: string): string | undefined {
  const claimError = createPersistentVolumeClaims(ctx, set, pod);
  if (claimError !== undefined) {
    recordPodEvent(ctx, 'create', set, pod, claimError);
    return claimError;
  }
  const result = ctx.create(pod, why);
  // upstream: AlreadyExists is returned without an Event (the informer will show the Pod)
  if (!result.ok && result.message.endsWith('already exists')) return result.message;
  if (result.ok) {
    const retentionError = updatePodClaimForRetentionPolicy(ctx, set, pod);
    if (retentionError !== undefined) {
      recordPodEvent(ctx, 'update', set, pod, retentionError);
      return retentionError;
    }
  }
  recordPodEvent(ctx, 'create', set, pod, result.ok ? undefined : result.message);
  return result.ok ? undefined : result.message;
}

export function deleteStatefulPod(ctx: ReconcileContext, set: StatefulSetObject, pod: KubeObject, why: string): string | undefined {
  const result = ctx.delete('Pod', pod.metadata.name, pod.metadata.namespace, undefined, why);
  recordPodEvent(ctx, 'delete', set, pod, result.ok ? undefined : result.message);
  return result.ok ? undefined : result.message;
}

/**
 * upstream UpdateStatefulPod: restore what the Pod must have (identity labels, claim volumes,
 * claim owners) and write it if anything had drifted.
 */
export function updateStatefulPod(ctx: ReconcileContext, set: StatefulSetObject, pod: KubeObject): string | undefined {
  let consistent = true;
  const drift: string[] = [];
  if (!identityMatches(set, pod)) {
    updateIdentity(set, pod);
    consistent = false;
    drift.push('its identity labels');
  }
  if (!storageMatches(set, pod)) {
    updateStorage(set, pod);
    consistent = false;
    drift.push('its claim volumes');
    const claimError = createPersistentVolumeClaims(ctx, set, pod);
    if (claimError !== undefined) {
      recordPodEvent(ctx, 'update', set, pod, claimError);
      return claimError;
    }
  }
  if (!claimsMatchRetentionPolicy(ctx, set, pod)) {
    const retentionError = updatePodClaimForRetentionPolicy(ctx, set, pod);
    if (retentionError !== undefined) {
      recordPodEvent(ctx, 'update', set, pod, retentionError);
      return retentionError;
    }
    consistent = false;
  }
  if (consistent) return undefined;
  const result = drift.length
    ? ctx.update(pod, `StatefulSet ${set.metadata.name} restores ${drift.join(' and ')} on Pod ${pod.metadata.name}: ` +
      'a StatefulSet Pod keeps the identity of its ordinal')
    : { ok: true as const };
  recordPodEvent(ctx, 'update', set, pod, result.ok ? undefined : result.message);
  return result.ok ? undefined : result.message;
}
