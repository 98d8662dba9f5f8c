/**
 * The PV controller's sync of one volume: Available when unclaimed, Bound when its claim names it,
 * Released (then reclaimed) when its claim is gone. upstream: pv_controller.go (syncVolume)
 */
import type { ReconcileContext, ReconcileResult } from '../types';
import { unbindVolume, updateVolumePhase } from './binding';
import { reportOnce } from './claimEvents';
import { ANN_BOUND_BY_CONTROLLER, ANN_DYNAMICALLY_PROVISIONED } from './constants';
import { reclaimVolume } from './reclaim';
import type { ClaimObject, VolumeObject } from './storageClasses';
import { volumeModeMismatch } from './volumeMatch';

export function syncVolume(ctx: ReconcileContext, pv: VolumeObject): ReconcileResult | void {
  const ref = pv.spec?.claimRef;
  const name = pv.metadata.name;
  if (!ref) return void updateVolumePhase(ctx, pv, 'Available', 'no claim is bound to it');
  const refKey = `${ref.namespace}/${ref.name}`;
  if (!ref.uid) return void updateVolumePhase(ctx, pv, 'Available', `it is reserved for claim ${refKey}, which has not bound it yet`);
  let claim = ctx.get('PersistentVolumeClaim', ref.name ?? '', ref.namespace) as ClaimObject | undefined;
  if (claim && claim.metadata.uid !== ref.uid) claim = undefined;
  if (!claim) {
    let current = pv;
    if (pv.status?.phase !== 'Released' && pv.status?.phase !== 'Failed') {
      current = updateVolumePhase(ctx, pv, 'Released', `its claim ${refKey} was deleted; ` +
        `reclaim policy ${pv.spec?.persistentVolumeReclaimPolicy ?? 'Retain'} decides what happens to it`);
    }
    return reclaimVolume(ctx, current);
  }
  if (!claim.spec?.volumeName) {
    if (volumeModeMismatch(claim, pv)) {
      reportOnce(ctx, pv, 'Warning', 'VolumeMismatch',
        `Cannot bind PersistentVolume to requested PersistentVolumeClaim "${claim.metadata.name}" due to incompatible volumeMode.`,
        `PersistentVolume ${name} cannot be bound to claim ${refKey}: their volumeModes differ`);
      reportOnce(ctx, claim, 'Warning', 'VolumeMismatch',
        `Cannot bind PersistentVolume "${name}" to requested PersistentVolumeClaim due to incompatible volumeMode.`);
    }
    // upstream: the claim is queued; its sync completes the binding (the watch does that here)
    return;
  }
  if (claim.spec.volumeName === name) return void updateVolumePhase(ctx, pv, 'Bound', `its claim ${refKey} names it`);
  // the claim is bound to another volume
  if (pv.metadata.annotations?.[ANN_DYNAMICALLY_PROVISIONED] && pv.spec?.persistentVolumeReclaimPolicy === 'Delete') {
    let current = pv;
    if (pv.status?.phase !== 'Released' && pv.status?.phase !== 'Failed') {
      current = updateVolumePhase(ctx, pv, 'Released', `it was provisioned for claim ${refKey}, which bound another volume`);
    }
    return reclaimVolume(ctx, current);
  }
  if (pv.metadata.annotations?.[ANN_BOUND_BY_CONTROLLER]) {
    return unbindVolume(ctx, pv, `claim ${refKey} was bound to another volume, ${claim.spec.volumeName}`);
  }
  updateVolumePhase(ctx, pv, 'Bound', `it is pre-bound to claim ${refKey} (which uses another volume)`);
}
