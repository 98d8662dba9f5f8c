/**
 * The PV controller's writes that tie a claim and a volume together, each one API write (one Step)
 * and only when something changes. upstream: pv_controller.go (bind, bindVolumeToClaim,
 * bindClaimToVolume, updateClaimStatus, updateVolumePhase, unbindVolume)
 */
import type { ObjectReference } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api';
import { timestamp } from '../../core/time';
import { clone, deepEqual } from '../../util/objects';
import type { ReconcileContext } from '../types';
import { ANN_BIND_COMPLETED, ANN_BOUND_BY_CONTROLLER } from './constants';
import type { ClaimObject, VolumeObject } from './storageClasses';
import { isVolumeBoundToClaim } from './volumeMatch';

const claimKey = (c: ClaimObject) => `${c.metadata.namespace}/${c.metadata.name}`;

/** What `reference.GetReference` makes of a claim: the PV's claimRef. */
export function claimReference(claim: ClaimObject): ObjectReference {
  return {
    kind: 'PersistentVolumeClaim', namespace: claim.metadata.namespace, name: claim.metadata.name,
    uid: claim.metadata.uid, apiVersion: 'v1', resourceVersion: claim.metadata.resourceVersion,
  };
}

/** updateVolumePhase: status.phase (with message and lastPhaseTransitionTime) when it changes. */
export function updateVolumePhase(ctx: ReconcileContext, pv: VolumeObject, phase: string, why: string, message = ''): VolumeObject {
  if (pv.status?.phase === phase) return pv;
  const status = { ...(pv.status ?? {}), phase, lastPhaseTransitionTime: timestamp(ctx.now) } as Record<string, unknown>;
  if (message) status.message = message;
  else delete status.message;
  const result = ctx.updateStatus({ ...pv, status } as KubeObject, `PersistentVolume ${pv.metadata.name} is ${phase}: ${why}`);
  return (result.ok ? result.object : pv) as VolumeObject;
}

/** updateVolumePhaseWithEvent: the Event goes with the phase change, only when the phase changes. */
export function updateVolumePhaseWithEvent(ctx: ReconcileContext, pv: VolumeObject, phase: string,
  type: 'Normal' | 'Warning', reason: string, message: string, why: string): VolumeObject {
  if (pv.status?.phase === phase) return pv;
  const next = updateVolumePhase(ctx, pv, phase, why, message);
  ctx.event(next, type, reason, message);
  return next;
}

/**
 * updateClaimStatus: the phase, and the volume's access modes and capacity (capacity only when the
 * claim becomes Bound: a later difference is a resize in progress). Without a volume both are cleared.
 */
export function updateClaimStatus(ctx: ReconcileContext, claim: ClaimObject, phase: string, pv: VolumeObject | undefined,
  why: string): ClaimObject {
  const status = { ...(claim.status ?? {}) } as Record<string, unknown>;
  status.phase = phase;
  if (!pv) {
    delete status.accessModes;
    delete status.capacity;
  } else {
    status.accessModes = clone(pv.spec?.accessModes ?? []);
    if (claim.status?.phase !== phase) status.capacity = clone(pv.spec?.capacity ?? {});
  }
  if (deepEqual(status, claim.status ?? {})) return claim;
  const result = ctx.updateStatus({ ...claim, status } as KubeObject, `PersistentVolumeClaim ${claimKey(claim)} is ${phase}: ${why}`);
  return (result.ok ? result.object : claim) as ClaimObject;
}

export function updateClaimStatusWithEvent(ctx: ReconcileContext, claim: ClaimObject, phase: string, pv: VolumeObject | undefined,
  type: 'Normal' | 'Warning', reason: string, message: string): ClaimObject {
  if (claim.status?.phase === phase) return claim;
  const next = updateClaimStatus(ctx, claim, phase, pv, message);
  ctx.event(next, type, reason, message);
  return next;
}

