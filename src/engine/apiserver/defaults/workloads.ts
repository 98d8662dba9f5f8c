/**
 * Defaults of the workload kinds that embed a pod template.
 * upstream: pkg/apis/apps/v1/defaults.go, pkg/apis/batch/v1/defaults.go,
 * pkg/apis/core/v1/defaults.go (SetDefaults_ReplicationController), pkg/registry/batch/job/strategy.go
 */
import { defaultPodTemplate } from './podSpec';
import { defaultClaimTemplate } from './storage';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>;

const spec = (obj: Obj): Obj => (obj.spec && typeof obj.spec === 'object' ? obj.spec : (obj.spec = {}));

export function defaultDeployment(obj: Obj): void {
  const s = spec(obj);
  s.replicas ??= 1;
  s.strategy ??= {};
  s.strategy.type ||= 'RollingUpdate';
  if (s.strategy.type === 'RollingUpdate') {
    s.strategy.rollingUpdate ??= {};
    s.strategy.rollingUpdate.maxUnavailable ??= '25%';
    s.strategy.rollingUpdate.maxSurge ??= '25%';
  }
  s.revisionHistoryLimit ??= 10;
  s.progressDeadlineSeconds ??= 600;
  defaultPodTemplate(s.template ??= {});
}

export function defaultReplicaSet(obj: Obj): void {
  const s = spec(obj);
  s.replicas ??= 1;
  defaultPodTemplate(s.template ??= {});
}

export function defaultStatefulSet(obj: Obj): void {
  const s = spec(obj);
  s.podManagementPolicy ||= 'OrderedReady';
  s.updateStrategy ??= {};
  if (!s.updateStrategy.type) {
    s.updateStrategy.type = 'RollingUpdate';
    s.updateStrategy.rollingUpdate ??= {};
  }
  // upstream: partition defaults only when a rollingUpdate block exists (or type was defaulted above)
  if (s.updateStrategy.type === 'RollingUpdate' && s.updateStrategy.rollingUpdate) {
    s.updateStrategy.rollingUpdate.partition ??= 0;
  }
  s.persistentVolumeClaimRetentionPolicy ??= {};
  s.persistentVolumeClaimRetentionPolicy.whenDeleted ||= 'Retain';
  s.persistentVolumeClaimRetentionPolicy.whenScaled ||= 'Retain';
  s.replicas ??= 1;
  s.revisionHistoryLimit ??= 10;
  defaultPodTemplate(s.template ??= {});
  for (const claim of Array.isArray(s.volumeClaimTemplates) ? s.volumeClaimTemplates : []) defaultClaimTemplate(claim);
}

export function defaultDaemonSet(obj: Obj): void {
  const s = spec(obj);
  s.updateStrategy ??= {};
  s.updateStrategy.type ||= 'RollingUpdate';
  if (s.updateStrategy.type === 'RollingUpdate') {
    s.updateStrategy.rollingUpdate ??= {};
    s.updateStrategy.rollingUpdate.maxUnavailable ??= 1;
    s.updateStrategy.rollingUpdate.maxSurge ??= 0;
  }
  s.revisionHistoryLimit ??= 10;
  defaultPodTemplate(s.template ??= {});
}

export function defaultReplicationController(obj: Obj): void {
  const s = spec(obj);
  const labels = s.template?.metadata?.labels;
  if (labels && typeof labels === 'object') {
    if (!s.selector || Object.keys(s.selector).length === 0) s.selector = { ...labels };
    if (!obj.metadata.labels || Object.keys(obj.metadata.labels).length === 0) obj.metadata.labels = { ...labels };
  }
  s.replicas ??= 1;
  if (s.template) defaultPodTemplate(s.template);
}

export function defaultPodTemplateKind(obj: Obj): void {
  defaultPodTemplate(obj.template ??= {});
}

/** SetDefaults_Job's spec part. upstream: a CronJob's jobTemplate does not get these; its Jobs do. */
function defaultJobSpec(s: Obj): void {
  if (s.completions == null && s.parallelism == null) {
    s.completions = 1;
    s.parallelism = 1;
  }
  s.parallelism ??= 1;
  s.backoffLimit ??= s.backoffLimitPerIndex != null ? 2147483647 : 6;
  s.completionMode ??= 'NonIndexed';
  s.suspend ??= false;
  for (const rule of s.podFailurePolicy?.rules ?? []) {
    for (const pattern of rule?.onPodConditions ?? []) if (pattern && !pattern.status) pattern.status = 'True';
  }
  s.podReplacementPolicy ??= s.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed';
}

/**
 * The Job registry generates the selector and the pod labels from the Job's uid, unless
 * `manualSelector: true`. A Job without labels of its own shows its template's labels
 * (upstream: SetDefaults_Job runs again when the object is read back, after the labels exist).
 */
export function defaultJob(obj: Obj, uid: string | undefined): void {
  const s = spec(obj);
  defaultJobSpec(s);
  const template = (s.template ??= {});
  defaultPodTemplate(template);
  if (uid && s.manualSelector !== true) {
    const labels: Obj = (template.metadata.labels ??= {});
    const name = obj.metadata?.name ?? '';
    for (const key of ['batch.kubernetes.io/controller-uid', 'batch.kubernetes.io/job-name', 'controller-uid', 'job-name']) {
      if (!(key in labels)) labels[key] = key.endsWith('job-name') ? name : uid;
    }
    s.selector ??= {};
    s.selector.matchLabels ??= {};
    if (!('batch.kubernetes.io/controller-uid' in s.selector.matchLabels)) {
      s.selector.matchLabels['batch.kubernetes.io/controller-uid'] = uid;
    }
  }
  const templateLabels = template.metadata.labels;
  if (templateLabels && (!obj.metadata.labels || Object.keys(obj.metadata.labels).length === 0)) {
    obj.metadata.labels = { ...templateLabels };
  }
}

export function defaultCronJob(obj: Obj): void {
  const s = spec(obj);
  s.concurrencyPolicy ||= 'Allow';
  s.suspend ??= false;
  s.successfulJobsHistoryLimit ??= 3;
  s.failedJobsHistoryLimit ??= 1;
  const jobTemplate = (s.jobTemplate ??= {});
  if (!jobTemplate.metadata || typeof jobTemplate.metadata !== 'object') jobTemplate.metadata = {};
  if (!('creationTimestamp' in jobTemplate.metadata)) jobTemplate.metadata.creationTimestamp = null;
  jobTemplate.spec ??= {};
  defaultPodTemplate(jobTemplate.spec.template ??= {});
}
