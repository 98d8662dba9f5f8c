/**
 * The storage admission plugins the API server runs (kept here, next to the controllers that finish
 * their work): DefaultStorageClass and StorageObjectInUseProtection on create,
 * PersistentVolumeClaimResize on update.
 * upstream: plugin/pkg/admission/storage/{storageclass/setdefault,storageobjectinuseprotection},
 * plugin/pkg/admission/storage/persistentvolume/resize
 */
import type { KubeObject } from '../../api';
import type { StoreReader } from '../types';
import { PV_PROTECTION_FINALIZER, PVC_PROTECTION_FINALIZER } from './constants';
import { claimClass, claimHasClass, defaultClass, getClass, type ClaimObject } from './storageClasses';
import { storageOf } from './volumeMatch';

type Reader = Pick<StoreReader, 'get' | 'list'>;

function withFinalizer(obj: KubeObject, finalizer: string): void {
  const finalizers = obj.metadata.finalizers ?? [];
  if (!finalizers.includes(finalizer)) obj.metadata.finalizers = [...finalizers, finalizer];
}

/**
 * Mutates a PersistentVolumeClaim or PersistentVolume being created: a claim that names no class
 * gets the default StorageClass (if there is one), and both get their protection finalizer.
 */
export function admitStorageCreate(obj: KubeObject, store: Reader): void {
  if (obj.kind === 'PersistentVolumeClaim') {
    const claim = obj as ClaimObject;
    if (!claimHasClass(claim)) {
      const def = defaultClass(store.list('StorageClass'));
      if (def) claim.spec = { ...(claim.spec ?? {}), storageClassName: def.metadata.name };
    }
    withFinalizer(obj, PVC_PROTECTION_FINALIZER);
  }
  if (obj.kind === 'PersistentVolume') withFinalizer(obj, PV_PROTECTION_FINALIZER);
}

/**
 * PersistentVolumeClaimResize: growing a claim is allowed only for a bound claim whose class sets
 * allowVolumeExpansion. Returns the API server's refusal, if any.
 */
export function storageUpdateProblem(next: KubeObject, old: KubeObject, store: Reader): string | undefined {
  if (next.kind !== 'PersistentVolumeClaim') return undefined;
  const claim = next as ClaimObject;
  const before = old as ClaimObject;
  if (storageOf(claim.spec?.resources?.requests?.storage) <= storageOf(before.spec?.resources?.requests?.storage)) return undefined;
  const forbidden = (why: string) => `persistentvolumeclaims "${old.metadata.name}" is forbidden: ${why}`;
  if (before.status?.phase !== 'Bound') return forbidden('Only bound persistent volume claims can be expanded');
  const sc = getClass(store, claimClass(before));
  if (!sc?.allowVolumeExpansion) {
    return forbidden('only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize');
  }
  return undefined;
}
