import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../src/engine';
import { newCluster, runUntil, syncErrors } from '../helpers';

const cronJob = (policy: string, seconds: number, extra = '') => `apiVersion: batch/v1
kind: CronJob
metadata:
  name: long
spec:
  schedule: "*/5 * * * *"
  concurrencyPolicy: ${policy}${extra}
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          terminationGracePeriodSeconds: 2
          containers:
          - name: work
            image: busybox:1.36
            command: ["sleep", "${seconds}"]
`;

const START_MINUTE = 28928700;
const minute = (m: number) => `long-${START_MINUTE + m}`;
const events = (c: Cluster, reason: string) => c.events()
  .filter((e) => (e.involvedObject as { kind: string }).kind === 'CronJob' && e.reason === reason);
const activeNames = (c: Cluster) => ((c.get('CronJob', 'long')!.status as { active?: { name: string }[] }).active ?? []).map((r) => r.name);
const createdAt = (c: Cluster, job: string) => c.steps.find((s) => s.events.includes(`SuccessfulCreate: Created job ${job}`))?.time;

describe('concurrencyPolicy with a Job that outlives its interval', () => {
  it('Allow runs the next Job alongside the running one', () => {
    const c = newCluster();
    c.apply(cronJob('Allow', 420));
    c.advance(10 * 60_000 + 1000);
    expect(activeNames(c)).toEqual([minute(5), minute(10)]);
  });

  it('Forbid skips a run while one is active, then starts the missed run late', () => {
    const c = newCluster();
    c.apply(cronJob('Forbid', 420));
    c.advance(10 * 60_000 + 1000);
    expect(activeNames(c)).toEqual([minute(5)]);
    expect(c.get('Job', minute(10))).toBeUndefined();
    expect(events(c, 'JobAlreadyActive')[0]).toMatchObject({ type: 'Normal',
      message: 'Not starting job because prior execution is running and concurrency policy is Forbid' });
    runUntil(c, () => c.get('Job', minute(10)) !== undefined, 5 * 60_000);
    // the first Job ends 7 minutes after it started; the 09:10 run starts then, not at 09:15
    expect(createdAt(c, minute(10))).toBeGreaterThan(12 * 60_000);
    expect(createdAt(c, minute(10))).toBeLessThan(13 * 60_000);
    expect(events(c, 'SawCompletedJob').map((e) => e.message)).toContain(`Saw completed job: ${minute(5)}, status: Complete`);
    expect(syncErrors(c)).toEqual([]);
  });

  it('Forbid with a startingDeadlineSeconds lets the missed run go', () => {
    const c = newCluster();
    c.apply(cronJob('Forbid', 420, '\n  startingDeadlineSeconds: 60'));
    c.advance(14 * 60_000);
    expect(c.get('Job', minute(10))).toBeUndefined();
    c.advance(2 * 60_000);
    expect(createdAt(c, minute(15))).toBe(15 * 60_000 + 100);
  });

  it('Replace deletes the running Job and starts the new one', () => {
    const c = newCluster();
    c.apply(cronJob('Replace', 420));
    c.advance(10 * 60_000 + 1000);
    expect(activeNames(c)).toEqual([minute(10)]);
    expect(c.get('Job', minute(5))).toBeUndefined();
    expect(events(c, 'SuccessfulDelete').map((e) => e.message)).toEqual([`Deleted job ${minute(5)}`]);
    expect(createdAt(c, minute(10))).toBe(10 * 60_000 + 100);
    runUntil(c, () => c.list('Pod', 'default').every((p) => p.metadata.labels?.['job-name'] !== minute(5)), 60_000);
  });
});

describe('suspend', () => {
  it('stops new Jobs; resuming after >100 missed times warns and starts only the most recent', () => {
    const c = newCluster();
    c.apply(cronJob('Allow', 5).replace('*/5 * * * *', '* * * * *').replace('concurrencyPolicy: Allow', 'suspend: true'));
    c.advance(2 * 3600_000 + 30_000);
    expect(c.list('Job', 'default')).toHaveLength(0);
    c.setSuspended('CronJob', 'long', false);
    c.advance(0);
    expect(events(c, 'TooManyMissedTimes')[0]).toMatchObject({ type: 'Warning',
      message: 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew' });
    expect(c.list('Job', 'default').map((j) => j.metadata.name)).toEqual([minute(120)]);
    c.advance(30_000);
    expect(c.list('Job', 'default')).toHaveLength(1);
    c.advance(100);
    expect(c.list('Job', 'default').map((j) => j.metadata.name)).toEqual([minute(120), minute(121)]);
  });
});
