import { beforeAll, describe, expect, it } from 'vitest';
import type { Cluster, KubeObject } from '../../../src/engine';
import { virtualMs } from '../../../src/engine/core/time';
import { newCluster, syncErrors } from '../helpers';

// fails when started at minute :15 or :45, succeeds otherwise
const cronJob = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: hello
spec:
  schedule: "*/5 * * * *"
  jobTemplate:
    metadata:
      labels:
        team: batch
    spec:
      backoffLimit: 0
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: hello
            image: busybox:1.36
            command: ["sh", "-c", "m=$(date +%M); [ $m != 15 ] && [ $m != 45 ]"]
`;

/** Minutes since the Unix epoch of 2025-01-01T09:00:00Z, the virtual clock's start. */
const START_MINUTE = 28928700;
const cronEvents = (c: Cluster) => c.events().filter((e) => (e.involvedObject as { kind: string }).kind === 'CronJob');
const finished = (j: KubeObject) => (j.status as { conditions?: { type: string; status: string }[] }).conditions
  ?.find((x) => (x.type === 'Complete' || x.type === 'Failed') && x.status === 'True')?.type;

describe('a CronJob every 5 minutes over several hours', () => {
  let c: Cluster;
  beforeAll(() => {
    c = newCluster();
    c.apply(cronJob);
    c.advance(3 * 3600_000 + 2 * 60_000);
  });

  it('creates one Job per scheduled time, named for its minute since the epoch, 100ms after it', () => {
    const creates = c.steps.filter((s) => s.actor === 'cronjob-controller' && s.events.some((e) => e.startsWith('SuccessfulCreate')));
    expect(creates).toHaveLength(36);
    creates.forEach((s, i) => {
      const minute = START_MINUTE + 5 * (i + 1);
      expect(s.time).toBe((minute - START_MINUTE) * 60_000 + 100);
      expect(s.events).toContain(`SuccessfulCreate: Created job hello-${minute}`);
    });
    expect(syncErrors(c)).toEqual([]);
  });

  it('keeps the 3 newest successful Jobs and the newest failed one', () => {
    const jobs = c.list('Job', 'default');
    const byOutcome = (type: string) => jobs.filter((j) => finished(j) === type).map((j) => j.metadata.name).sort();
    expect(byOutcome('Complete')).toEqual([`hello-${START_MINUTE + 170}`, `hello-${START_MINUTE + 175}`, `hello-${START_MINUTE + 180}`]);
    expect(byOutcome('Failed')).toEqual([`hello-${START_MINUTE + 165}`]);
    expect(jobs).toHaveLength(4);
    const deleted = cronEvents(c).filter((e) => e.reason === 'SuccessfulDelete');
    expect(deleted.length).toBe(32);
    expect(deleted[0].message).toMatch(/^Deleted job hello-\d+$/);
  });

  it('copies the template metadata and records the scheduled time on each Job', () => {
    const job = c.get('Job', `hello-${START_MINUTE + 180}`)!;
    expect(job.metadata.labels?.team).toBe('batch');
    expect(job.metadata.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe('2025-01-01T12:00:00Z');
    expect(job.metadata.ownerReferences).toEqual([expect.objectContaining({ kind: 'CronJob', name: 'hello', controller: true,
      blockOwnerDeletion: true })]);
  });

  it('reports the schedule and the last success in its status', () => {
    const status = c.get('CronJob', 'hello')!.status as Record<string, unknown>;
    expect(status.lastScheduleTime).toBe('2025-01-01T12:00:00Z');
    expect(status.active).toBeUndefined();
    const last = c.get('Job', `hello-${START_MINUTE + 180}`)!.status as { completionTime: string };
    expect(status.lastSuccessfulTime).toBe(last.completionTime);
    expect(virtualMs(last.completionTime)).toBeGreaterThan(3 * 3600_000);
    const saw = cronEvents(c).filter((e) => e.reason === 'SawCompletedJob').map((e) => e.message);
    expect(saw).toContain(`Saw completed job: hello-${START_MINUTE + 15}, status: Failed`);
    expect(saw).toContain(`Saw completed job: hello-${START_MINUTE + 20}, status: Complete`);
  });
});
