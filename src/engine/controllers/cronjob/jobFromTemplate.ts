/**
 * upstream getJobFromTemplate2: the Job for one scheduled time, named
 * `<cronjob>-<scheduled time in minutes since the Unix epoch>` (deterministic, so a second create
 * of the same run fails with AlreadyExists), with the template's labels and annotations, the
 * scheduled time as an annotation (in the CronJob's zone), and a controller reference.
 */
import type { CronJobSpec } from 'kubernetes-types/batch/v1';
import type { KubeObject } from '../../api';
import { clone } from '../../util/objects';
import { controllerRef } from '../shared/ownership';
import { formatRFC3339, loadLocation, UTC } from './zone';

export const SCHEDULED_TIMESTAMP = 'batch.kubernetes.io/cronjob-scheduled-timestamp';

/** upstream getJobName: minutes since the Unix epoch of the scheduled time. */
export const jobName = (cronJobName: string, scheduledAbsolute: number) =>
  `${cronJobName}-${Math.floor(scheduledAbsolute / 60_000)}`;

export function jobFromTemplate(cj: KubeObject, spec: CronJobSpec, scheduledAbsolute: number): Partial<KubeObject> & { kind: string; apiVersion: string } {
  const template = spec.jobTemplate ?? {};
  const zone = loadLocation(spec.timeZone ?? '') ?? UTC;
  const annotations: Record<string, string> = { ...(template.metadata?.annotations ?? {}) };
  annotations[SCHEDULED_TIMESTAMP] = formatRFC3339(zone, scheduledAbsolute);
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: jobName(cj.metadata.name, scheduledAbsolute),
      namespace: cj.metadata.namespace,
      labels: { ...(template.metadata?.labels ?? {}) },
      annotations,
      ownerReferences: [controllerRef(cj)],
    } as KubeObject['metadata'],
    spec: clone(template.spec ?? {}),
  };
}
