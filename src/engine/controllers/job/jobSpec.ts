/**
 * A typed view of a stored Job: its spec as defaulted by the API server, and the status helpers
 * the controllers share (finished / succeeded, by condition).
 * upstream: pkg/controller/job/util/utils.go, pkg/controller/job/job_controller.go
 */
import type { Job, JobCondition, JobSpec, JobStatus, PodFailurePolicy, SuccessPolicy } from 'kubernetes-types/batch/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../api';

export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';

export interface JobView {
  name: string;
  namespace: string;
  uid: string;
  /** Undefined: a work-queue Job, complete once any pod succeeds and the rest have exited. */
  completions?: number;
  parallelism: number;
  backoffLimit: number;
  backoffLimitPerIndex?: number;
  maxFailedIndexes?: number;
  activeDeadlineSeconds?: number;
  completionMode: string;
  indexed: boolean;
  suspended: boolean;
  restartPolicy?: string;
  podFailurePolicy?: PodFailurePolicy;
  successPolicy?: SuccessPolicy;
  /** upstream onlyReplaceFailedPods: podReplacementPolicy Failed, or any podFailurePolicy. */
  onlyReplaceFailed: boolean;
  selector?: LabelSelector;
  template?: PodTemplateSpec;
  ttlSecondsAfterFinished?: number;
}

export function jobSpec(job: KubeObject): JobView {
  const s = (job.spec ?? {}) as JobSpec;
  const mode = s.completionMode ?? 'NonIndexed';
  return {
    name: job.metadata.name,
    namespace: job.metadata.namespace ?? 'default',
    uid: job.metadata.uid,
    completions: s.completions ?? undefined,
    parallelism: s.parallelism ?? 1,
    backoffLimit: s.backoffLimit ?? 6,
    backoffLimitPerIndex: s.backoffLimitPerIndex ?? undefined,
    maxFailedIndexes: s.maxFailedIndexes ?? undefined,
    activeDeadlineSeconds: s.activeDeadlineSeconds ?? undefined,
    completionMode: mode,
    indexed: mode === 'Indexed',
    suspended: s.suspend === true,
    restartPolicy: s.template?.spec?.restartPolicy,
    podFailurePolicy: s.podFailurePolicy,
    successPolicy: s.successPolicy,
    onlyReplaceFailed: s.podReplacementPolicy === 'Failed' || !!s.podFailurePolicy,
    selector: s.selector,
    template: s.template,
    ttlSecondsAfterFinished: s.ttlSecondsAfterFinished ?? undefined,
  };
}

export const jobStatus = (job: KubeObject): JobStatus => ((job as Job).status ?? {}) as JobStatus;

export function findCondition(conditions: JobCondition[] | undefined, type: string): JobCondition | undefined {
  return conditions?.find((c) => c.type === type);
}

/** upstream getFinishedStatus: the type of a true Complete or Failed condition. */
export function finishedType(job: KubeObject): 'Complete' | 'Failed' | undefined {
  const c = jobStatus(job).conditions?.find((x) => (x.type === 'Complete' || x.type === 'Failed') && x.status === 'True');
  return c?.type as 'Complete' | 'Failed' | undefined;
}

export const isJobFinished = (job: KubeObject): boolean => finishedType(job) !== undefined;
export const isJobSucceeded = (job: KubeObject): boolean => finishedType(job) === 'Complete';

/** The condition that finished the Job (Complete or Failed, True). */
export function finishedCondition(job: KubeObject): JobCondition | undefined {
  return jobStatus(job).conditions?.find((x) => (x.type === 'Complete' || x.type === 'Failed') && x.status === 'True');
}
