/**
 * Live updates of configMap, secret, downwardAPI and projected volumes in running Pods.
 *
 * upstream (kubelet 1.31, configMapAndSecretChangeDetectionStrategy Watch): the pod worker re-syncs
 * every Pod after wait.Jitter(syncFrequency = 1m, 0.5), i.e. in [60 s, 90 s) after its last sync;
 * each SyncPod → volumeManager.WaitForAttachAndMount → ReprocessPod marks these volumes for remount,
 * and their SetUp rewrites the files through the AtomicWriter (the `..data` symlink swap) when the
 * content changed. A SetUp that fails (the ConfigMap was deleted) leaves the last files in place
 * and reports FailedMount. subPath mounts were bound at container start and environment variables
 * were resolved then: both keep the old values until the container restarts.
 *
 * Nothing is scheduled while the files match their sources: the chain of periodic syncs is drawn
 * (from the seeded Random) lazily, starting at the last sync, once a source differs.
 *
 * upstream (pkg/kubelet/config/config.go): a change of the Pod's labels, annotations or spec is an
 * UPDATE that dispatches a pod sync at once; its remount picks up every source (a ConfigMap edited
 * before it too), and the next periodic sync is drawn from it. A status-only change syncs nothing.
 */
import type { Container, Volume } from 'kubernetes-types/core/v1';
import type { RuntimeContainer } from '../api';
import type { Random } from '../core/random';
import { readPodMemo, writePodMemo, type VolumeSyncMemo } from './podMemo';
import { act, containerRefs, isLive, latestRecord, podEvent, wake, type ContainerRef, type PodSync } from './podSync';
import type { PodVolumeFiles, WrittenVolume } from './volumeFileTable';
import { samePayload, volumeObjects, volumePayload, type SourceData } from './volumePayload';
import { podAsSeen, podConfigOf, podUpdateParts, type PodConfigSeen, type PodUpdatePart } from './podUpdate';
import { resyncMessage, type SyncTrigger, type VolumeRewrite } from './volumeResyncMessage';
import { filesTable, mountView, objectKey, podEntry, podKeyOf, remountableVolumes, sourceLookup } from './volumeView';

/** upstream: KubeletConfiguration syncFrequency default. */
export const SYNC_FREQUENCY_MS = 60_000;
/** upstream: pod_workers.go workerResyncIntervalJitterFactor. */
const JITTER_FACTOR = 0.5;

/** wait.Jitter(1m, 0.5): a delay in [60 s, 90 s). */
export function resyncDelay(rng: Random): number {
  return Math.floor(SYNC_FREQUENCY_MS * (1 + JITTER_FACTOR * rng.next()));
}

type Change = Omit<VolumeRewrite, 'since'>;
interface Plan { changed: Change[]; failed: { volume: Volume; error: string }[] }

/** What a SetUp of every remountable volume would do now, against what the kubelet last wrote. */
function planResync(s: PodSync, entry: PodVolumeFiles): Plan {
  const plan: Plan = { changed: [], failed: [] };
  const lookup = sourceLookup(s);
  for (const volume of remountableVolumes(s.pod)) {
    const result = volumePayload(volume, s.pod, lookup, s.ctx);
    if (!result.ok) {
      plan.failed.push({ volume, error: result.error });
      continue;
    }
    const before = entry.volumes[volume.name];
    if (!before || !samePayload(before, result.payload)) plan.changed.push({ volume, before, after: result.payload });
  }
  return plan;
}

/** Keeps the sync bookkeeping even when this sync takes no action (no Step). */
function saveSync(s: PodSync, volumeSync: VolumeSyncMemo): void {
  s.memo = { ...s.memo, volumeSync };
  writePodMemo(s.ctx.memo, s.uid, { ...readPodMemo(s.ctx.memo, s.uid), volumeSync });
}

