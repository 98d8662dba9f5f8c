/**
 * The kubelet's side of the volume-files table: the record it keeps for a Pod, the payloads the
 * Pod's configMap/secret/downwardAPI/projected volumes would get now, and what a container sees
 * of them at its mount paths.
 */
import type { Container, Pod, Volume } from 'kubernetes-types/core/v1';
import type { RecordTable } from '../controllers/types';
import type { PodSync } from './podSync';
import { podFilesKey, volumeFilesTable, type PodVolumeFiles } from './volumeFileTable';
import { isRemountable, volumePayload, type PayloadResult, type SourceData, type SourceLookup } from './volumePayload';

export function filesTable(s: Pick<PodSync, 'ctx' | 'node'>): RecordTable<PodVolumeFiles> {
  return s.ctx.table<PodVolumeFiles>(volumeFilesTable(s.node));
}

export const podKeyOf = (pod: Pod): string => podFilesKey(pod.metadata?.namespace ?? 'default', pod.metadata?.name ?? '');

/** The kubelet's record of this Pod (not one an older Pod of the same name left). */
export function podEntry(s: PodSync): PodVolumeFiles | undefined {
  const entry = filesTable(s).get(podKeyOf(s.pod));
  return entry?.podUid === s.uid ? entry : undefined;
}

/** upstream GetPodVolumeNames: only volumes some container mounts are set up; of those, the ones SetUp rewrites. */
export function remountableVolumes(pod: Pod): Volume[] {
  const used = new Set([...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]
    .flatMap((c) => (c.volumeMounts ?? []).map((m) => m.name)));
  return (pod.spec?.volumes ?? []).filter((v) => used.has(v.name) && isRemountable(v));
}

export const objectKey = (kind: string, name: string): string => `${kind}/${name}`;

/**
 * The kubelet's object cache: the API objects, except immutable ones it already read, which it no
 * longer watches (upstream: the watch-based manager stops the reflector of an immutable object).
 */
export function sourceLookup(s: PodSync): SourceLookup {
  const ns = s.pod.metadata.namespace ?? 'default';
  const cached = s.memo.volumeSync?.immutable ?? {};
  return (kind, name) => cached[objectKey(kind, name)] ?? (s.ctx.get(kind, name, ns) as SourceData | undefined);
}

/** What SetUp of each remountable volume would write now. */
export function desiredPayloads(s: PodSync): Map<string, PayloadResult> {
  const lookup = sourceLookup(s);
  return new Map(remountableVolumes(s.pod).map((v) => [v.name, volumePayload(v, s.pod, lookup, s.ctx)]));
}

const rootOf = (path: string) => path.replace(/\/+$/, '');

/**
 * What `container` sees of the given volume files at its mount paths. A subPath mount is bound
 * once, when the container starts: with `previous` (its view so far) it keeps what it had.
 */
export function mountView(container: Container, pod: Pod, volumes: Record<string, Record<string, string>>,
  previous?: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const mount of container.volumeMounts ?? []) {
    const volume = pod.spec?.volumes?.find((v) => v.name === mount.name);
    if (!volume || !isRemountable(volume)) continue;
    const base = rootOf(mount.mountPath);
    if (mount.subPath && previous) {
      for (const [path, content] of Object.entries(previous)) if (path === base || path.startsWith(`${base}/`)) out[path] = content;
      continue;
    }
    const files = volumes[mount.name] ?? {};
    for (const [rel, content] of Object.entries(files)) {
      if (!mount.subPath) out[`${base}/${rel}`] = content;
      else if (rel === mount.subPath) out[base] = content;
      else if (rel.startsWith(`${mount.subPath}/`)) out[`${base}/${rel.slice(mount.subPath.length + 1)}`] = content;
    }
  }
  return out;
}

/** The volume files each remountable volume holds: as last written, or (before any write) as SetUp makes them now. */
export function currentVolumeFiles(s: PodSync): Record<string, Record<string, string>> {
  const entry = podEntry(s);
  const lookup = sourceLookup(s);
  const out: Record<string, Record<string, string>> = {};
  for (const v of remountableVolumes(s.pod)) {
    const written = entry?.volumes[v.name];
    const result = written ? undefined : volumePayload(v, s.pod, lookup, s.ctx);
    out[v.name] = written ? written.files : result?.ok ? result.payload.files : {};
  }
  return out;
}

/** What a container starting now sees in its configMap/secret/downwardAPI/projected mounts. */
export function containerVolumeView(s: PodSync, container: Container): Record<string, string> {
  return mountView(container, s.pod, currentVolumeFiles(s));
}
