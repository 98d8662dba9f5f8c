/**
 * What kind's local-path provisioner decides, as pure functions: whether it can provision a claim,
 * and the PersistentVolume it creates (a hostPath directory on the chosen node, pinned there by
 * node affinity). upstream: rancher/local-path-provisioner provisioner.go,
 * sig-storage-lib-external-provisioner controller.go (canProvision, getProvisionedVolumeNameForClaim)
 */
import type { Node, PersistentVolume } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api';
import { claimReference } from './binding';
import {
  ANN_DYNAMICALLY_PROVISIONED, ANN_LOCAL_PATH_SELECTED_NODE, LABEL_HOSTNAME, LOCAL_PATH_PROVISIONER, LOCAL_PATH_ROOT,
} from './constants';
import { claimClass, type ClaimObject, type ClassObject } from './storageClasses';

/** The provisioning library's name for a claim's volume: `pvc-<claim uid>`. */
export const provisionedVolumeName = (claim: ClaimObject) => `pvc-${claim.metadata.uid}`;

/** The library's canProvision: refused outright (a ProvisioningFailed Event, no retry). */
export function cannotProvision(claim: ClaimObject): string | undefined {
  return claim.spec?.volumeMode === 'Block' ? `${LOCAL_PATH_PROVISIONER} does not support block volume provisioning` : undefined;
}

/** local-path's Provision checks; the error is reported as `failed to provision volume with StorageClass …`. */
export function provisionError(claim: ClaimObject, node: Node | undefined): string | undefined {
  const selector = claim.spec?.selector;
  if (selector && (Object.keys(selector.matchLabels ?? {}).length || (selector.matchExpressions ?? []).length)) {
    return 'claim.Spec.Selector is not supported';
  }
  if ((claim.spec?.accessModes ?? []).some((m) => m !== 'ReadWriteOnce' && m !== 'ReadWriteOncePod')) {
    return 'NodePath only supports ReadWriteOnce and ReadWriteOncePod (1.22+) access modes';
  }
  if (!node) return 'configuration error, no node was specified';
  return undefined;
}

/** The PersistentVolume local-path creates for `claim` on `node`, pre-bound to the claim. */
export function localPathVolume(claim: ClaimObject, sc: ClassObject, node: Node): Partial<KubeObject> & { kind: string; apiVersion: string } {
  const nodeName = node.metadata?.name ?? '';
  const hostname = node.metadata?.labels?.[LABEL_HOSTNAME] ?? nodeName;
  const name = provisionedVolumeName(claim);
  const spec: PersistentVolume['spec'] = {
    accessModes: [...(claim.spec?.accessModes ?? [])],
    capacity: { storage: claim.spec?.resources?.requests?.storage ?? '0' },
    claimRef: claimReference(claim),
    hostPath: { path: `${LOCAL_PATH_ROOT}/${name}_${claim.metadata.namespace}_${claim.metadata.name}`, type: 'DirectoryOrCreate' },
    nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: LABEL_HOSTNAME, operator: 'In', values: [hostname] }] }] } },
    persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? 'Delete',
    storageClassName: claimClass(claim),
    volumeMode: 'Filesystem',
    ...(sc.mountOptions?.length ? { mountOptions: [...sc.mountOptions] } : {}),
  };
  return {
    apiVersion: 'v1', kind: 'PersistentVolume',
    metadata: {
      name, annotations: { [ANN_LOCAL_PATH_SELECTED_NODE]: nodeName, [ANN_DYNAMICALLY_PROVISIONED]: LOCAL_PATH_PROVISIONER },
    } as never,
    spec,
  };
}
