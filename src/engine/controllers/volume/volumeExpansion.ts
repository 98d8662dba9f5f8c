/**
 * Growing a bound claim whose StorageClass sets allowVolumeExpansion (admission refuses the others):
 * the expand controller hands the claim to the external resizer, which grows the volume, then the
 * claim's status.capacity follows. Only volumes this playground's provisioner made are resized.
 * upstream: pkg/controller/volume/expand/expand_controller.go (ExternalExpanding),
 * kubernetes-csi/external-resizer (Resizing, VolumeResizeSuccessful)
 */
import type { KubeObject } from '../../api';
import { clone } from '../../util/objects';
import type { ReconcileContext, ReconcileResult } from '../types';
import { ANN_DYNAMICALLY_PROVISIONED, LOCAL_PATH_PROVISIONER } from './constants';
import { claimClass, getClass, type ClaimObject, type VolumeObject } from './storageClasses';
import { storageOf } from './volumeMatch';

const RESIZE_MS = 1_000;
const RESIZER = `external-resizer ${LOCAL_PATH_PROVISIONER}`;

export function resizeClaim(ctx: ReconcileContext, claim: ClaimObject): ReconcileResult | void {
  const volumeName = claim.spec?.volumeName;
  if (!volumeName || claim.status?.phase !== 'Bound') return;
  const pv = ctx.get('PersistentVolume', volumeName) as VolumeObject | undefined;
  if (!pv || pv.metadata.annotations?.[ANN_DYNAMICALLY_PROVISIONED] !== LOCAL_PATH_PROVISIONER) return;
  const requested = claim.spec?.resources?.requests?.storage;
  const wanted = storageOf(requested);
  if (wanted <= storageOf(claim.status?.capacity?.storage)) return;
  if (!getClass(ctx, claimClass(claim))?.allowVolumeExpansion) return;
  const key = `${claim.metadata.namespace}/${claim.metadata.name}`;
  if (storageOf(pv.spec?.capacity?.storage) < wanted) {
    const started = ctx.memo.get<number>(`resize/${pv.metadata.uid}`);
    if (started === undefined) {
      ctx.memo.set(`resize/${pv.metadata.uid}`, ctx.now);
      ctx.describe(`Claim ${key} asks for ${requested}: its class allows expansion, so the external resizer grows volume ${volumeName}`);
      ctx.event(claim, 'Normal', 'ExternalExpanding', 'waiting for an external controller to expand this PVC', { component: 'volume_expand' });
      ctx.event(claim, 'Normal', 'Resizing', `External resizer is resizing volume ${volumeName}`, { component: RESIZER });
      return { requeueAfter: RESIZE_MS };
    }
    if (ctx.now < started + RESIZE_MS) return { requeueAfter: started + RESIZE_MS - ctx.now };
    ctx.memo.delete(`resize/${pv.metadata.uid}`);
    const next = clone(pv);
    next.spec = { ...(next.spec ?? {}), capacity: { ...(next.spec?.capacity ?? {}), storage: requested! } };
    ctx.update(next, `Volume ${volumeName} grew to ${requested} (spec.capacity) for claim ${key}`);
    return { requeueAfter: 0 };
  }
  const status = { ...(claim.status ?? {}), capacity: { ...(claim.status?.capacity ?? {}), storage: pv.spec!.capacity!.storage } };
  delete (status as { conditions?: unknown }).conditions;
  const result = ctx.updateStatus({ ...claim, status } as KubeObject,
    `PersistentVolumeClaim ${key} now has ${pv.spec!.capacity!.storage} (status.capacity follows the grown volume)`);
  if (result.ok) ctx.event(claim, 'Normal', 'VolumeResizeSuccessful', 'Resize volume succeeded', { component: RESIZER });
}
