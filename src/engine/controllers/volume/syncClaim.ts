/**
 * The PV controller's sync of one claim. upstream: pv_controller.go (syncClaim, syncUnboundClaim,
 * syncBoundClaim, assignDefaultStorageClass)
 */
import { clone } from '../../util/objects';
import type { ReconcileContext } from '../types';
import { bind, updateClaimStatus, updateClaimStatusWithEvent } from './binding';
import { reportOnce } from './claimEvents';
import { ANN_BIND_COMPLETED, ANN_BOUND_BY_CONTROLLER, ANN_SELECTED_NODE } from './constants';
import { provisionClaim, reportDelayedBinding } from './provisionClaim';
import {
  claimClass, claimHasClass, defaultClass, isDelayBinding, type ClaimObject, type VolumeObject,
} from './storageClasses';
import { findBestMatchForClaim, isVolumeBoundToClaim, volumeMismatch } from './volumeMatch';

const claimKey = (c: ClaimObject) => `${c.metadata.namespace}/${c.metadata.name}`;

export function syncClaim(ctx: ReconcileContext, claim: ClaimObject): void {
  if (!claim.metadata.annotations?.[ANN_BIND_COMPLETED]) syncUnboundClaim(ctx, claim);
  else syncBoundClaim(ctx, claim);
}

/**
 * RetroactiveDefaultStorageClass (GA 1.28): a claim created while there was no default class gets
 * the default once there is one. Returns true when it wrote the claim (the sync starts over).
 */
function assignDefaultStorageClass(ctx: ReconcileContext, claim: ClaimObject): boolean {
  if (claimHasClass(claim)) return false;
  const def = defaultClass(ctx.list('StorageClass'));
  if (!def) return false;
  const next = clone(claim);
  next.spec = { ...(next.spec ?? {}), storageClassName: def.metadata.name };
  return ctx.update(next, `PersistentVolumeClaim ${claimKey(claim)} gets the default StorageClass ${def.metadata.name}: ` +
    'it named no class and a default class exists now').ok;
}

function describeChoice(pv: VolumeObject, claim: ClaimObject): string {
  if (isVolumeBoundToClaim(pv, claim)) return `the volume was made or reserved for this claim`;
  const cls = claimClass(claim);
  return `the smallest Available volume of class "${cls}" offering ${(claim.spec?.accessModes ?? []).join(',')} ` +
    `and at least ${claim.spec?.resources?.requests?.storage ?? '0'}${claim.spec?.selector ? ' whose labels match the selector' : ''}`;
}

function syncUnboundClaim(ctx: ReconcileContext, claim: ClaimObject): void {
  const volumeName = claim.spec?.volumeName;
  if (!volumeName) {
    const delay = isDelayBinding(claim, ctx);
    const volumes = ctx.list('PersistentVolume') as VolumeObject[];
    const pv = findBestMatchForClaim(claim, volumes, delay) as VolumeObject | undefined;
    if (pv) return bind(ctx, pv, claim, describeChoice(pv, claim));
    if (assignDefaultStorageClass(ctx, claim)) return;
    if (delay && !claim.metadata.annotations?.[ANN_SELECTED_NODE]) reportDelayedBinding(ctx, claim);
    else if (claimClass(claim) !== '') return provisionClaim(ctx, claim);
    else {
      reportOnce(ctx, claim, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set',
        `PersistentVolumeClaim ${claimKey(claim)} stays Pending: no Available volume without a class fits it, ` +
        'and with no class nothing provisions one');
    }
    updateClaimStatus(ctx, claim, 'Pending', undefined, 'no volume is bound to it yet');
    return;
  }
  const pv = ctx.get('PersistentVolume', volumeName) as VolumeObject | undefined;
  if (!pv) {
    updateClaimStatus(ctx, claim, 'Pending', undefined, `the volume it names, ${volumeName}, does not exist (yet)`);
    return;
  }
  if (!pv.spec?.claimRef) {
    const mismatch = volumeMismatch(pv, claim);
    if (mismatch) {
      reportOnce(ctx, claim, 'Warning', 'VolumeMismatch', mismatch,
        `PersistentVolumeClaim ${claimKey(claim)} cannot use the volume it names, ${volumeName}: ${mismatch}`);
      updateClaimStatus(ctx, claim, 'Pending', undefined, `volume ${volumeName} does not fit it`);
      return;
    }
    return bind(ctx, pv, claim, `the claim names it in spec.volumeName`);
  }
  if (isVolumeBoundToClaim(pv, claim)) return bind(ctx, pv, claim, 'volume and claim name each other');
  if (!claim.metadata.annotations?.[ANN_BOUND_BY_CONTROLLER]) {
    updateClaimStatus(ctx, claim, 'Pending', undefined, `the volume it names, ${volumeName}, is bound to another claim`);
    return;
  }
  // upstream: an error ("volume already claimed by …") that is logged and retried; nothing to write
}

function syncBoundClaim(ctx: ReconcileContext, claim: ClaimObject): void {
  const volumeName = claim.spec?.volumeName;
  if (!volumeName) {
    updateClaimStatusWithEvent(ctx, claim, 'Lost', undefined, 'Warning', 'ClaimLost',
      'Bound claim has lost reference to PersistentVolume. Data on the volume is lost!');
    return;
  }
  const pv = ctx.get('PersistentVolume', volumeName) as VolumeObject | undefined;
  if (!pv) {
    updateClaimStatusWithEvent(ctx, claim, 'Lost', undefined, 'Warning', 'ClaimLost',
      'Bound claim has lost its PersistentVolume. Data on the volume is lost!');
    return;
  }
  if (!pv.spec?.claimRef || pv.spec.claimRef.uid === claim.metadata.uid) {
    bind(ctx, pv, claim, 'the claim was bound to it before');
    return;
  }
  updateClaimStatusWithEvent(ctx, claim, 'Lost', undefined, 'Warning', 'ClaimMisbound',
    'Two claims are bound to the same volume, this one is bound incorrectly');
}