/**
 * The periodic pod sync's remount, for a Pod whose containers have started. Acts (one Step) when
 * the sync is due and the files differ from their sources, or a source cannot be read; otherwise
 * asks to be woken at the sync, or (files up to date) for nothing at all.
 */
export function resyncVolumes(s: PodSync): boolean {
  const entry = podEntry(s);
  if (!entry) return false;
  const plan = planResync(s, entry);
  let sync = s.memo.volumeSync ?? { syncedAt: s.now };
  const seen = sync.seen ?? podConfigOf(s.pod);
  if (!sync.seen) saveSync(s, sync = { ...sync, seen });
  const update = podUpdateParts(seen, s.pod);
  if (update.length) return syncOnUpdate(s, entry, plan, { ...sync, seen }, update);
  if (!plan.changed.length && !plan.failed.length) {
    if (sync.changedAt !== undefined) saveSync(s, { ...sync, changedAt: undefined });
    return false;
  }
  const changedAt = sync.changedAt ?? s.now;
  let next = sync.next ?? sync.syncedAt + resyncDelay(s.ctx.rng);
  while (next < s.now) next += resyncDelay(s.ctx.rng);
  if (s.now < next) {
    if (next !== sync.next || changedAt !== sync.changedAt) saveSync(s, { ...sync, changedAt, next });
    wake(s, next);
    return false;
  }
  applyResync(s, entry, plan, () => changedAt, { kind: 'periodic' });
  return true;
}

/**
 * The pod sync an UPDATE of the Pod dispatches: rewrites what differs now (one Step), or (nothing
 * differs) only restarts the periodic chain from here. A volume that already differed before the
 * update keeps the time the kubelet first saw that; the others changed with the update itself.
 */
function syncOnUpdate(s: PodSync, entry: PodVolumeFiles, plan: Plan, sync: VolumeSyncMemo & { seen: PodConfigSeen },
  parts: PodUpdatePart[]): boolean {
  if (!plan.changed.length && !plan.failed.length) {
    saveSync(s, { ...sync, syncedAt: s.now, next: undefined, changedAt: undefined, seen: podConfigOf(s.pod) });
    return false;
  }
  const pending = new Set(planResync({ ...s, pod: podAsSeen(s.pod, sync.seen) }, entry).changed.map((c) => c.volume.name));
  const changedAt = sync.changedAt ?? s.now;
  applyResync(s, entry, plan, (name) => (pending.has(name) ? changedAt : s.now), { kind: 'update', parts });
  return true;
}

/**
 * Starting a container is a pod sync too: files that changed since the last write are rewritten
 * (one Step) before the container is created, so it starts with them.
 */
export function refreshBeforeStart(s: PodSync, ref: ContainerRef): boolean {
  const entry = podEntry(s);
  if (!entry) return false;
  const plan = planResync(s, entry);
  if (!plan.changed.length) return false;
  const changedAt = s.memo.volumeSync?.changedAt ?? s.now;
  applyResync(s, entry, { changed: plan.changed, failed: [] }, () => changedAt, { kind: 'start', container: ref.spec.name });
  return true;
}

/** Records what a container just created sees, writing the Pod's volumes first if this is its first container. */
export function recordContainerStart(s: PodSync, ref: ContainerRef, id: string): void {
  const volumes = remountableVolumes(s.pod);
  let entry = podEntry(s);
  if (!entry && !volumes.length) return;
  if (!entry) {
    const lookup = sourceLookup(s);
    const written: Record<string, WrittenVolume> = {};
    for (const v of volumes) {
      const result = volumePayload(v, s.pod, lookup, s.ctx);
      written[v.name] = { ...(result.ok ? result.payload : { files: {}, modes: {} }), writtenAt: s.now };
    }
    entry = { podUid: s.uid, volumes: written, containers: {} };
  }
  const files = mountView(ref.spec, s.pod, filesOf(entry.volumes));
  filesTable(s).set(podKeyOf(s.pod), { ...entry, containers: { ...entry.containers, [ref.spec.name]: { id, files } } });
  s.memo = { ...s.memo, volumeSync: syncedNow(s) };
}

