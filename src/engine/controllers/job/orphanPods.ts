/**
 * upstream syncOrphanPod: a pod that still carries the tracking finalizer but whose Job is gone,
 * finished, or not its controller any more loses the finalizer, so it can be deleted.
 */
import type { KubeObject } from '../../api';
import { controllerOf, objectKey } from '../../util/objects';
import type { ReconcileContext, StoreReader } from '../types';
import { isJobFinished, JOB_TRACKING_FINALIZER } from './jobSpec';
import { removeTrackingFinalizer } from './podControl';
import { hasTrackingFinalizer } from './podState';

export const ORPHAN_PREFIX = 'orphan:';

export const orphanKey = (pod: KubeObject) => ORPHAN_PREFIX + objectKey(pod.metadata.namespace, pod.metadata.name);

/** The Job a controller reference names, if it exists with that uid. */
export function resolveJob(lister: StoreReader, namespace: string | undefined, ref: { kind: string; name: string; uid: string } | undefined):
  KubeObject | undefined {
  if (!ref || ref.kind !== 'Job') return undefined;
  const job = lister.get('Job', ref.name, namespace);
  return job && job.metadata.uid === ref.uid ? job : undefined;
}

/** Whether a pod's finalizer is no Job's to remove any more: its controller Job is missing or finished. */
export function needsOrphanCleanup(pod: KubeObject, lister: StoreReader): boolean {
  if (!hasTrackingFinalizer(pod)) return false;
  const ref = controllerOf(pod);
  if (!ref) return true;
  if (ref.kind !== 'Job' || ref.apiVersion !== 'batch/v1') return false;
  const job = resolveJob(lister, pod.metadata.namespace, ref);
  return !job || isJobFinished(job);
}

export function syncOrphanPod(ctx: ReconcileContext, key: string): void {
  const rest = key.slice(ORPHAN_PREFIX.length);
  const slash = rest.indexOf('/');
  const namespace = rest.slice(0, slash);
  const pod = ctx.get('Pod', rest.slice(slash + 1), namespace);
  if (!pod || !needsOrphanCleanup(pod, ctx)) return;
  const ref = controllerOf(pod);
  const why = !ref ? 'it has no controller Job any more' : resolveJob(ctx, namespace, ref) ? `its Job ${ref.name} has finished` : `its Job ${ref.name} is gone`;
  removeTrackingFinalizer(ctx, pod, `Removed the ${JOB_TRACKING_FINALIZER} finalizer from orphan Pod ${pod.metadata.name}: ${why}, ` +
    'so nothing is left to count it and it may be deleted');
}
