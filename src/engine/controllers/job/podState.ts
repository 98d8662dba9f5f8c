/**
 * How the job controller reads its pods: terminal phases, the tracking finalizer, terminating
 * pods, and which pods count as failed under the pod replacement policy.
 * upstream: pkg/controller/job/job_controller.go, pkg/controller/controller_utils.go
 */
import type { KubeObject } from '../../api';
import { isPodReady, podPhase } from '../shared/pods';
import { JOB_TRACKING_FINALIZER, type JobView } from './jobSpec';

export const hasTrackingFinalizer = (pod: KubeObject): boolean =>
  pod.metadata.finalizers?.includes(JOB_TRACKING_FINALIZER) ?? false;

export const isPodTerminal = (pod: KubeObject): boolean => {
  const phase = podPhase(pod);
  return phase === 'Succeeded' || phase === 'Failed';
};

/** upstream IsPodTerminating: being deleted and not yet terminal. */
export const isPodTerminating = (pod: KubeObject): boolean => !isPodTerminal(pod) && !!pod.metadata.deletionTimestamp;

/**
 * upstream isPodFailed: a Failed pod; unless only failed pods are replaced, also a pod being
 * deleted that did not succeed (an orphan may never reach Failed).
 */
export function isPodFailed(pod: KubeObject, job: JobView): boolean {
  const phase = podPhase(pod);
  if (phase === 'Failed') return true;
  if (job.onlyReplaceFailed) return false;
  return !!pod.metadata.deletionTimestamp && phase !== 'Succeeded';
}

export const countReady = (pods: KubeObject[]): number => pods.filter(isPodReady).length;

export const countTerminating = (pods: KubeObject[]): number => pods.filter(isPodTerminating).length;

interface ContainerStatus { restartCount?: number }

/** upstream pastBackoffLimitOnFailure: restarts of running or pending pods (restartPolicy OnFailure only). */
export function pastBackoffLimitOnFailure(job: JobView, pods: KubeObject[]): boolean {
  if (job.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const pod of pods) {
    const phase = podPhase(pod);
    if (phase !== 'Running' && phase !== 'Pending') continue;
    const status = (pod.status ?? {}) as { containerStatuses?: ContainerStatus[]; initContainerStatuses?: ContainerStatus[] };
    for (const c of [...(status.initContainerStatuses ?? []), ...(status.containerStatuses ?? [])]) restarts += c.restartCount ?? 0;
  }
  return job.backoffLimit === 0 ? restarts > 0 : restarts >= job.backoffLimit;
}
