/**
 * Claims, volumes and their StorageClasses: which class a claim asks for, which class is the
 * default, whether binding waits for the first consumer.
 * upstream: component-helpers/storage/volume (GetPersistentVolumeClaimClass, IsDelayBindingMode),
 * pkg/volume/util/util.go (GetDefaultClass)
 */
import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { KubeObject } from '../../api';
import type { StoreReader } from '../types';
import { ANN_BETA_DEFAULT_CLASS, ANN_BETA_STORAGE_CLASS, ANN_DEFAULT_CLASS } from './constants';

export type ClaimObject = KubeObject & PersistentVolumeClaim;
export type VolumeObject = KubeObject & PersistentVolume;
export type ClassObject = KubeObject & StorageClass;

/** The class a claim asks for: the beta annotation, else spec.storageClassName, else "" (no class). */
export function claimClass(claim: PersistentVolumeClaim): string {
  const beta = claim.metadata?.annotations?.[ANN_BETA_STORAGE_CLASS];
  if (beta !== undefined) return beta;
  return claim.spec?.storageClassName ?? '';
}

/** Whether the claim names a class at all (`storageClassName: ""` does: it asks for no class). */
export function claimHasClass(claim: PersistentVolumeClaim): boolean {
  return claim.metadata?.annotations?.[ANN_BETA_STORAGE_CLASS] !== undefined || claim.spec?.storageClassName != null;
}

export function volumeClass(volume: PersistentVolume): string {
  const beta = volume.metadata?.annotations?.[ANN_BETA_STORAGE_CLASS];
  if (beta !== undefined) return beta;
  return volume.spec?.storageClassName ?? '';
}

export function isDefaultClass(sc: StorageClass): boolean {
  const a = sc.metadata?.annotations ?? {};
  return a[ANN_DEFAULT_CLASS] === 'true' || a[ANN_BETA_DEFAULT_CLASS] === 'true';
}

/** upstream GetDefaultClass (1.28+): of several default classes, the newest wins, then the lowest name. */
export function defaultClass(classes: readonly KubeObject[]): ClassObject | undefined {
  const defaults = (classes as ClassObject[]).filter(isDefaultClass);
  defaults.sort((a, b) => {
    const ta = a.metadata.creationTimestamp;
    const tb = b.metadata.creationTimestamp;
    if (ta !== tb) return ta < tb ? 1 : -1;
    return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
  });
  return defaults[0];
}

export function getClass(reader: Pick<StoreReader, 'get'>, name: string): ClassObject | undefined {
  return name ? (reader.get('StorageClass', name) as ClassObject | undefined) : undefined;
}

/** upstream IsDelayBindingMode: the claim's class exists and binds WaitForFirstConsumer. */
export function isDelayBinding(claim: PersistentVolumeClaim, reader: Pick<StoreReader, 'get'>): boolean {
  return getClass(reader, claimClass(claim))?.volumeBindingMode === 'WaitForFirstConsumer';
}

/**
 * In-tree provisioners that CSI migration hands to their CSI drivers (1.31: all of them are
 * migrated). upstream: csi-translation-lib
 */
const MIGRATED: Record<string, string> = {
  'kubernetes.io/aws-ebs': 'ebs.csi.aws.com',
  'kubernetes.io/gce-pd': 'pd.csi.storage.gke.io',
  'kubernetes.io/azure-disk': 'disk.csi.azure.com',
  'kubernetes.io/azure-file': 'file.csi.azure.com',
  'kubernetes.io/cinder': 'cinder.csi.openstack.org',
  'kubernetes.io/vsphere-volume': 'csi.vsphere.vmware.com',
  'kubernetes.io/portworx-volume': 'pxd.portworx.com',
};

/** The external provisioner that handles a class's provisioner name (CSI migration applied). */
export function externalProvisionerName(provisioner: string): string {
  return MIGRATED[provisioner] ?? provisioner;
}

/** In-tree (`kubernetes.io/…`) provisioners no plugin serves any more: provisioning fails for them. */
export function isUnservedInTreeProvisioner(provisioner: string): boolean {
  return provisioner.startsWith('kubernetes.io/') && !(provisioner in MIGRATED);
}
