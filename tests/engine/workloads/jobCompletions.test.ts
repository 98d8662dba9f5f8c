import { describe, expect, it } from 'vitest';
import type { Cluster, KubeObject } from '../../../src/engine';
import { newCluster, runUntil, syncErrors } from '../helpers';

const jobYaml = (name: string, spec: string, command = '["sh", "-c", "sleep 3"]') => `apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
spec:
${spec}
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: work
        image: busybox:1.36
        command: ${command}
`;

type Condition = { type: string; status: string; reason?: string; message?: string; lastTransitionTime?: string };
const status = (c: Cluster, name: string) => ((c.get('Job', name) as KubeObject | undefined)?.status ?? {}) as Record<string, unknown> & {
  conditions?: Condition[];
};
const condition = (c: Cluster, name: string, type: string) => status(c, name).conditions?.find((x) => x.type === type);
const jobPods = (c: Cluster, job: string) => c.list('Pod', 'default').filter((p) => p.metadata.ownerReferences?.[0]?.name === job);
const activePods = (pods: KubeObject[]) => pods.filter((p) => {
  const phase = (p.status as { phase?: string } | undefined)?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !p.metadata.deletionTimestamp;
});

describe('a Job with completions 5 and parallelism 2', () => {
  it('never runs more than 2 pods, completes with 5 successes and releases every finalizer', () => {
    const c = newCluster();
    expect(c.apply(jobYaml('pi', '  completions: 5\n  parallelism: 2')).ok).toBe(true);
    let maxActive = 0;
    runUntil(c, () => {
      maxActive = Math.max(maxActive, activePods(jobPods(c, 'pi')).length);
      return condition(c, 'pi', 'Complete')?.status === 'True';
    }, 120_000);
    expect(maxActive).toBe(2);
    const pods = jobPods(c, 'pi');
    expect(pods).toHaveLength(5);
    expect(pods.every((p) => (p.status as { phase: string }).phase === 'Succeeded')).toBe(true);
    expect(pods.every((p) => !p.metadata.finalizers?.includes('batch.kubernetes.io/job-tracking'))).toBe(true);
    expect(pods.every((p) => /^pi-[bcdfghjklmnpqrstvwxz2456789]{5}$/.test(p.metadata.name))).toBe(true);
    const s = status(c, 'pi');
    expect(s.succeeded).toBe(5);
    expect(s.active).toBeUndefined();
    expect(s.failed).toBeUndefined();
    expect(s.ready).toBe(0);
    expect(s.terminating).toBe(0);
    expect(s.uncountedTerminatedPods).toEqual({});
    expect(s.completionTime).toBe(condition(c, 'pi', 'Complete')!.lastTransitionTime);
    expect(condition(c, 'pi', 'SuccessCriteriaMet')).toMatchObject({ status: 'True', reason: 'CompletionsReached',
      message: 'Reached expected number of succeeded pods' });
    expect(condition(c, 'pi', 'Complete')).toMatchObject({ reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' });
    const events = c.events().filter((e) => (e.involvedObject as { name: string }).name === 'pi');
    expect(events.filter((e) => e.reason === 'SuccessfulCreate').map((e) => e.message).sort())
      .toEqual(pods.map((p) => `Created pod: ${p.metadata.name}`).sort());
    expect(events.find((e) => e.reason === 'Completed')).toMatchObject({ type: 'Normal', message: 'Job completed',
      source: { component: 'job-controller' } });
    expect(syncErrors(c)).toEqual([]);
  });

  it('counts a pod through uncountedTerminatedPods before removing its finalizer', () => {
    const c = newCluster();
    c.apply(jobYaml('one', '  completions: 1'));
    runUntil(c, () => condition(c, 'one', 'Complete') !== undefined, 60_000);
    const jobSteps = c.steps.filter((s) => s.actor === 'job-controller');
    const recorded = jobSteps.findIndex((s) => s.message.includes('recorded as succeeded in uncountedTerminatedPods'));
    const released = jobSteps.findIndex((s) => s.message.includes('removed the batch.kubernetes.io/job-tracking finalizer'));
    const counted = jobSteps.findIndex((s) => s.message.includes('1 of 1 succeeded') && s.message.includes('Complete=True'));
    expect(recorded).toBeGreaterThanOrEqual(0);
    expect(released).toBeGreaterThan(recorded);
    expect(counted).toBeGreaterThan(released);
    const atRecord = c.at(c.steps.indexOf(jobSteps[recorded]));
    const pending = (atRecord.get('Job', 'one')!.status as { uncountedTerminatedPods: { succeeded?: string[] } }).uncountedTerminatedPods;
    expect(pending.succeeded).toEqual([jobPods(c, 'one')[0].metadata.uid]);
  });

  it('without completions, finishes when a pod succeeds and the others have exited', () => {
    const c = newCluster();
    c.apply(jobYaml('queue', '  parallelism: 3'));
    expect((c.get('Job', 'queue')!.spec as { completions?: number }).completions).toBeUndefined();
    runUntil(c, () => condition(c, 'queue', 'Complete') !== undefined, 60_000);
    expect(jobPods(c, 'queue')).toHaveLength(3);
    expect(status(c, 'queue').succeeded).toBe(3);
  });
});
