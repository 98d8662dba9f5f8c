/**
 * A container's mounts as it sees them: each mount path with its volume, what the volume is, the
 * files a ConfigMap, Secret, downward-API or projected volume puts there (as the kubelet wrote them
 * for this container, see `containerMountFiles.ts`), and which other containers of the Pod share
 * it. The service-account token volume every Pod gets is included: the container does see it.
 */
import type { Container, Pod, Volume, VolumeMount } from 'kubernetes-types/core/v1';
import type { ClusterView } from '../engine/api';
import { mountFiles, type MountFile, type MountNote } from './containerMountFiles';

export type { MountFile, MountNote };

export interface MountRow {
  path: string;
  readOnly: boolean;
  subPath?: string;
  volume: string;
  /** `emptyDir`, `configMap app-config`, `persistentVolumeClaim data → pvc-…` (field names: data); '' when undeclared. */
  source: string;
  /** The files the container sees there (ConfigMap, Secret, downward API and projected volumes), by name. */
  files: MountFile[];
  /** Why those files differ from what the volume's sources hold now. */
  note?: MountNote;
  /** Other containers of the Pod mounting the same volume. */
  sharedWith: string[];
  /** Why the volume cannot be set up (a missing ConfigMap, Secret or claim): Kubernetes' NotFound message. */
  problem?: string;
  /** The mount names a volume the Pod does not declare (validation refuses such a Pod; the UI words it). */
  undeclared?: true;
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

/** The file names alone, where the sources cannot be read (a missing ConfigMap or Secret, before any container started). */
const named = (files: string[], secret: boolean): MountFile[] => files.map((name) => ({ name, secret }));

/** What the volume is, and the files the container sees at the mount (their names alone where nothing else is known). */
function seenThere(view: Pick<ClusterView, 'get' | 'list' | 'table'>, pod: Pod, container: Container, m: VolumeMount, v: Volume) {
  const described = describe(v, (kind, name, namespace) => view.get(kind, name, namespace), pod.metadata?.namespace ?? 'default');
  return { ...described, ...(mountFiles(view, pod, container, m, v) ?? { files: named(described.files, !!v.secret) }) };
}

export function containerMounts(view: Pick<ClusterView, 'get' | 'list' | 'table'>, pod: Pod, container: Container): MountRow[] {
  const volumes = new Map((pod.spec?.volumes ?? []).map((v) => [v.name, v]));
  const everyone = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  return (container.volumeMounts ?? []).map((m) => {
    const v = volumes.get(m.name);
    const what = v ? seenThere(view, pod, container, m, v) : { source: '', files: [], undeclared: true as const };
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
