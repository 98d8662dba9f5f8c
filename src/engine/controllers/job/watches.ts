/**
 * What wakes the job controller: its Jobs, and pods through their controller reference (or, for
 * orphans, every Job whose selector matches); pods whose finalizer no Job will remove get an
 * orphan key. upstream: addPod / updatePod / deletePod / updateJob / deleteJob
 */
import type { KubeObject } from '../../api';
import { controllerOf, deepEqual, keyOf } from '../../util/objects';
import { matchesSelector } from '../../util/selectors';
import type { StoreReader, WatchSpec } from '../types';
import { isJobFinished, jobSpec } from './jobSpec';
import { needsOrphanCleanup, orphanKey, resolveJob } from './orphanPods';
import { hasTrackingFinalizer } from './podState';

function mapPod(pod: KubeObject, old: KubeObject | undefined, lister: StoreReader): string[] {
  const ns = pod.metadata.namespace;
  const keys = new Set<string>();
  if (needsOrphanCleanup(pod, lister)) keys.add(orphanKey(pod));
  const ref = controllerOf(pod);
  const oldRef = old && controllerOf(old);
  const refChanged = old !== undefined && !deepEqual(ref, oldRef);
  if (refChanged && oldRef) {
    const previous = resolveJob(lister, ns, oldRef);
    if (previous) keys.add(keyOf(previous));
  }
  if (ref) {
    const job = resolveJob(lister, ns, ref);
    if (job && !isJobFinished(job)) keys.add(keyOf(job));
    return [...keys];
  }
  const live = lister.get('Pod', pod.metadata.name, ns);
  const deleted = old === undefined && live?.metadata.uid !== pod.metadata.uid;
  const labelsChanged = old !== undefined && !deepEqual(pod.metadata.labels, old.metadata.labels);
  if (!deleted && !pod.metadata.deletionTimestamp && (old === undefined || labelsChanged || refChanged)) {
    for (const job of lister.list('Job', ns)) {
      if (matchesSelector(jobSpec(job).selector, pod.metadata.labels)) keys.add(keyOf(job));
    }
  }
  return [...keys];
}

/** A Job wakes its own key; once finished or deleted, also its pods that still carry the finalizer. */
function mapJob(job: KubeObject, _old: KubeObject | undefined, lister: StoreReader): string[] {
  const keys = [keyOf(job)];
  const live = lister.get('Job', job.metadata.name, job.metadata.namespace);
  const gone = live?.metadata.uid !== job.metadata.uid;
  if (gone || isJobFinished(job)) {
    for (const pod of lister.list('Pod', job.metadata.namespace)) {
      if (hasTrackingFinalizer(pod) && controllerOf(pod)?.uid === job.metadata.uid) keys.push(orphanKey(pod));
    }
  }
  return keys;
}

export const jobWatches: WatchSpec[] = [
  { kind: 'Job', map: mapJob },
  { kind: 'Pod', map: mapPod },
];
