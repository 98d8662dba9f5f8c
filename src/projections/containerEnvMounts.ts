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

/** The files a ConfigMap or Secret puts in a volume (its `items`, or all its keys), and whether it exists. */
function keysOf(get: Get, kind: 'ConfigMap' | 'Secret', name: string, ns: string, items?: { key: string; path: string }[]): { files: string[]; found: boolean } {
  const obj = get(kind, name, ns);
  if (items?.length) return { files: items.map((i) => i.path), found: !!obj };
  if (!obj) return { files: [], found: false };
  return { files: Object.keys({ ...((obj.data ?? {}) as object), ...((obj.binaryData ?? {}) as object) }).sort(), found: true };
}

const notFound = (kind: string, name: string) => `${kind.toLowerCase()} "${name}" not found`;

function describe(v: Volume, get: Get, ns: string): { source: string; files: string[]; problem?: string } {
  if (v.configMap || v.secret) {
    const kind = v.configMap ? 'ConfigMap' : 'Secret';
    const name = (v.configMap?.name ?? v.secret?.secretName) ?? '';
    const optional = (v.configMap?.optional ?? v.secret?.optional) ?? false;
    const { files, found } = keysOf(get, kind, name, ns, v.configMap?.items ?? v.secret?.items);
    return { source: `${kind === 'ConfigMap' ? 'configMap' : 'secret'} ${name}`, files, ...(found || optional ? {} : { problem: notFound(kind, name) }) };
  }
  if (v.persistentVolumeClaim) {
    const claim = get('PersistentVolumeClaim', v.persistentVolumeClaim.claimName, ns);
    const volumeName = (claim?.spec as { volumeName?: string } | undefined)?.volumeName;
    const problem = claim ? undefined : notFound('PersistentVolumeClaim', v.persistentVolumeClaim.claimName);
    return { source: `persistentVolumeClaim ${v.persistentVolumeClaim.claimName}${volumeName ? ` → ${volumeName}` : ''}`, files: [], ...(problem ? { problem } : {}) };
  }
  if (v.downwardAPI) return { source: 'downwardAPI', files: (v.downwardAPI.items ?? []).map((i) => i.path) };
  if (v.projected) return projected(v.projected.sources ?? [], get, ns);
  if (v.hostPath) return { source: `hostPath ${v.hostPath.path}${v.hostPath.type ? ` (${v.hostPath.type})` : ''}`, files: [] };
  if (v.emptyDir) return { source: `emptyDir${v.emptyDir.medium === 'Memory' ? ' (Memory: tmpfs)' : ''}`, files: [] };
  return { source: Object.keys(v).find((k) => k !== 'name') ?? 'unknown', files: [] };
}

function projected(sources: NonNullable<Volume['projected']>['sources'] & object, get: Get, ns: string): { source: string; files: string[]; problem?: string } {
  const files: string[] = [];
  const parts: string[] = [];
  const problems: string[] = [];
  for (const s of sources) {
    if (s.serviceAccountToken) { files.push(s.serviceAccountToken.path); parts.push('serviceAccountToken'); }
    for (const [kind, ref] of [['ConfigMap', s.configMap], ['Secret', s.secret]] as const) {
      if (!ref) continue;
      const found = keysOf(get, kind, ref.name ?? '', ns, ref.items);
      files.push(...found.files);
      parts.push(`${kind === 'ConfigMap' ? 'configMap' : 'secret'} ${ref.name}`);
      if (!found.found && !ref.optional) problems.push(notFound(kind, ref.name ?? ''));
    }
    if (s.downwardAPI) { files.push(...(s.downwardAPI.items ?? []).map((i) => i.path)); parts.push('downwardAPI'); }
  }
  return { source: `projected (${parts.join(', ')})`, files, ...(problems.length ? { problem: problems.join('; ') } : {}) };
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
