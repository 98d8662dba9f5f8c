/**
 * A Pod's volumes and where each container mounts them: the storage the containers of a Pod share.
 */
import type { Pod, Volume } from 'kubernetes-types/core/v1';
import type { VolumeData } from './types';

/** upstream admission adds this projected service-account token volume to every Pod; it would only repeat. */
const SERVICE_ACCOUNT_VOLUME = /^kube-api-access-[a-z0-9]{5}$/;

/** `emptyDir`, `configMap app-config`, `persistentVolumeClaim data`, … */
export function volumeSource(v: Volume): string {
  if (v.configMap) return `configMap ${v.configMap.name ?? ''}`.trim();
  if (v.secret) return `secret ${v.secret.secretName ?? ''}`.trim();
  if (v.persistentVolumeClaim) return `persistentVolumeClaim ${v.persistentVolumeClaim.claimName}`;
  if (v.hostPath) return `hostPath ${v.hostPath.path}`;
  const key = Object.keys(v).find((k) => k !== 'name');
  return key ?? 'unknown';
}

export function podVolumes(pod: Pod): VolumeData[] {
  const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  return (pod.spec?.volumes ?? [])
    .filter((v) => !(v.projected && SERVICE_ACCOUNT_VOLUME.test(v.name)))
    .map((v) => ({
      name: v.name,
      source: volumeSource(v),
      mounts: containers.flatMap((c) => (c.volumeMounts ?? [])
        .filter((m) => m.name === v.name)
        .map((m) => ({ container: c.name, path: m.mountPath, readOnly: m.readOnly ?? false }))),
    }));
}
