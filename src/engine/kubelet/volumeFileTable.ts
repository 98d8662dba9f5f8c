/**
 * The files the kubelet wrote into each Pod's configMap, secret, downwardAPI and projected volumes,
 * and what each container sees of them, kept in a versioned record table per Node so the UI and
 * tests can read them as of any Step (`view.table(volumeFilesTable(node))`). The entry changes
 * when a container starts and when the kubelet rewrites a volume at a pod sync.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { ClusterView } from '../api';

/** The record table of one Node's kubelet. Keys are `<namespace>/<pod>`. */
export const volumeFilesTable = (node: string): string => `kubelet-volume-files/${node}`;

export const podFilesKey = (namespace: string, name: string): string => `${namespace}/${name}`;

/** One volume as the kubelet last wrote it. */
export interface WrittenVolume {
  /** Path relative to the volume → content. */
  files: Record<string, string>;
  /** Path → mode (decimal: 420 is 0644). */
  modes: Record<string, number>;
  /** Virtual ms of the write. */
  writtenAt: number;
}

/** What the running (or last) instance of one container sees at its mount paths. */
export interface ContainerView {
  /** The runtime container id (as `runtime(node)` lists it). */
  id: string;
  /** Absolute path → content; subPath mounts keep what they had when the container started. */
  files: Record<string, string>;
}

export interface PodVolumeFiles {
  podUid: string;
  /** Per volume name. */
  volumes: Record<string, WrittenVolume>;
  /** Per container name. */
  containers: Record<string, ContainerView>;
}

/** The kubelet's record for `pod` in a view (undefined when it has none, or one of an older Pod of that name). */
export function readPodVolumeFiles(view: Pick<ClusterView, 'table'>, pod: Pod): PodVolumeFiles | undefined {
  const node = pod.spec?.nodeName;
  if (!node) return undefined;
  const key = podFilesKey(pod.metadata?.namespace ?? 'default', pod.metadata?.name ?? '');
  const entry = view.table<PodVolumeFiles>(volumeFilesTable(node)).find(([k]) => k === key)?.[1];
  return entry && entry.podUid === pod.metadata?.uid ? entry : undefined;
}

/** What one container of `pod` sees in its configMap/secret/downwardAPI/projected mounts, as of the view. */
export function readContainerFiles(view: Pick<ClusterView, 'table'>, pod: Pod, container: string): Record<string, string> | undefined {
  return readPodVolumeFiles(view, pod)?.containers[container]?.files;
}
