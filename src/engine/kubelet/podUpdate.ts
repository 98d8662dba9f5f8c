/**
 * Which changes of a Pod object the kubelet's pod config treats as an UPDATE: one that dispatches a
 * pod sync at once (and with it the remount of configMap/secret/downwardAPI/projected volumes).
 *
 * upstream (kubelet 1.31, pkg/kubelet/config/config.go podsDifferSemantically): a change of the
 * spec, the labels or the annotations is an UPDATE; a change of the status alone is only a
 * RECONCILE (no sync of the Pod), and other metadata (ownerReferences, finalizers,
 * resourceVersion, …) is not compared at all. A deletionTimestamp takes the Pod to termination.
 */
import type { Pod, PodSpec } from 'kubernetes-types/core/v1';
import { deepEqual } from '../util/objects';

/** kubectl apply's record of the manifest (the API server keeps it on every applied object). */
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** What the kubelet last synced the Pod with (references to the stored, immutable values). */
export interface PodConfigSeen {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  spec?: PodSpec;
}

export type PodUpdatePart = 'labels' | 'annotations' | 'spec';

export function podConfigOf(pod: Pod): PodConfigSeen {
  return { labels: pod.metadata?.labels, annotations: pod.metadata?.annotations, spec: pod.spec };
}

/** Empty and absent maps are the same (reflect.DeepEqual differs on nil vs {}, but the API server stores neither as {}). */
const sameMap = (a: Record<string, string> | undefined, b: Record<string, string> | undefined) => deepEqual(a ?? {}, b ?? {});

const withoutLastApplied = (m: Record<string, string> | undefined) =>
  Object.fromEntries(Object.entries(m ?? {}).filter(([k]) => k !== LAST_APPLIED));

/**
 * The parts of the Pod that changed since `seen`, in the order labels, annotations, spec; empty
 * for none (or a status-only change). kubectl apply rewrites its last-applied annotation with every
 * other change: that annotation alone is named only when nothing else changed.
 */
export function podUpdateParts(seen: PodConfigSeen, pod: Pod): PodUpdatePart[] {
  const now = podConfigOf(pod);
  const labels = !sameMap(seen.labels, now.labels);
  const spec = !deepEqual(seen.spec, now.spec);
  const annotations = !sameMap(seen.annotations, now.annotations);
  const otherAnnotations = annotations && !sameMap(withoutLastApplied(seen.annotations), withoutLastApplied(now.annotations));
  const parts: PodUpdatePart[] = [];
  if (labels) parts.push('labels');
  if (otherAnnotations || (annotations && !labels && !spec)) parts.push('annotations');
  if (spec) parts.push('spec');
  return parts;
}

/** `pod` as the kubelet had it at its last sync: what the sources looked like before this UPDATE. */
export function podAsSeen<P extends Pod>(pod: P, seen: PodConfigSeen): P {
  return { ...pod, metadata: { ...pod.metadata, labels: seen.labels, annotations: seen.annotations }, spec: seen.spec };
}
