import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../src/engine';
import { virtualMs } from '../../../src/engine/core/time';
import { newCluster, runUntil, syncErrors } from '../helpers';

const job = (name: string, spec: string, seconds: number) => `apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
spec:
${spec}
  template:
    spec:
      restartPolicy: Never
      terminationGracePeriodSeconds: 3
      containers:
      - name: work
        image: busybox:1.36
        command: ["sleep", "${seconds}"]
`;

type Condition = { type: string; status: string; reason?: string; message?: string; lastTransitionTime: string };
const statusOf = (c: Cluster, name: string) => (c.get('Job', name)?.status ?? {}) as {
  startTime?: string; active?: number; failed?: number; succeeded?: number; terminating?: number; conditions?: Condition[];
};
const conditionOf = (c: Cluster, name: string, type: string) => statusOf(c, name).conditions?.find((x) => x.type === type);
const podsOf = (c: Cluster, name: string) => c.list('Pod', 'default').filter((p) => p.metadata.labels?.['job-name'] === name);
const reasons = (c: Cluster, name: string) => c.events().filter((e) => (e.involvedObject as { name: string }).name === name).map((e) => e.reason);

describe('ttlSecondsAfterFinished', () => {
  it('deletes the finished Job and, through the garbage collector, its pods', () => {
    const c = newCluster();
    c.apply(job('short', '  ttlSecondsAfterFinished: 30', 2));
    runUntil(c, () => conditionOf(c, 'short', 'Complete') !== undefined, 60_000);
    const finishedAt = virtualMs(conditionOf(c, 'short', 'Complete')!.lastTransitionTime)!;
    expect(podsOf(c, 'short')).toHaveLength(1);
    runUntil(c, () => c.get('Job', 'short') === undefined, 120_000);
    expect(c.now).toBe(finishedAt + 30_000);
    const deletion = c.steps.find((s) => s.actor === 'ttl-after-finished-controller')!;
    expect(deletion.message).toContain('ttlSecondsAfterFinished=30');
    runUntil(c, () => podsOf(c, 'short').length === 0, 60_000);
    expect(syncErrors(c)).toEqual([]);
  });
});

describe('suspend', () => {
  it('a Job created suspended starts no pods until resumed', () => {
    const c = newCluster();
    c.apply(job('later', '  suspend: true\n  completions: 2\n  parallelism: 2', 5));
    c.advance(30_000);
    expect(podsOf(c, 'later')).toHaveLength(0);
    expect(statusOf(c, 'later').startTime).toBeUndefined();
    expect(conditionOf(c, 'later', 'Suspended')).toMatchObject({ status: 'True', reason: 'JobSuspended', message: 'Job suspended' });
    expect(reasons(c, 'later')).toContain('Suspended');
    expect(c.setSuspended('Job', 'later', false).ok).toBe(true);
    c.advance(0);
    expect(podsOf(c, 'later')).toHaveLength(2);
    expect(conditionOf(c, 'later', 'Suspended')).toMatchObject({ status: 'False', reason: 'JobResumed', message: 'Job resumed' });
    expect(statusOf(c, 'later').startTime).toBe('2025-01-01T09:00:30Z');
    expect(reasons(c, 'later')).toContain('Resumed');
    runUntil(c, () => conditionOf(c, 'later', 'Complete') !== undefined, 60_000);
  });

  it('suspending a running Job deletes its pods without counting them as failed', () => {
    const c = newCluster();
    c.apply(job('pause', '  completions: 3\n  parallelism: 2', 600));
    c.advance(10_000);
    expect(statusOf(c, 'pause').active).toBe(2);
    c.setSuspended('Job', 'pause', true);
    c.advance(0);
    expect(podsOf(c, 'pause').every((p) => p.metadata.deletionTimestamp && !p.metadata.finalizers?.length)).toBe(true);
    expect(statusOf(c, 'pause')).toMatchObject({ terminating: 2 });
    expect(statusOf(c, 'pause').active).toBeUndefined();
    runUntil(c, () => podsOf(c, 'pause').length === 0, 60_000);
    c.advance(2_000);
    expect(statusOf(c, 'pause').failed).toBeUndefined();
    expect(statusOf(c, 'pause').terminating).toBe(0);
    expect(reasons(c, 'pause').filter((r) => r === 'SuccessfulDelete')).toHaveLength(2);
  });
});

describe('deleting a Job', () => {
  it('in the background: the garbage collector deletes its pods and the orphaned tracking finalizers are removed', () => {
    const c = newCluster();
    c.apply(job('gone', '  parallelism: 2\n  completions: 4', 600));
    c.advance(5_000);
    expect(podsOf(c, 'gone')).toHaveLength(2);
    expect(c.delete('Job', 'gone').ok).toBe(true);
    runUntil(c, () => podsOf(c, 'gone').length === 0, 60_000);
    const released = c.steps.filter((s) => s.actor === 'job-controller' && s.message.includes('orphan Pod'));
    expect(released).toHaveLength(2);
    expect(syncErrors(c)).toEqual([]);
  });

  it('in the foreground: the Job stays until its pods are gone', () => {
    const c = newCluster();
    c.apply(job('fg', '  parallelism: 2\n  completions: 2', 600));
    c.advance(5_000);
    c.delete('Job', 'fg', 'default', { propagationPolicy: 'Foreground' });
    c.advance(0);
    expect(c.get('Job', 'fg')?.metadata.deletionTimestamp).toBeDefined();
    runUntil(c, () => c.get('Job', 'fg') === undefined, 60_000);
    expect(podsOf(c, 'fg')).toHaveLength(0);
    expect(syncErrors(c)).toEqual([]);
  });
});

describe('determinism', () => {
  it('the same manifests give the same Steps', () => {
    const run = () => {
      const c = newCluster({ seed: 7 });
      c.apply(job('d', '  completions: 4\n  parallelism: 2', 3));
      c.advance(60_000);
      return c.steps.map((s) => `${s.time} ${s.actor} ${s.message} ${s.events.join('|')}`);
    };
    const first = run();
    expect(first.some((s) => s.includes('Complete=True'))).toBe(true);
    expect(run()).toEqual(first);
  });
});

