/**
 * The job controller's pod writes with their Events (upstream RealPodControl, recorder component
 * `job-controller`): create, delete, and removing the tracking finalizer.
 */
import type { KubeObject } from '../../api';
import { clone } from '../../util/objects';
import { isPodReady } from '../shared/pods';
import type { ReconcileContext } from '../types';
import { JOB_TRACKING_FINALIZER } from './jobSpec';
import { hasTrackingFinalizer } from './podState';

const notFound = (message: string) => message.endsWith('not found');
export const namespaceTerminating = (message: string) => message.includes('because it is being terminated');

export function createPod(ctx: ReconcileContext, job: KubeObject, pod: Partial<KubeObject> & { kind: string; apiVersion: string },
  message: string): { ok: boolean; ignored?: boolean } {
  const result = ctx.create(pod, message);
  if (result.ok) {
    ctx.event(job, 'Normal', 'SuccessfulCreate', `Created pod: ${result.object.metadata.name}`);
    return { ok: true };
  }
  // upstream: a namespace being torn down refuses every create; that is not an error
  if (namespaceTerminating(result.message)) return { ok: false, ignored: true };
  ctx.event(job, 'Warning', 'FailedCreate', `Error creating: ${result.message}`);
  return { ok: false };
}

/** Deletes a pod (finalizers stay); true when the delete was issued or the pod was already gone. */
export function deletePod(ctx: ReconcileContext, job: KubeObject, pod: KubeObject, message: string): boolean {
  const result = ctx.delete('Pod', pod.metadata.name, pod.metadata.namespace, undefined, message);
  if (result.ok) {
    ctx.event(job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
    return true;
  }
  if (notFound(result.message)) return true;
  ctx.event(job, 'Warning', 'FailedDelete', `Error deleting: ${result.message}`);
  return false;
}

/** upstream removeTrackingFinalizerPatch; a pod already gone counts as done. */
export function removeTrackingFinalizer(ctx: ReconcileContext, pod: KubeObject, message: string): boolean {
  if (!hasTrackingFinalizer(pod)) return true;
  const live = ctx.get('Pod', pod.metadata.name, pod.metadata.namespace);
  if (!live || live.metadata.uid !== pod.metadata.uid) return true;
  if (!hasTrackingFinalizer(live)) return true;
  const next = clone(live);
  next.metadata.finalizers = (next.metadata.finalizers ?? []).filter((f) => f !== JOB_TRACKING_FINALIZER);
  if (!next.metadata.finalizers.length) delete next.metadata.finalizers;
  const result = ctx.update(next, message);
  return result.ok || notFound(result.message);
}

/** upstream deleteActivePods: the Job is finishing; deletions keep the finalizers so the pods are counted. */
export function deleteActivePods(ctx: ReconcileContext, job: KubeObject, pods: KubeObject[], why: string): { deleted: number; deletedReady: number } {
  let deleted = 0;
  let deletedReady = 0;
  for (const pod of pods) {
    if (deletePod(ctx, job, pod, `Job ${job.metadata.name} ${why}: deleting its active Pod ${pod.metadata.name}`)) deleted++;
    if (isPodReady(pod)) deletedReady++;
  }
  return { deleted, deletedReady };
}

/**
 * upstream deleteJobPods (suspend, too many pods): the finalizer goes first, so these pods are
 * never counted as failed.
 */
export function deleteJobPods(ctx: ReconcileContext, job: KubeObject, pods: KubeObject[], why: string): { deleted: number; deletedReady: number } {
  let deleted = 0;
  let deletedReady = 0;
  for (const pod of pods) {
    const name = pod.metadata.name;
    const freed = removeTrackingFinalizer(ctx, pod, `Job ${job.metadata.name} ${why}: removing the ${JOB_TRACKING_FINALIZER} ` +
      `finalizer from Pod ${name} before deleting it, so it is not counted as failed`);
    if (!freed) continue;
    if (deletePod(ctx, job, pod, `Job ${job.metadata.name} ${why}: deleting its active Pod ${name}`)) deleted++;
    if (isPodReady(pod)) deletedReady++;
  }
  return { deleted, deletedReady };
}
