import type {
  Container, DownwardAPIVolumeFile, KeyToPath, Node, Pod, ResourceFieldSelector, Volume, VolumeMount,
} from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api';
import type { StoreReader } from '../controllers/types';
import { parseQuantity } from '../util/quantity';
import { findRef, recordsOf, type PodSync } from './podSync';
import { programOfRecord } from './running';

type Data = { data?: Record<string, string>; binaryData?: Record<string, string> };

/** base64 bytes, read as the UTF-8 text a file of them holds. */
function decode(value: string): string {
  try {
    const binary = globalThis.atob(value);
    return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
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

/** upstream FormatMap: `key="value"` lines, sorted by key. */
const formatMap = (m: Record<string, string> | undefined) =>
  Object.keys(m ?? {}).sort().map((k) => `${k}="${m![k]}"`).join('\n');

function fieldValue(pod: Pod, path: string): string {
  const meta = pod.metadata ?? {};
  const subscript = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (subscript) return (subscript[1] === 'labels' ? meta.labels : meta.annotations)?.[subscript[2]] ?? '';
  if (path === 'metadata.labels') return formatMap(meta.labels);
  if (path === 'metadata.annotations') return formatMap(meta.annotations);
  if (path === 'metadata.name') return meta.name ?? '';
  if (path === 'metadata.namespace') return meta.namespace ?? 'default';
  if (path === 'metadata.uid') return meta.uid ?? '';
  return '';
}

/**
 * upstream ExtractResourceValueByContainerNameAndNodeAllocatable: a container's limit (the node's
 * allocatable when it sets none) or request, divided by the divisor and rounded up.
 */
function resourceValue(pod: Pod, ref: ResourceFieldSelector, store: StoreReader): string {
  const container = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].find((c) => c.name === ref.containerName);
  const [bucket, resource] = ref.resource.split('.');
  const node = pod.spec?.nodeName ? store.get('Node', pod.spec.nodeName) as (KubeObject & Node) | undefined : undefined;
  const raw = bucket === 'limits'
    ? container?.resources?.limits?.[resource] ?? node?.status?.allocatable?.[resource]
    : container?.resources?.requests?.[resource];
  const value = parseQuantity(raw as string | undefined) ?? 0;
  const divisor = parseQuantity(ref.divisor as string | undefined) || 1;
  return String(resource === 'cpu' ? Math.ceil(Math.round(value * 1000) / Math.round(divisor * 1000)) : Math.ceil(value / divisor));
}

function downwardFiles(items: DownwardAPIVolumeFile[] | undefined, pod: Pod, store: StoreReader): Record<string, string> {
  return Object.fromEntries((items ?? []).map((i) => [i.path,
    i.fieldRef ? fieldValue(pod, i.fieldRef.fieldPath) : i.resourceFieldRef ? resourceValue(pod, i.resourceFieldRef, store) : '']));
}

/**
 * upstream MakePayload: an `items` key the ConfigMap or Secret lacks fails the mount, unless the
 * source is optional. The SetUp error for the first such key, if any.
 */
export function missingKeyError(volume: Volume, store: StoreReader, ns: string): string | undefined {
  const check = (kind: 'ConfigMap' | 'Secret', name: string | undefined, items: KeyToPath[] | undefined, optional?: boolean) => {
    const obj = name ? store.get(kind, name, ns) : undefined;
    if (!obj || optional) return undefined;
    const data = keysOf(store, kind, name, ns);
    const missing = (items ?? []).find((i) => !(i.key in data));
    if (!missing) return undefined;
    return kind === 'ConfigMap' ? `configmap references non-existent config key: ${missing.key}` : `references non-existent secret key: ${missing.key}`;
  };
  if (volume.configMap) return check('ConfigMap', volume.configMap.name, volume.configMap.items, volume.configMap.optional);
  if (volume.secret) return check('Secret', volume.secret.secretName, volume.secret.items, volume.secret.optional);
  for (const src of volume.projected?.sources ?? []) {
    const err = src.configMap ? check('ConfigMap', src.configMap.name, src.configMap.items, src.configMap.optional)
      : src.secret ? check('Secret', src.secret.name, src.secret.items, src.secret.optional) : undefined;
    if (err) return err;
  }
  return undefined;
}

/** The files one volume shows, relative to its mount point. */
function volumeContent(volume: Volume, pod: Pod, store: StoreReader): Record<string, string> {
  const ns = pod.metadata?.namespace ?? 'default';
  if (volume.configMap) return project(keysOf(store, 'ConfigMap', volume.configMap.name, ns), volume.configMap.items);
  if (volume.secret) return project(keysOf(store, 'Secret', volume.secret.secretName, ns), volume.secret.items);
  if (volume.downwardAPI) return downwardFiles(volume.downwardAPI.items, pod, store);
  if (volume.projected) {
    const out: Record<string, string> = {};
    for (const source of volume.projected.sources ?? []) {
      if (source.configMap) Object.assign(out, project(keysOf(store, 'ConfigMap', source.configMap.name, ns), source.configMap.items));
      if (source.secret) Object.assign(out, project(keysOf(store, 'Secret', source.secret.name, ns), source.secret.items));
      if (source.downwardAPI) Object.assign(out, downwardFiles(source.downwardAPI.items, pod, store));
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
