/**
 * Which volumes need attaching to a node before a Pod there can mount them, and by whom: CSI
 * volumes (unless their CSIDriver says attachRequired: false) and the cloud disks CSI migration
 * hands to their drivers. hostPath, local, NFS and the volumes local-path provisions need no attach.
 * upstream: pkg/volume/csi (attacher), csi-translation-lib, attachdetach reconciler (isMultiAttachForbidden)
 */
import type { PersistentVolume } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api';
import { imageDigest } from '../../kubelet/ids';
import type { StoreReader } from '../types';

export interface Attachable { attacher: string; handle: string }

export function attachableVolume(pv: PersistentVolume, reader: Pick<StoreReader, 'get'>): Attachable | undefined {
  const s = pv.spec ?? {};
  if (s.csi) {
    const driver = reader.get('CSIDriver', s.csi.driver) as (KubeObject & { spec?: { attachRequired?: boolean } }) | undefined;
    return driver?.spec?.attachRequired === false ? undefined : { attacher: s.csi.driver, handle: s.csi.volumeHandle };
  }
  if (s.awsElasticBlockStore) return { attacher: 'ebs.csi.aws.com', handle: s.awsElasticBlockStore.volumeID };
  if (s.gcePersistentDisk) return { attacher: 'pd.csi.storage.gke.io', handle: s.gcePersistentDisk.pdName };
  if (s.azureDisk) return { attacher: 'disk.csi.azure.com', handle: s.azureDisk.diskURI };
  if (s.cinder) return { attacher: 'cinder.csi.openstack.org', handle: s.cinder.volumeID };
  if (s.vsphereVolume) return { attacher: 'csi.vsphere.vmware.com', handle: s.vsphereVolume.volumePath };
  return undefined;
}

/** upstream isMultiAttachForbidden: a volume that offers only single-node modes attaches to one node at a time. */
export function multiAttachForbidden(pv: PersistentVolume): boolean {
  const modes = pv.spec?.accessModes ?? [];
  return modes.length > 0 && !modes.includes('ReadWriteMany') && !modes.includes('ReadOnlyMany');
}

/** upstream getAttachmentName: `csi-` + a hash of volume handle, driver and node. */
export function attachmentName(a: Attachable, node: string): string {
  return `csi-${imageDigest(`${a.handle}${a.attacher}${node}`).slice('sha256:'.length)}`;
}

type VolumeAttachmentObject = KubeObject & {
  spec: { attacher: string; nodeName: string; source: { persistentVolumeName?: string } };
  status?: { attached?: boolean };
};
export type { VolumeAttachmentObject };

/** The VolumeAttachments of one PersistentVolume. */
export function attachmentsOf(reader: Pick<StoreReader, 'list'>, pvName: string): VolumeAttachmentObject[] {
  return (reader.list('VolumeAttachment') as VolumeAttachmentObject[]).filter((va) => va.spec?.source?.persistentVolumeName === pvName);
}

/** Whether the volume is attached to the node (the kubelet waits for this before mounting). */
export function isAttached(reader: Pick<StoreReader, 'list'>, pvName: string, node: string): boolean {
  return attachmentsOf(reader, pvName).some((va) => va.spec.nodeName === node && va.status?.attached === true);
}
