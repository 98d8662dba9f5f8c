import type { Container, KeyToPath, Pod, Volume, VolumeMount } from 'kubernetes-types/core/v1';
import type { StoreReader } from '../controllers/types';
import { findRef, recordsOf, type PodSync } from './podSync';
import { programOfRecord } from './running';

type Data = { data?: Record<string, string>; binaryData?: Record<string, string> };

function decode(value: string): string {
  try {
    return globalThis.atob(value);
  } catch {
    return value;
  }
}

function keysOf(store: StoreReader, kind: 'ConfigMap' | 'Secret', name: string | undefined, ns: string): Record<string, string> {
  const obj = name ? (store.get(kind, name, ns) as Data | undefined) : undefined;
  if (!obj) return {};
  if (kind === 'Secret') return Object.fromEntries(Object.entries(obj.data ?? {}).map(([k, v]) => [k, decode(v)]));
  return { ...(obj.data ?? {}), ...Object.fromEntries(Object.entries(obj.binaryData ?? {}).map(([k, v]) => [k, decode(v)])) };
}

/** `items` pick and rename keys; without them every key becomes a file of its own name. */
function project(data: Record<string, string>, items: KeyToPath[] | undefined): Record<string, string> {
  if (!items?.length) return data;
  const out: Record<string, string> = {};
  for (const item of items) if (item.key in data) out[item.path] = data[item.key];
  return out;
}

function fieldValue(pod: Pod, path: string): string {
  const meta = pod.metadata ?? {};
  if (path === 'metadata.labels') return Object.entries(meta.labels ?? {}).map(([k, v]) => `${k}="${v}"`).join('\n');
  if (path === 'metadata.annotations') return Object.entries(meta.annotations ?? {}).map(([k, v]) => `${k}="${v}"`).join('\n');
  if (path === 'metadata.name') return meta.name ?? '';
  if (path === 'metadata.namespace') return meta.namespace ?? 'default';
  if (path === 'metadata.uid') return meta.uid ?? '';
  return '';
}

/** The files one volume shows, relative to its mount point. */
function volumeContent(volume: Volume, pod: Pod, store: StoreReader): Record<string, string> {
  const ns = pod.metadata?.namespace ?? 'default';
  if (volume.configMap) return project(keysOf(store, 'ConfigMap', volume.configMap.name, ns), volume.configMap.items);
  if (volume.secret) return project(keysOf(store, 'Secret', volume.secret.secretName, ns), volume.secret.items);
  if (volume.downwardAPI) {
    return Object.fromEntries((volume.downwardAPI.items ?? []).map((i) => [i.path, i.fieldRef ? fieldValue(pod, i.fieldRef.fieldPath) : '']));
  }
  if (volume.projected) {
    const out: Record<string, string> = {};
    for (const source of volume.projected.sources ?? []) {
      if (source.configMap) Object.assign(out, project(keysOf(store, 'ConfigMap', source.configMap.name, ns), source.configMap.items));
      if (source.secret) Object.assign(out, project(keysOf(store, 'Secret', source.secret.name, ns), source.secret.items));
      if (source.downwardAPI) {
        for (const i of source.downwardAPI.items ?? []) out[i.path] = i.fieldRef ? fieldValue(pod, i.fieldRef.fieldPath) : '';
      }
      if (source.serviceAccountToken) out[source.serviceAccountToken.path] = 'eyJhbGciOiJSUzI1NiIsImtpZCI6IiJ9.e30.c2lnbmF0dXJl';
    }
    return out;
  }
  return {};
}

/**
 * What a container sees in its volume mounts when it starts: path → content for ConfigMap,
 * Secret, downwardAPI and projected volumes (subPath mounts one file), and the mount points.
 */
export function containerFiles(pod: Pod, container: Container, store: StoreReader): { files: Record<string, string>; mounts: string[] } {
  const files: Record<string, string> = {};
  const mounts: string[] = [];
  for (const mount of container.volumeMounts ?? []) {
    const volume = pod.spec?.volumes?.find((v) => v.name === mount.name);
    mounts.push(mount.mountPath);
    if (!volume) continue;
    const content = volumeContent(volume, pod, store);
    const base = mount.mountPath.replace(/\/+$/, '');
    if (mount.subPath) {
      if (mount.subPath in content) files[base] = content[mount.subPath];
      continue;
    }
    for (const [path, value] of Object.entries(content)) files[`${base}/${path}`] = value;
  }
  return { files, mounts };
}

/** Volumes whose contents outlive a container and are seen by every container mounting them. */
const isShared = (v: Volume) => !!(v.emptyDir || v.persistentVolumeClaim || v.hostPath || v.ephemeral);

const rootOf = (m: VolumeMount) => m.mountPath.replace(/\/+$/, '');

/**
 * Files the Pod's containers (earlier attempts of this one included) wrote into volumes `target`
 * also mounts (emptyDir, claims, hostPath), as they are now, at the paths `target` sees them:
 * an init container filling an emptyDir for the app container, a sidecar writing logs another reads.
 */
export function sharedVolumeFiles(s: PodSync, target: Container): Record<string, string> {
  const shared = new Set((s.pod.spec?.volumes ?? []).filter(isShared).map((v) => v.name));
  const targetMounts = (target.volumeMounts ?? []).filter((m) => shared.has(m.name));
  if (!targetMounts.length) return {};
  const out: Record<string, string> = {};
  const records = recordsOf(s).filter((r) => r.startedAt !== undefined).sort((a, b) => a.startedAt! - b.startedAt!);
  for (const record of records) {
    const ref = findRef(s.pod, record.name);
    const program = ref && programOfRecord(s, ref, record);
    if (!ref || !program) continue;
    const elapsed = (record.finishedAt ?? s.now) - record.startedAt!;
    const writerMounts = (ref.spec.volumeMounts ?? []).filter((m) => shared.has(m.name) && !m.subPath);
    for (const f of [...program.files].sort((a, b) => a.createdAtMs - b.createdAtMs)) {
      if (f.dir || f.createdAtMs > elapsed) continue;
      const removed = f.removedAtMs !== undefined && f.removedAtMs <= elapsed;
      for (const wm of writerMounts) {
        if (!f.path.startsWith(`${rootOf(wm)}/`)) continue;
        const rel = f.path.slice(rootOf(wm).length + 1);
        for (const tm of targetMounts.filter((m) => m.name === wm.name)) {
          const at = tm.subPath ? (tm.subPath === rel ? rootOf(tm) : undefined) : `${rootOf(tm)}/${rel}`;
          if (at === undefined) continue;
          if (removed) delete out[at];
          else out[at] = f.content ?? '';
        }
      }
    }
  }
  return out;
}

/** What a container of a running Pod sees at start: its volumes' files, and what other containers left in shared volumes. */
export function podContainerFiles(s: PodSync, container: Container): { files: Record<string, string>; mounts: string[] } {
  const own = containerFiles(s.pod, container, s.ctx);
  return { files: { ...sharedVolumeFiles(s, container), ...own.files }, mounts: own.mounts };
}
