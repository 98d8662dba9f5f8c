import type { Container, KeyToPath, Pod, Volume, VolumeMount } from 'kubernetes-types/core/v1';
import type { StoreReader } from '../controllers/types';
import { sourceKeys, storeLookup, volumePayload, type SourceData, type SourceKind } from './volumePayload';
import { containerVolumeView, mountView } from './volumeView';
import { findRef, recordsOf, type PodSync } from './podSync';
import { programOfRecord } from './running';

/**
 * upstream MakePayload: an `items` key the ConfigMap or Secret lacks fails the mount, unless the
 * source is optional. The SetUp error for the first such key, if any.
 */
export function missingKeyError(volume: Volume, store: StoreReader, ns: string): string | undefined {
  const check = (kind: SourceKind, name: string | undefined, items: KeyToPath[] | undefined, optional?: boolean) => {
    const obj = name ? (store.get(kind, name, ns) as SourceData | undefined) : undefined;
    if (!obj || optional) return undefined;
    const data = sourceKeys(kind, obj);
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

/**
 * What a container sees in its volume mounts when it starts, as the API objects are now: path →
 * content for ConfigMap, Secret, downwardAPI and projected volumes (subPath mounts one file; none
 * while a volume's SetUp fails), and the mount points.
 */
export function containerFiles(pod: Pod, container: Container, store: StoreReader): { files: Record<string, string>; mounts: string[] } {
  const lookup = storeLookup(store, pod.metadata?.namespace ?? 'default');
  const volumes: Record<string, Record<string, string>> = {};
  for (const v of pod.spec?.volumes ?? []) {
    const result = volumePayload(v, pod, lookup, store);
    if (result.ok) volumes[v.name] = result.payload.files;
  }
  return { files: mountView(container, pod, volumes), mounts: (container.volumeMounts ?? []).map((m) => m.mountPath) };
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

/**
 * What a container of a running Pod sees at start: the files the kubelet last wrote into its
 * configMap/secret/downwardAPI/projected volumes, and what other containers left in shared volumes.
 */
export function podContainerFiles(s: PodSync, container: Container): { files: Record<string, string>; mounts: string[] } {
  const own = containerVolumeView(s, container);
  return { files: { ...sharedVolumeFiles(s, container), ...own }, mounts: (container.volumeMounts ?? []).map((m) => m.mountPath) };
}
