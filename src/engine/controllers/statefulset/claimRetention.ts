/**
 * persistentVolumeClaimRetentionPolicy as ownerReferences on the claims, so that the garbage
 * collector deletes them: whenDeleted Delete → the StatefulSet owns every claim; whenScaled
 * Delete → a condemned Pod (ordinal out of range) owns its claims. Pure.
 * upstream (1.27–1.31): stateful_set_utils.go claimOwnerMatchesSetAndPod, updateClaimOwnerRefForSetAndPod,
 * setOwnerRef (plain, non-controller references), hasStaleOwnerRef
 */
import type { KubeObject, OwnerReference } from '../../api';
import { podInOrdinalRange } from './identity';
import { retentionPolicy, type StatefulSetObject } from './statefulSetSpec';

const hasOwnerRef = (target: KubeObject, owner: KubeObject): boolean =>
  !!owner.metadata.uid && (target.metadata.ownerReferences ?? []).some((r) => r.uid === owner.metadata.uid);

/** upstream hasStaleOwnerRef: a reference by the owner's name to an earlier object of that name. */
export const hasStaleOwnerRef = (target: KubeObject, owner: KubeObject): boolean =>
  (target.metadata.ownerReferences ?? []).some((r) => r.name === owner.metadata.name && r.uid !== (owner.metadata.uid ?? ''));

/** Which owners the policy wants on a claim of `pod` right now. */
export function wantedOwners(set: StatefulSetObject, pod: KubeObject): { set: boolean; pod: boolean } {
  const { whenDeleted, whenScaled } = retentionPolicy(set);
  const scaledDown = !podInOrdinalRange(pod, set);
  if (whenScaled === 'Delete' && whenDeleted === 'Delete') return { set: !scaledDown, pod: scaledDown };
  if (whenScaled === 'Delete') return { set: false, pod: scaledDown };
  if (whenDeleted === 'Delete') return { set: true, pod: false };
  return { set: false, pod: false };
}

/** upstream claimOwnerMatchesSetAndPod (1.31). */
export function claimOwnerMatches(claim: KubeObject, set: StatefulSetObject, pod: KubeObject): boolean {
  const want = wantedOwners(set, pod);
  return hasOwnerRef(claim, set) === want.set && hasOwnerRef(claim, pod) === want.pod;
}

const plainRef = (owner: KubeObject, apiVersion: string, kind: string): OwnerReference =>
  ({ apiVersion, kind, name: owner.metadata.name, uid: owner.metadata.uid });

/**
 * upstream updateClaimOwnerRefForSetAndPod: the claim's ownerReferences with the set's and the
 * Pod's added or removed as the policy wants; undefined when nothing changes.
 */
export function claimOwnerReferences(claim: KubeObject, set: StatefulSetObject, pod: KubeObject): OwnerReference[] | undefined {
  const want = wantedOwners(set, pod);
  let refs = [...(claim.metadata.ownerReferences ?? [])];
  let changed = false;
  const fix = (owner: KubeObject, wanted: boolean, apiVersion: string, kind: string) => {
    const has = hasOwnerRef(claim, owner);
    if (wanted && !has && owner.metadata.uid) {
      refs = [...refs, plainRef(owner, apiVersion, kind)];
      changed = true;
    } else if (!wanted && has) {
      refs = refs.filter((r) => r.uid !== owner.metadata.uid);
      changed = true;
    }
  };
  fix(set, want.set, 'apps/v1', 'StatefulSet');
  fix(pod, want.pod, 'v1', 'Pod');
  return changed ? refs : undefined;
}

/** Why the claim now has the owners it has, for the Step message. */
export function retentionReason(set: StatefulSetObject, pod: KubeObject): string {
  const { whenDeleted, whenScaled } = retentionPolicy(set);
  const want = wantedOwners(set, pod);
  if (want.pod) return `Pod ${pod.metadata.name} is scaled down and whenScaled is Delete: the claim is deleted with the Pod`;
  if (want.set) return `whenDeleted is Delete: the claim is deleted with StatefulSet ${set.metadata.name}`;
  return `the policy is whenDeleted: ${whenDeleted}, whenScaled: ${whenScaled}, so the claim has no owner and outlives its Pod`;
}