/** bindVolumeToClaim: claimRef to the claim (with its uid), bound-by-controller when the controller chose it. */
function bindVolumeToClaim(ctx: ReconcileContext, pv: VolumeObject, claim: ClaimObject, why: string): VolumeObject {
  const byController = !isVolumeBoundToClaim(pv, claim);
  const next = clone(pv);
  let dirty = false;
  const ref = pv.spec?.claimRef;
  if (!ref || ref.name !== claim.metadata.name || ref.namespace !== claim.metadata.namespace || ref.uid !== claim.metadata.uid) {
    next.spec = { ...(next.spec ?? {}), claimRef: claimReference(claim) };
    dirty = true;
  }
  if (byController && !next.metadata.annotations?.[ANN_BOUND_BY_CONTROLLER]) {
    next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [ANN_BOUND_BY_CONTROLLER]: 'yes' };
    dirty = true;
  }
  if (!dirty) return pv;
  const result = ctx.update(next, `PersistentVolume ${pv.metadata.name} is reserved for claim ${claimKey(claim)} (claimRef): ${why}`);
  return (result.ok ? result.object : pv) as VolumeObject;
}

/** bindClaimToVolume: spec.volumeName plus the bind-completed (and bound-by-controller) annotations. */
function bindClaimToVolume(ctx: ReconcileContext, claim: ClaimObject, pv: VolumeObject): ClaimObject {
  const shouldBind = claim.spec?.volumeName !== pv.metadata.name;
  const next = clone(claim);
  const annotations = { ...(next.metadata.annotations ?? {}) };
  let dirty = false;
  if (shouldBind) {
    next.spec = { ...(next.spec ?? {}), volumeName: pv.metadata.name };
    dirty = true;
    if (!annotations[ANN_BOUND_BY_CONTROLLER]) annotations[ANN_BOUND_BY_CONTROLLER] = 'yes';
  }
  if (!annotations[ANN_BIND_COMPLETED]) {
    annotations[ANN_BIND_COMPLETED] = 'yes';
    dirty = true;
  }
  if (!dirty) return claim;
  next.metadata.annotations = annotations;
  const result = ctx.update(next, `PersistentVolumeClaim ${claimKey(claim)} records its volume ${pv.metadata.name} ` +
    '(spec.volumeName, pv.kubernetes.io/bind-completed)');
  return (result.ok ? result.object : claim) as ClaimObject;
}

/** bind: volume → claim, volume Bound, claim → volume, claim Bound; each write only when needed. */
export function bind(ctx: ReconcileContext, pv: VolumeObject, claim: ClaimObject, why: string): void {
  let volume = bindVolumeToClaim(ctx, pv, claim, why);
  volume = updateVolumePhase(ctx, volume, 'Bound', `it belongs to claim ${claimKey(claim)}`);
  const bound = bindClaimToVolume(ctx, claim, volume);
  updateClaimStatus(ctx, bound, 'Bound', volume,
    `its volume ${volume.metadata.name} offers ${volume.spec?.capacity?.storage ?? '?'} (the claim shows the volume's full capacity)`);
}

/**
 * unbindVolume: a volume the controller bound loses its claimRef; one the user pre-bound keeps it
 * without the uid, so the same claim name can bind it again. Either way it is Available again.
 */
export function unbindVolume(ctx: ReconcileContext, pv: VolumeObject, why: string): void {
  const next = clone(pv);
  if (pv.metadata.annotations?.[ANN_BOUND_BY_CONTROLLER]) {
    delete next.spec!.claimRef;
    const annotations = { ...(next.metadata.annotations ?? {}) };
    delete annotations[ANN_BOUND_BY_CONTROLLER];
    if (Object.keys(annotations).length) next.metadata.annotations = annotations;
    else delete next.metadata.annotations;
  } else if (next.spec?.claimRef) {
    const { uid: _uid, ...ref } = next.spec.claimRef;
    next.spec.claimRef = ref;
  }
  const result = ctx.update(next, `PersistentVolume ${pv.metadata.name} is released from its claim: ${why}`);
  if (result.ok) updateVolumePhase(ctx, result.object as VolumeObject, 'Available', 'it can be bound to a new claim');
}
