/**
 * The files a container sees at one configMap/secret/downwardAPI/projected mount, as of a view:
 * what the kubelet wrote for the container (`readContainerFiles`: a subPath mount keeps the file it
 * had at container start, the rest follow the kubelet's rewrites), else what it wrote into the Pod's
 * volume, else (no container of the Pod started yet) what the sources hold now. And why it may
 * differ from the sources: the kubelet has not synced the Pod since they changed (every 60–90 s),
 * a subPath mount is never updated, or a source is gone and the last files stay.
 */
import type { Container, Pod, Volume, VolumeMount } from 'kubernetes-types/core/v1';
import type { ClusterView } from '../engine/api';
import { readPodVolumeFiles } from '../engine/kubelet';
import { isRemountable, samePayload, storeLookup, volumePayload, type VolumePayload } from '../engine/kubelet/volumePayload';

export interface MountFile {
  /** The path under the mount point (for a subPath mount of one file, that file's name). */
  name: string;
  /** What the container reads; undefined when only the name is known (the source is missing). */
  content?: string;
  /** Comes from a Secret: shown masked until the learner reveals secrets. */
  secret: boolean;
}

/** Why the files shown differ from what the volume's sources hold now. */
export type MountNote =
  /** A source changed after the kubelet last wrote the files: they change at its next sync of the Pod. */
  | { type: 'syncPending'; source: { kind: 'ConfigMap' | 'Secret'; name: string } | { kind: 'downwardAPI' | 'projected' } }
  /** A subPath mount is bound at container start and never updated: the container sees the file it started with. */
  | { type: 'subPathFrozen' }
  /** The kubelet cannot read a source any more: the container keeps the files last written. */
  | { type: 'keepsLastWritten' };

type View = Pick<ClusterView, 'get' | 'list' | 'table'>;
type Files = Record<string, string>;

const rootOf = (path: string) => path.replace(/\/+$/, '');

/** The part of a volume (path relative to the volume → content) a mount shows. */
function mountedPart(mount: VolumeMount, files: Files): Files {
  const sub = mount.subPath;
  return Object.fromEntries(Object.entries(files).filter(([rel]) => !sub || rel === sub || rel.startsWith(`${sub}/`)));
}

/** What a container sees at a mount point (absolute path → content), keyed by the path in the volume. */
function seenAt(mount: VolumeMount, seen: Files): Files {
  const base = rootOf(mount.mountPath);
  const prefix = mount.subPath ? `${mount.subPath}/` : '';
  const out: Files = {};
  for (const [path, content] of Object.entries(seen)) {
    if (path === base && mount.subPath) out[mount.subPath] = content;
    else if (path.startsWith(`${base}/`)) out[`${prefix}${path.slice(base.length + 1)}`] = content;
  }
  return out;
}

const sameFiles = (a: Files, b: Files) => Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((k) => k in b && a[k] === b[k]);

/** Whether the file at a path of the volume comes from a Secret (unknown paths of a projected volume with a Secret count as secret). */
function secretTest(v: Volume, view: View, ns: string): (rel: string) => boolean {
  if (v.secret) return () => true;
  const sources = v.projected?.sources ?? [];
  if (!sources.some((s) => s.secret)) return () => false;
  const keys = (kind: string, name: string | undefined, items: { path: string }[] | undefined) =>
    items?.length ? items.map((i) => i.path) : Object.keys(((name && view.get(kind, name, ns)?.data) ?? {}) as object);
  const secret = new Set(sources.flatMap((s) => (s.secret ? keys('Secret', s.secret.name, s.secret.items) : [])));
  const open = new Set(sources.flatMap((s) => [
    ...(s.configMap ? keys('ConfigMap', s.configMap.name, s.configMap.items) : []),
    ...(s.downwardAPI?.items ?? []).map((i) => i.path),
    ...(s.serviceAccountToken ? [s.serviceAccountToken.path] : []),
  ]));
  return (rel) => secret.has(rel) || !open.has(rel);
}

function sourceOf(v: Volume): Extract<MountNote, { type: 'syncPending' }>['source'] {
  if (v.configMap) return { kind: 'ConfigMap', name: v.configMap.name ?? '' };
  if (v.secret) return { kind: 'Secret', name: v.secret.secretName ?? '' };
  return { kind: v.downwardAPI ? 'downwardAPI' : 'projected' };
}

/** The kubelet syncs this Pod again (it runs, and is neither finished nor being deleted). */
const syncsAgain = (pod: Pod) => !pod.metadata?.deletionTimestamp && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';

/**
 * The files `container` sees at `mount` of volume `v`, sorted by name, and the note that explains
 * a difference from the sources; undefined for a volume whose files are not the kubelet's to
 * write (emptyDir, claims…) or when nothing is known (no container started and a source missing).
 */
export function mountFiles(view: View, pod: Pod, container: Container, mount: VolumeMount, v: Volume): { files: MountFile[]; note?: MountNote } | undefined {
  if (!isRemountable(v)) return undefined;
  const ns = pod.metadata?.namespace ?? 'default';
  const now = volumePayload(v, pod, storeLookup(view, ns), view);
  const record = readPodVolumeFiles(view, pod);
  const written = record?.volumes[v.name];
  const seen = record?.containers[container.name]?.files;
  const shown = seen ? seenAt(mount, seen) : written ? mountedPart(mount, written.files) : now.ok ? mountedPart(mount, now.payload.files) : undefined;
  if (!shown) return undefined;
  const isSecret = secretTest(v, view, ns);
  const nameOf = (rel: string) => (!mount.subPath ? rel : rel === mount.subPath ? rootOf(mount.mountPath).split('/').pop() ?? rel : rel.slice(mount.subPath.length + 1));
  const files = Object.keys(shown).sort().map((rel) => ({ name: nameOf(rel), content: shown[rel], secret: isSecret(rel) }));
  const note = written && noteFor(pod, v, mount, { shown, started: !!seen }, written, now.ok ? now.payload : undefined);
  return { files, ...(note ? { note } : {}) };
}

/** Only once the kubelet has written the volume (a container started): before that the sources are what is shown. */
function noteFor(pod: Pod, v: Volume, mount: VolumeMount, seen: { shown: Files; started: boolean }, written: VolumePayload,
  now: VolumePayload | undefined): MountNote | undefined {
  if (mount.subPath) {
    // a container yet to start binds its subPath then, from the files as they are
    if (!seen.started) return undefined;
    return sameFiles(seen.shown, mountedPart(mount, (now ?? written).files)) ? undefined : { type: 'subPathFrozen' };
  }
  if (!now) return { type: 'keepsLastWritten' };
  return samePayload(written, now) || !syncsAgain(pod) ? undefined : { type: 'syncPending', source: sourceOf(v) };
}
