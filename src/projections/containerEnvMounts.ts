/**
 * A container's mounts as it sees them: each mount path with its volume, what the volume is, the
 * files a ConfigMap, Secret, downward-API or projected volume puts there, and which other
 * containers of the Pod share it. The service-account token volume every Pod gets is included:
 * the container does see it.
 */
import type { Container, Pod, Volume } from 'kubernetes-types/core/v1';
import type { ClusterView } from '../engine/api';

export interface MountRow {
  path: string;
  readOnly: boolean;
  subPath?: string;
  volume: string;
  /** `emptyDir`, `configMap app-config`, `persistentVolumeClaim data → pvc-…`. */
  source: string;
  /** File names the volume holds (ConfigMap, Secret, downward API and projected volumes). */
  files: string[];
  /** Other containers of the Pod mounting the same volume. */
  sharedWith: string[];
  /** Why the volume cannot be set up (a missing ConfigMap, Secret or claim), when it cannot. */
  problem?: string;
}

type Get = Pick<ClusterView, 'get'>['get'];

function keysOf(get: Get, kind: 'ConfigMap' | 'Secret', name: string, ns: string, items?: { key: string; path: string }[]): string[] | undefined {
  const obj = get(kind, name, ns);
  if (!obj) return undefined;
  if (items?.length) return items.map((i) => i.path);
  return Object.keys({ ...((obj.data ?? {}) as object), ...((obj.binaryData ?? {}) as object) }).sort();
}

function describe(v: Volume, get: Get, ns: string): { source: string; files: string[]; problem?: string } {
  if (v.configMap || v.secret) {
    const kind = v.configMap ? 'ConfigMap' : 'Secret';
    const name = (v.configMap?.name ?? v.secret?.secretName) ?? '';
    const optional = (v.configMap?.optional ?? v.secret?.optional) ?? false;
    const files = keysOf(get, kind, name, ns, v.configMap?.items ?? v.secret?.items);
    const problem = files || optional ? undefined : `${kind.toLowerCase()} "${name}" not found`;
    return { source: `${kind === 'ConfigMap' ? 'configMap' : 'secret'} ${name}`, files: files ?? [], ...(problem ? { problem } : {}) };
  }
  if (v.persistentVolumeClaim) {
    const claim = get('PersistentVolumeClaim', v.persistentVolumeClaim.claimName, ns);
    const volumeName = (claim?.spec as { volumeName?: string } | undefined)?.volumeName;
    const problem = claim ? undefined : `persistentvolumeclaim "${v.persistentVolumeClaim.claimName}" not found`;
    return { source: `persistentVolumeClaim ${v.persistentVolumeClaim.claimName}${volumeName ? ` → ${volumeName}` : ''}`, files: [], ...(problem ? { problem } : {}) };
  }
  if (v.downwardAPI) return { source: 'downwardAPI', files: (v.downwardAPI.items ?? []).map((i) => i.path) };
  if (v.projected) {
    const files: string[] = [];
    const parts: string[] = [];
    for (const s of v.projected.sources ?? []) {
      if (s.serviceAccountToken) { files.push(s.serviceAccountToken.path); parts.push('serviceAccountToken'); }
      if (s.configMap) { files.push(...(keysOf(get, 'ConfigMap', s.configMap.name ?? '', ns, s.configMap.items) ?? [])); parts.push(`configMap ${s.configMap.name}`); }
      if (s.secret) { files.push(...(keysOf(get, 'Secret', s.secret.name ?? '', ns, s.secret.items) ?? [])); parts.push(`secret ${s.secret.name}`); }
      if (s.downwardAPI) { files.push(...(s.downwardAPI.items ?? []).map((i) => i.path)); parts.push('downwardAPI'); }
    }
    return { source: `projected (${parts.join(', ')})`, files };
  }
  if (v.hostPath) return { source: `hostPath ${v.hostPath.path}${v.hostPath.type ? ` (${v.hostPath.type})` : ''}`, files: [] };
  if (v.emptyDir) return { source: `emptyDir${v.emptyDir.medium === 'Memory' ? ' (Memory: tmpfs)' : ''}`, files: [] };
  return { source: Object.keys(v).find((k) => k !== 'name') ?? 'unknown', files: [] };
}

export function containerMounts(view: Pick<ClusterView, 'get'>, pod: Pod, container: Container): MountRow[] {
  const ns = pod.metadata?.namespace ?? 'default';
  const volumes = new Map((pod.spec?.volumes ?? []).map((v) => [v.name, v]));
  const everyone = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  return (container.volumeMounts ?? []).map((m) => {
    const v = volumes.get(m.name);
    const what = v ? describe(v, view.get, ns) : { source: 'no such volume', files: [], problem: `volume "${m.name}" is not declared` };
    const sharedWith = everyone.filter((c) => c.name !== container.name && (c.volumeMounts ?? []).some((o) => o.name === m.name)).map((c) => c.name);
    return {
      path: m.mountPath,
      readOnly: m.readOnly ?? false,
      ...(m.subPath ? { subPath: m.subPath } : {}),
      volume: m.name,
      ...what,
      sharedWith,
    };
  });
}