const filesOf = (volumes: Record<string, WrittenVolume>) =>
  Object.fromEntries(Object.entries(volumes).map(([name, v]) => [name, v.files]));

/** Writes the changed volumes, swaps the live containers' views, and names the Step; `since` is when a volume's sources began to differ. */
function applyResync(s: PodSync, entry: PodVolumeFiles, plan: Plan, since: (volume: string) => number, trigger: SyncTrigger): void {
  const volumes = { ...entry.volumes };
  for (const c of plan.changed) volumes[c.volume.name] = { ...c.after, writtenAt: s.now };
  const files = filesOf(volumes);
  const containers = { ...entry.containers };
  const live: Container[] = [];
  for (const ref of containerRefs(s.pod)) {
    const view = containers[ref.spec.name];
    const record = latestRecord(s, ref.spec.name);
    if (!view || !record || record.id !== view.id || !isLive(record)) continue;
    live.push(ref.spec);
    const next = mountView(ref.spec, s.pod, files, view.files);
    if (sameFiles(next, view.files)) continue;
    containers[ref.spec.name] = { id: view.id, files: next };
    updateProgramFiles(s, record, view.files, next);
  }
  if (plan.changed.length) filesTable(s).set(podKeyOf(s.pod), { podUid: s.uid, volumes, containers });
  for (const f of plan.failed) podEvent(s, 'Warning', 'FailedMount', `MountVolume.SetUp failed for volume "${f.volume.name}" : ${f.error}`);
  s.memo = { ...s.memo, volumeSync: syncedNow(s) };
  const changed = plan.changed.map((c) => ({ ...c, since: since(c.volume.name) }));
  act(s, resyncMessage(s.pod.metadata.name, s.now, trigger, changed, plan.failed, live));
}

const sameFiles = (a: Record<string, string>, b: Record<string, string>) =>
  Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((k) => k in b && a[k] === b[k]);

/** The container's process sees the swap from now on (a created, not yet started one starts with the new files). */
function updateProgramFiles(s: PodSync, record: RuntimeContainer, old: Record<string, string>, next: Record<string, string>): void {
  const inputs = s.memo.inputs[record.id];
  if (!inputs) return;
  const files = Object.fromEntries(Object.entries(next).filter(([k, v]) => old[k] !== v));
  const removed = Object.keys(old).filter((k) => !(k in next));
  const updated = record.state === 'CONTAINER_RUNNING'
    ? { ...inputs, fileUpdates: [...(inputs.fileUpdates ?? []), { atMs: s.now - (record.startedAt ?? s.now), files, removed }] }
    : { ...inputs, files: { ...Object.fromEntries(Object.entries(inputs.files ?? {}).filter(([k]) => !removed.includes(k))), ...files } };
  s.memo = { ...s.memo, inputs: { ...s.memo.inputs, [record.id]: updated } };
}

/** The memo of a sync done now: the Pod as synced, and the immutable sources read for this write added to the kubelet's cache. */
function syncedNow(s: PodSync): VolumeSyncMemo {
  const sync: VolumeSyncMemo = { syncedAt: s.now, seen: podConfigOf(s.pod) };
  const cache: Record<string, SourceData> = { ...(s.memo.volumeSync?.immutable ?? {}) };
  const ns = s.pod.metadata.namespace ?? 'default';
  for (const v of remountableVolumes(s.pod)) {
    for (const o of volumeObjects(v)) {
      const key = objectKey(o.kind, o.name);
      const obj = cache[key] ? undefined : (s.ctx.get(o.kind, o.name, ns) as SourceData | undefined);
      if (obj?.immutable) cache[key] = { data: obj.data, binaryData: obj.binaryData, immutable: true };
    }
  }
  return Object.keys(cache).length ? { ...sync, immutable: cache } : sync;
}
