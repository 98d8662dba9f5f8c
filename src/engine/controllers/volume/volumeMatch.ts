/**
 * Which PersistentVolume a claim may bind to: pure functions shared by the PV controller (no node)
 * and the scheduler's VolumeBinding plugin (for one node).
 * upstream: component-helpers/storage/volume/pv_helpers.go (FindMatchingVolume, CheckAccessModes,
 * CheckVolumeModeMismatches, IsVolumeBoundToClaim), pkg/controller/volume/persistentvolume/index.go,
 * pv_controller.go (checkVolumeSatisfyClaim)
 */
import type { Node, PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import { nodeSelectorTermsMatch } from '../../scheduler/nodeSelectors';
import { parseQuantity } from '../../util/quantity';
import { matchesSelector } from '../../util/selectors';
import { claimClass, volumeClass } from './storageClasses';

const MODE_ORDER = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'];

export const storageOf = (q: unknown): number => parseQuantity(q as string | number | undefined) ?? 0;
export const claimRequest = (claim: PersistentVolumeClaim): number => storageOf(claim.spec?.resources?.requests?.storage);
export const volumeCapacity = (pv: PersistentVolume): number => storageOf(pv.spec?.capacity?.storage);

/** upstream IsVolumeBoundToClaim: claimRef names the claim, and its uid (when set) is the claim's. */
export function isVolumeBoundToClaim(pv: PersistentVolume, claim: PersistentVolumeClaim): boolean {
  const ref = pv.spec?.claimRef;
  if (!ref) return false;
  if (ref.name !== claim.metadata?.name || ref.namespace !== claim.metadata?.namespace) return false;
  return !ref.uid || ref.uid === claim.metadata?.uid;
}

/** upstream CheckAccessModes: the volume offers every mode the claim asks for. */
export function checkAccessModes(claim: PersistentVolumeClaim, pv: PersistentVolume): boolean {
  const offered = new Set(pv.spec?.accessModes ?? []);
  return (claim.spec?.accessModes ?? []).every((m) => offered.has(m));
}

export function volumeModeMismatch(claim: PersistentVolumeClaim, pv: PersistentVolume): boolean {
  return (claim.spec?.volumeMode ?? 'Filesystem') !== (pv.spec?.volumeMode ?? 'Filesystem');
}

/** upstream CheckNodeAffinity: a volume without required node affinity fits every node. */
export function volumeFitsNode(pv: PersistentVolume, node: Node): boolean {
  const required = pv.spec?.nodeAffinity?.required;
  if (!required) return true;
  return nodeSelectorTermsMatch(required.nodeSelectorTerms ?? [], node);
}

/** upstream checkVolumeSatisfyClaim: why a volume the user named in claim.spec.volumeName cannot serve the claim. */
export function volumeMismatch(pv: PersistentVolume, claim: PersistentVolumeClaim): string | undefined {
  if (pv.metadata?.deletionTimestamp) return `the volume is marked for deletion "${pv.metadata.name}"`;
  if (volumeCapacity(pv) < claimRequest(claim)) return 'requested PV is too small';
  if (volumeClass(pv) !== claimClass(claim)) return 'storageClassName does not match';
  if (volumeModeMismatch(claim, pv)) return 'incompatible volumeMode';
  if (!checkAccessModes(claim, pv)) return 'incompatible accessMode';
  return undefined;
}

/**
 * upstream FindMatchingVolume. A volume pre-bound to the claim wins outright; otherwise the smallest
 * Available volume of the claim's class whose labels match the selector and that is big enough.
 * With a node (the scheduler) it must also fit the node and offer the access modes; without one
 * (the PV controller) a WaitForFirstConsumer claim only takes a pre-bound volume.
 */
export function findMatchingVolume(claim: PersistentVolumeClaim, volumes: readonly PersistentVolume[], node: Node | undefined,
  excluded: ReadonlySet<string>, delayBinding: boolean): PersistentVolume | undefined {
  const requested = claimRequest(claim);
  const cls = claimClass(claim);
  let best: PersistentVolume | undefined;
  for (const pv of volumes) {
    if (excluded.has(pv.metadata?.name ?? '')) continue;
    if (pv.spec?.claimRef && !isVolumeBoundToClaim(pv, claim)) continue;
    if (volumeModeMismatch(claim, pv) || pv.metadata?.deletionTimestamp) continue;
    const fits = !node || volumeFitsNode(pv, node);
    if (isVolumeBoundToClaim(pv, claim)) return fits ? pv : undefined;
    if (!node && delayBinding) continue;
    if (pv.status?.phase !== 'Available') continue;
    if (claim.spec?.selector && !matchesSelector(claim.spec.selector, pv.metadata?.labels)) continue;
    if (volumeClass(pv) !== cls || !fits) continue;
    if (node && !checkAccessModes(claim, pv)) continue;
    const capacity = volumeCapacity(pv);
    if (capacity >= requested && (!best || volumeCapacity(best) > capacity)) best = pv;
  }
  return best;
}

/** The access-mode set a volume is indexed under (`ReadWriteOnce,ReadOnlyMany`), deduplicated, in upstream order. */
export function accessModesKey(modes: readonly string[] | undefined): string {
  return MODE_ORDER.filter((m) => modes?.includes(m)).join(',');
}

/**
 * upstream persistentVolumeOrderedIndex.findByClaim: the PV controller searches the volumes grouped
 * by their exact access-mode set, sets with the fewest modes first, and takes the first group with a
 * match; so a claim for RWO prefers an RWO volume to a smaller RWO+ROX one.
 */
export function findBestMatchForClaim(claim: PersistentVolumeClaim, volumes: readonly PersistentVolume[],
  delayBinding: boolean): PersistentVolume | undefined {
  const groups = new Map<string, PersistentVolume[]>();
  for (const pv of volumes) {
    const key = accessModesKey(pv.spec?.accessModes);
    groups.set(key, [...(groups.get(key) ?? []), pv]);
  }
  const requested = claim.spec?.accessModes ?? [];
  const keys = [...groups.keys()]
    .filter((k) => requested.every((m) => k.split(',').includes(m)))
    .sort((a, b) => a.split(',').length - b.split(',').length || (a < b ? -1 : a > b ? 1 : 0));
  for (const key of keys) {
    const match = findMatchingVolume(claim, groups.get(key)!, undefined, new Set(), delayBinding);
    if (match) return match;
  }
  return undefined;
}
