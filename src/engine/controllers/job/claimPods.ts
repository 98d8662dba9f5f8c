/**
 * upstream getPodsForJob: every pod of the namespace this Job controls or may adopt. Adoption adds
 * the controller reference and the tracking finalizer; release removes both.
 * upstream: pkg/controller/job/job_controller.go, PodControllerRefManager with finalizers
 */
import type { KubeObject } from '../../api';
import { clone, controllerOf } from '../../util/objects';
import { matchesSelector } from '../../util/selectors';
import { controllerRef } from '../shared/ownership';
import type { ReconcileContext } from '../types';
import { JOB_TRACKING_FINALIZER, type JobView } from './jobSpec';

export function getPodsForJob(ctx: ReconcileContext, job: KubeObject, spec: JobView, podsInNamespace: KubeObject[]): KubeObject[] {
  const claimed: KubeObject[] = [];
  const deleting = !!job.metadata.deletionTimestamp;
  for (const pod of podsInNamespace) {
    const ref = controllerOf(pod);
    const match = matchesSelector(spec.selector, pod.metadata.labels);
    if (ref) {
      if (ref.uid !== job.metadata.uid) continue;
      if (match) claimed.push(pod);
      else if (!deleting) release(ctx, job, pod);
      continue;
    }
    if (deleting || !match || pod.metadata.deletionTimestamp) continue;
    const adopted = adopt(ctx, job, pod);
    if (adopted) claimed.push(adopted);
  }
  return claimed;
}

function adopt(ctx: ReconcileContext, job: KubeObject, pod: KubeObject): KubeObject | undefined {
  const next = clone(pod);
  next.metadata.ownerReferences = [...(next.metadata.ownerReferences ?? []), controllerRef(job)];
  const finalizers = next.metadata.finalizers ?? [];
  if (!finalizers.includes(JOB_TRACKING_FINALIZER)) next.metadata.finalizers = [...finalizers, JOB_TRACKING_FINALIZER];
  const result = ctx.update(next, `Job ${job.metadata.name} adopted orphan Pod ${pod.metadata.name} (its labels match the Job's selector) ` +
    `and added the ${JOB_TRACKING_FINALIZER} finalizer so the Pod is counted before it can disappear`);
  return result.ok ? result.object : undefined;
}

function release(ctx: ReconcileContext, job: KubeObject, pod: KubeObject): void {
  const next = clone(pod);
  next.metadata.ownerReferences = (next.metadata.ownerReferences ?? []).filter((r) => r.uid !== job.metadata.uid);
  if (!next.metadata.ownerReferences.length) delete next.metadata.ownerReferences;
  next.metadata.finalizers = (next.metadata.finalizers ?? []).filter((f) => f !== JOB_TRACKING_FINALIZER);
  if (!next.metadata.finalizers.length) delete next.metadata.finalizers;
  ctx.update(next, `Job ${job.metadata.name} released Pod ${pod.metadata.name} (its labels no longer match the Job's selector)`);
}
