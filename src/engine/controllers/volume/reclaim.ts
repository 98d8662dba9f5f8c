/**
 * What happens to a Released volume: its reclaim policy. Retain keeps it (Released until an
 * administrator clears its claimRef); Delete removes it (an external provisioner deletes the
 * volumes it provisioned; in-tree only hostPath under /tmp can be deleted); Recycle (deprecated)
 * scrubs hostPath and NFS volumes and makes them Available again.
 * upstream: pv_controller.go (reclaimVolume, deleteVolumeOperation, findDeletablePlugin,
 * recycleVolumeOperation), pkg/volume/hostpath (deleter, recycler)
 */
import type { ReconcileContext, ReconcileResult } from '../types';
import { unbindVolume, updateVolumePhaseWithEvent } from './binding';
import { ANN_DYNAMICALLY_PROVISIONED } from './constants';
import type { VolumeObject } from './storageClasses';

/** How long the recycler Pod takes to scrub a volume. */
const RECYCLE_MS = 5_000;

function fail(ctx: ReconcileContext, pv: VolumeObject, reason: string, message: string): void {
  updateVolumePhaseWithEvent(ctx, pv, 'Failed', 'Warning', reason, message, message);
}

/** deleteVolumeOperation for the in-tree plugins; external provisioners delete their own volumes. */
function deleteVolume(ctx: ReconcileContext, pv: VolumeObject): void {
  const name = pv.metadata.name;
  const provisionedBy = pv.metadata.annotations?.[ANN_DYNAMICALLY_PROVISIONED];
  if (provisionedBy && !provisionedBy.startsWith('kubernetes.io/')) return; // upstream: "External deleter for volume requested, ignoring"
  if (pv.metadata.deletionTimestamp) return;
  const hostPath = pv.spec?.hostPath?.path;
  if (hostPath === undefined) {
    return fail(ctx, pv, 'VolumeFailedDelete', `error getting deleter volume plugin for volume "${name}": no deletable volume plugin matched`);
  }
  // upstream hostPathDeleter: the path must match the (unanchored) regexp /tmp/.+
  if (!/\/tmp\/.+/.test(hostPath)) {
    return fail(ctx, pv, 'VolumeFailedDelete', `host_path deleter only supports /tmp/.+ but received provided ${hostPath}`);
  }
  ctx.delete('PersistentVolume', name, undefined, {}, `PersistentVolume ${name} is deleted with its directory ${hostPath}: ` +
    'its claim is gone and its reclaim policy is Delete');
}

function recycleVolume(ctx: ReconcileContext, pv: VolumeObject): ReconcileResult | void {
  const name = pv.metadata.name;
  if (!pv.spec?.hostPath && !pv.spec?.nfs) {
    return fail(ctx, pv, 'VolumeFailedRecycle', 'No recycler plugin found for the volume!');
  }
  const key = `recycle/${pv.metadata.uid}`;
  const started = ctx.memo.get<number>(key);
  if (started === undefined) {
    ctx.memo.set(key, ctx.now);
    ctx.describe(`PersistentVolume ${name} is being recycled (reclaim policy Recycle, deprecated): a recycler Pod ` +
      'scrubs its contents');
    return { requeueAfter: RECYCLE_MS };
  }
  if (ctx.now < started + RECYCLE_MS) return { requeueAfter: started + RECYCLE_MS - ctx.now };
  ctx.memo.delete(key);
  ctx.event(pv, 'Normal', 'VolumeRecycled', 'Volume recycled');
  unbindVolume(ctx, pv, 'it was recycled (emptied) and can serve a new claim');
}

export function reclaimVolume(ctx: ReconcileContext, pv: VolumeObject): ReconcileResult | void {
  switch (pv.spec?.persistentVolumeReclaimPolicy ?? 'Retain') {
    case 'Retain':
      return; // upstream: "policy is Retain, nothing to do"; the volume stays Released
    case 'Recycle':
      return recycleVolume(ctx, pv);
    case 'Delete':
      return deleteVolume(ctx, pv);
    default:
      updateVolumePhaseWithEvent(ctx, pv, 'Failed', 'Warning', 'VolumeUnknownReclaimPolicy',
        'Volume has unrecognized PersistentVolumeReclaimPolicy', 'its reclaim policy is not one the controller knows');
  }
}
