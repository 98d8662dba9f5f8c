import type { Memo } from '../controllers/types';
import type { BackoffEntry } from './backoff';
import type { ProbeState } from './probeState';
import type { PodConfigSeen } from './podUpdate';
import type { ProgramExtras } from './programs';
import type { SourceData } from './volumePayload';

/** A waiting reason the kubelet remembers from its last sync (upstream: the kubelet's reasonCache). */
export interface WaitingReason {
  reason: string;
  message?: string;
}

/** An image pull in flight for one container (pulls are serialized per node). */
export interface PullRecord {
  /** The image as written in the spec (events quote it). */
  image: string;
  requestedAt: number;
  doneAt: number;
  ok: boolean;
  /** The Pulled event was emitted; the image waits for the container to be created. */
  reported?: boolean;
  message?: string;
  sizeBytes?: number;
  /** Time spent pulling, without the wait for earlier pulls. */
  pullMs: number;
}

/** Why a container is being stopped, and the moments its stop was planned for. */
export interface KillPlan {
  reason: 'delete' | 'stop' | 'liveness' | 'startup' | 'changed' | 'postStart' | 'deadline';
  startedAt: number;
  sigtermAt: number;
  sigkillAt: number;
  /** Start the replacement at once, without back-off (a changed definition). */
  restartNow?: boolean;
}

/** The kubelet's bookkeeping for one pod (per pod UID), kept in the versioned memo. */
export interface PodMemo {
  accepted?: boolean;
  /** When the kubelet admitted the pod (its prober workers tick from then). */
  admittedAt?: number;
  /** The kubelet refused the pod (OutOfcpu, …); its status was written once, as Failed. */
  rejected?: boolean;
  reasons: Record<string, WaitingReason>;
  pulls: Record<string, PullRecord>;
  /** Per image, like upstream's `<podUID>_<image>` key. */
  pullBackoff: Record<string, BackoffEntry>;
  /** Per container name. */
  restartBackoff: Record<string, BackoffEntry>;
  /** Per container name: the back-off end whose BackOff event was already emitted. */
  noticed: Record<string, number>;
  /** Per container id. */
  kills: Record<string, KillPlan>;
  /** Per container id: probe results evaluated so far. */
  probes: Record<string, ProbeState>;
  /** Set once the pod is being stopped for good (deleted, finished, or past its deadline). */
  stopping?: { at: number; reason: 'delete' | 'done' | 'deadline' | 'evicted' };
  /** The eviction manager evicted the pod (Failed, reason Evicted, with this message). */
  evicted?: { message: string; at: number };
  /** The sandbox was stopped and the final status written. */
  finished?: boolean;
  /** The kubelet sent the final delete (grace period 0); a finalizer may still hold the object. */
  deleteRequested?: boolean;
  /** Per container name: the image whose InvalidImageName/ErrImageNeverPull was already reported. */
  imageErrors: Record<string, string>;
  /** Per container name: when its last image pull failed (the next sync comes 10s later). */
  pullFailedAt: Record<string, number>;
  /** Per container id: the runtime's error for a container that failed to start (StartError). */
  startErrors: Record<string, string>;
  /**
   * Per container name: a container killed to be replaced (failed liveness/startup probe, changed
   * definition) is restarted in the same sync, its back-off judged from `eventTime` (the exit
   * before it) as upstream's doBackOff does with the pod status it started the sync with.
   */
  restartNow: Record<string, { id: string; eventTime: number }>;
  /** Per container id: what its program was started with besides image and command (env, files, …). */
  inputs: Record<string, ProgramExtras>;
  /** Whether a volume failed to mount last time (FailedMount), with its retry back-off. */
  mount?: { failures: number; retryAt: number };
  /** The pod worker's periodic resync of configMap/secret/downwardAPI/projected volumes (volumeResync.ts). */
  volumeSync?: VolumeSyncMemo;
}

/** When the pod worker synced the Pod's remountable volumes, and when it will next. */
export interface VolumeSyncMemo {
  /** The last pod sync that set the volumes up: a container start, or a rewrite of the files. */
  syncedAt: number;
  /** The next periodic sync, once drawn (drawn only when a source changed: nothing to do otherwise). */
  next?: number;
  /** When the kubelet first saw the sources differ from the files it wrote. */
  changedAt?: number;
  /** The Pod's labels, annotations and spec at that sync: a change of them is an UPDATE, synced at once (podUpdate.ts). */
  seen?: PodConfigSeen;
  /** Immutable ConfigMaps and Secrets (`ConfigMap/name`) as first read: the kubelet stops watching them. */
  immutable?: Record<string, SourceData>;
}

export function emptyPodMemo(): PodMemo {
  return {
    reasons: {}, pulls: {}, pullBackoff: {}, restartBackoff: {}, noticed: {}, kills: {}, probes: {},
    imageErrors: {}, pullFailedAt: {}, inputs: {}, startErrors: {}, restartNow: {},
  };
}

const podKey = (uid: string) => `pod/${uid}`;

export function readPodMemo(memo: Memo, uid: string): PodMemo {
  return memo.get<PodMemo>(podKey(uid)) ?? emptyPodMemo();
}

export function writePodMemo(memo: Memo, uid: string, value: PodMemo): void {
  memo.set(podKey(uid), value);
}

export function dropPodMemo(memo: Memo, uid: string): void {
  memo.delete(podKey(uid));
}

/** Per-node bookkeeping: the serialized image puller and host-local IPAM. */
export interface NodeMemo {
  /** When the node's image puller is free again. */
  pullerFreeAt: number;
  /** Images a queued pull will have fetched, with when it finishes (a later pull of one only checks it). */
  queuedImages?: Record<string, number>;
  /** The last pod IP host-local reserved. */
  lastIP?: string;
  /** The kubelet has posted its first Node status and start-up events. */
  started?: boolean;
  ready?: boolean;
  /** The image list last posted in `status.images`. */
  postedImages?: string[];
  /** The restart (stopKubelet/startKubelet) this kubelet booted from; undefined for the first boot. */
  bootedAt?: number;
  /** MemoryPressure is reported until then (the eviction manager saw memory run low). */
  memoryPressureUntil?: number;
}

export function readNodeMemo(memo: Memo): NodeMemo {
  return memo.get<NodeMemo>('node') ?? { pullerFreeAt: 0 };
}

export function writeNodeMemo(memo: Memo, value: NodeMemo): void {
  memo.set('node', value);
}

/** Returns a copy of `record` with `key` set to `value` (or removed when undefined). */
export function withEntry<T>(record: Record<string, T>, key: string, value: T | undefined): Record<string, T> {
  const next = { ...record };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}
