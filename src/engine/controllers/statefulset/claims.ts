/**
 * The claims of a StatefulSet Pod: creating the missing ones from the volumeClaimTemplates, and
 * keeping their ownerReferences in line with the retention policy.
 * upstream: stateful_pod_control.go (createPersistentVolumeClaims, UpdatePodClaimForRetentionPolicy,
 * ClaimsMatchRetentionPolicy, PodClaimIsStale, recordClaimEvent)
 */
import type { KubeObject } from '../../api';
import { clone } from '../../util/objects';
import type { ReconcileContext } from '../types';
import { claimOwnerMatches, claimOwnerReferences, hasStaleOwnerRef, retentionReason } from './claimRetention';
import { claimsFor } from './identity';
import { retentionPolicy, type StatefulSetObject } from './statefulSetSpec';

/** Errors, joined as upstream's aggregate prints them; undefined when all went well. */
const aggregate = (errs: string[]): string | undefined =>
  errs.length === 0 ? undefined : errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`;

/** upstream createPersistentVolumeClaims: create each missing claim; a claim being deleted is an error. */
export function createPersistentVolumeClaims(ctx: ReconcileContext, set: StatefulSetObject, pod: KubeObject): string | undefined {
  const errs: string[] = [];
  const name = set.metadata.name;
  for (const { template, claim } of claimsFor(set, pod)) {
    const existing = ctx.get('PersistentVolumeClaim', claim.metadata.name, claim.metadata.namespace);
    if (existing) {
      if (existing.metadata.deletionTimestamp) errs.push(`pvc ${claim.metadata.name} is being deleted`);
      continue;
    }
    const result = ctx.create(claim, `StatefulSet ${name} creates PersistentVolumeClaim ${claim.metadata.name} from ` +
      `volumeClaimTemplate ${template} before Pod ${pod.metadata.name}: each ordinal keeps its own claim, and the claim ` +
      'stays Pending until a volume is bound to it');
    if (result.ok) {
      ctx.event(set, 'Normal', 'SuccessfulCreate', `create Claim ${claim.metadata.name} Pod ${pod.metadata.name} in StatefulSet ${name} success`);
    } else {
      errs.push(`failed to create PVC ${claim.metadata.name}: ${result.message}`);
      ctx.event(set, 'Warning', 'FailedCreate',
        `create Claim ${claim.metadata.name} for Pod ${pod.metadata.name} in StatefulSet ${name} failed error: ${result.message}`);
    }
  }
  return aggregate(errs);
}

/** upstream ClaimsMatchRetentionPolicy: every existing claim of the Pod has the owners the policy wants. */
export function claimsMatchRetentionPolicy(ctx: ReconcileContext, set: StatefulSetObject, pod: KubeObject): boolean {
  return claimsFor(set, pod).every(({ claim }) => {
    const existing = ctx.get('PersistentVolumeClaim', claim.metadata.name, claim.metadata.namespace);
    return !existing || claimOwnerMatches(existing, set, pod);
  });
}

/** upstream UpdatePodClaimForRetentionPolicy: set the owners the policy wants on each existing claim. */
export function updatePodClaimForRetentionPolicy(ctx: ReconcileContext, set: StatefulSetObject, pod: KubeObject): string | undefined {
  for (const { claim } of claimsFor(set, pod)) {
    const existing = ctx.get('PersistentVolumeClaim', claim.metadata.name, claim.metadata.namespace);
    if (!existing || claimOwnerMatches(existing, set, pod)) continue;
    const refs = claimOwnerReferences(existing, set, pod);
    if (!refs) continue;
    const next = clone(existing);
    if (refs.length) next.metadata.ownerReferences = refs;
    else delete next.metadata.ownerReferences;
    const result = ctx.update(next, `StatefulSet ${set.metadata.name} sets the owners of PersistentVolumeClaim ` +
      `${existing.metadata.name}: ${retentionReason(set, pod)}`);
    if (!result.ok) return `could not update claim ${existing.metadata.name} for delete policy ownerRefs: ${result.message}`;
  }
  return undefined;
}

/**
 * upstream PodClaimIsStale: with whenScaled Delete, a claim still owned by an earlier Pod of the
 * same name is about to be deleted; the new Pod must wait for it to go rather than reuse it.
 */
export function podClaimIsStale(ctx: ReconcileContext, set: StatefulSetObject, pod: KubeObject): boolean {
  if (retentionPolicy(set).whenScaled === 'Retain') return false;
  return claimsFor(set, pod).some(({ claim }) => {
    const existing = ctx.get('PersistentVolumeClaim', claim.metadata.name, claim.metadata.namespace);
    return !!existing && hasStaleOwnerRef(existing, pod);
  });
}
