/**
 * Storage defaults: PersistentVolume, PersistentVolumeClaim (and claim templates), StorageClass,
 * CSIDriver. upstream: pkg/apis/core/v1/defaults.go, pkg/apis/storage/v1/defaults.go
 */
import { defaultResourceList } from './podSpec';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>;

function defaultClaimSpec(spec: Obj | undefined): void {
  if (!spec || typeof spec !== 'object') return;
  spec.volumeMode ??= 'Filesystem';
  defaultResourceList(spec.resources?.requests);
  defaultResourceList(spec.resources?.limits);
}

export function defaultPersistentVolumeClaim(obj: Obj): void {
  obj.spec ??= {};
  defaultClaimSpec(obj.spec);
  obj.status ??= {};
  obj.status.phase ||= 'Pending';
}

/** A StatefulSet volumeClaimTemplate serializes as a full PVC: creationTimestamp null, status Pending. */
export function defaultClaimTemplate(claim: Obj): void {
  if (!claim || typeof claim !== 'object') return;
  claim.apiVersion ??= 'v1';
  claim.kind ??= 'PersistentVolumeClaim';
  claim.metadata ??= {};
  if (!('creationTimestamp' in claim.metadata)) claim.metadata.creationTimestamp = null;
  defaultPersistentVolumeClaim(claim);
}

export function defaultPersistentVolume(obj: Obj): void {
  obj.spec ??= {};
  obj.spec.persistentVolumeReclaimPolicy ||= 'Retain';
  obj.spec.volumeMode ??= 'Filesystem';
  defaultResourceList(obj.spec.capacity);
  if (obj.spec.hostPath) obj.spec.hostPath.type ??= '';
  obj.status ??= {};
  obj.status.phase ||= 'Pending';
}

export function defaultStorageClass(obj: Obj): void {
  obj.reclaimPolicy ??= 'Delete';
  obj.volumeBindingMode ??= 'Immediate';
}

export function defaultCSIDriver(obj: Obj): void {
  obj.spec ??= {};
  const s = obj.spec;
  s.attachRequired ??= true;
  s.podInfoOnMount ??= false;
  s.storageCapacity ??= false;
  s.requiresRepublish ??= false;
  s.fsGroupPolicy ??= 'ReadWriteOnceWithFSType';
  s.volumeLifecycleModes ??= ['Persistent'];
  s.seLinuxMount ??= false;
}
