/**
 * The pod a Job creates: its template plus the tracking finalizer; for Indexed Jobs also the
 * completion index (annotation and label), hostname `<job>-<index>`, JOB_COMPLETION_INDEX in every
 * container, and the name prefix `<job>-<index>-`.
 * upstream: manageJob, addCompletionIndexEnvVariables, podGenerateNameWithIndex (pkg/controller/job)
 */
import type { Container, EnvVar, PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api';
import { clone } from '../../util/objects';
import { podFromTemplate } from '../shared/pods';
import { COMPLETION_INDEX } from './indexes';
import { JOB_TRACKING_FINALIZER, type JobView } from './jobSpec';

export const INDEX_FAILURE_COUNT = 'batch.kubernetes.io/job-index-failure-count';
export const INDEX_IGNORED_FAILURE_COUNT = 'batch.kubernetes.io/job-index-ignored-failure-count';
const COMPLETION_INDEX_ENV = 'JOB_COMPLETION_INDEX';
/** upstream names.MaxGeneratedNameLength */
const MAX_GENERATED_NAME = 58;

function addIndexEnv(container: Container): void {
  if (container.env?.some((v) => v.name === COMPLETION_INDEX_ENV)) return;
  // upstream (PodIndexLabel, on since 1.28): the value comes from the pod's index label
  const variable: EnvVar = { name: COMPLETION_INDEX_ENV, valueFrom: { fieldRef: { fieldPath: `metadata.labels['${COMPLETION_INDEX}']` } } };
  container.env = [...(container.env ?? []), variable];
}

/** upstream podGenerateNameWithIndex: `<job>-<index>-`, the job name cut so the prefix fits 58 characters. */
export function generateNameWithIndex(jobName: string, index: number): string {
  const suffix = `-${index}-`;
  const prefix = jobName + suffix;
  return prefix.length > MAX_GENERATED_NAME ? jobName.slice(0, MAX_GENERATED_NAME - suffix.length) + suffix : prefix;
}

export interface NewPodOptions {
  index?: number;
  /** backoffLimitPerIndex: the failure counts carried over from the pod this one replaces. */
  failureCounts?: { failed: number; ignored: number };
}

export function newJobPod(job: KubeObject, spec: JobView, options: NewPodOptions = {}): Partial<KubeObject> & { kind: string; apiVersion: string } {
  const template = clone(spec.template ?? {}) as PodTemplateSpec;
  template.metadata ??= {};
  const finalizers = template.metadata.finalizers ?? [];
  if (!finalizers.includes(JOB_TRACKING_FINALIZER)) template.metadata.finalizers = [...finalizers, JOB_TRACKING_FINALIZER];
  let prefix = `${job.metadata.name}-`;
  const { index } = options;
  if (index !== undefined) {
    for (const c of template.spec?.initContainers ?? []) addIndexEnv(c);
    for (const c of template.spec?.containers ?? []) addIndexEnv(c);
    const annotations: Record<string, string> = { ...(template.metadata.annotations ?? {}), [COMPLETION_INDEX]: String(index) };
    if (options.failureCounts) {
      annotations[INDEX_FAILURE_COUNT] = String(options.failureCounts.failed);
      if (options.failureCounts.ignored > 0) annotations[INDEX_IGNORED_FAILURE_COUNT] = String(options.failureCounts.ignored);
    }
    template.metadata.annotations = annotations;
    template.metadata.labels = { ...(template.metadata.labels ?? {}), [COMPLETION_INDEX]: String(index) };
    // upstream sets the hostname unconditionally, over any the template has
    if (template.spec) template.spec.hostname = `${job.metadata.name}-${index}`;
    prefix = generateNameWithIndex(job.metadata.name, index);
  }
  return podFromTemplate(template, job, prefix);
}
