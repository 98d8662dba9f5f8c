import { describe, expect, it } from 'vitest';
import type { Cluster, KubeObject } from '../../../src/engine';
import { virtualMs } from '../../../src/engine/core/time';
import { newCluster, runUntil, syncErrors } from '../helpers';

const job = (name: string, spec: string, command: string, restartPolicy = 'Never', extra = '') => `apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
spec:
${spec}
  template:
    spec:
      restartPolicy: ${restartPolicy}${extra}
      containers:
      - name: work
        image: busybox:1.36
        command: ${command}
`;

type Condition = { type: string; status: string; reason?: string; message?: string };
const jobStatus = (c: Cluster, name: string) => (c.get('Job', name)?.status ?? {}) as {
  failed?: number; active?: number; terminating?: number; conditions?: Condition[];
};
const conditionOf = (c: Cluster, name: string, type: string) => jobStatus(c, name).conditions?.find((x) => x.type === type);
const podsOf = (c: Cluster, name: string) => c.list('Pod', 'default').filter((p) => p.metadata.ownerReferences?.[0]?.name === name);
const created = (p: KubeObject) => virtualMs(p.metadata.creationTimestamp)!;
const finished = (p: KubeObject) => virtualMs((p.status as { containerStatuses: { state: { terminated: { finishedAt: string } } }[] })
  .containerStatuses[0].state.terminated.finishedAt)!;
const jobEvents = (c: Cluster, name: string) => c.events().filter((e) => (e.involvedObject as { kind: string; name: string }).kind === 'Job' &&
  (e.involvedObject as { name: string }).name === name);

describe('a failing Job', () => {
  it('replaces failed pods after 10s, 20s, 40s, … and fails on the 7th failure with BackoffLimitExceeded', () => {
    const c = newCluster();
    c.apply(job('crash', '', '["sh", "-c", "exit 3"]'));
    runUntil(c, () => conditionOf(c, 'crash', 'Failed') !== undefined, 20 * 60_000);
    const pods = podsOf(c, 'crash').sort((a, b) => created(a) - created(b));
    expect(pods).toHaveLength(7);
    const gaps = pods.slice(1).map((p, i) => created(p) - finished(pods[i]));
    expect(gaps).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 320_000]);
    expect(jobStatus(c, 'crash').failed).toBe(7);
    expect(conditionOf(c, 'crash', 'FailureTarget')).toMatchObject({ status: 'True', reason: 'BackoffLimitExceeded',
      message: 'Job has reached the specified backoff limit' });
    expect(conditionOf(c, 'crash', 'Failed')).toMatchObject({ status: 'True', reason: 'BackoffLimitExceeded',
      message: 'Job has reached the specified backoff limit' });
    expect(conditionOf(c, 'crash', 'Complete')).toBeUndefined();
    expect(jobEvents(c, 'crash').find((e) => e.reason === 'BackoffLimitExceeded')).toMatchObject({
      type: 'Warning', message: 'Job has reached the specified backoff limit', source: { component: 'job-controller' } });
    expect(syncErrors(c)).toEqual([]);
  });

  it('with restartPolicy OnFailure, fails once the containers restarted backoffLimit times', () => {
    const c = newCluster();
    c.apply(job('restarts', '  backoffLimit: 2', '["sh", "-c", "exit 1"]', 'OnFailure'));
    runUntil(c, () => conditionOf(c, 'restarts', 'Failed') !== undefined, 10 * 60_000);
    expect(conditionOf(c, 'restarts', 'Failed')?.reason).toBe('BackoffLimitExceeded');
    expect(podsOf(c, 'restarts')).toHaveLength(0);
    expect(jobStatus(c, 'restarts').failed).toBe(1);
  });

  it('fails at activeDeadlineSeconds: active pods are deleted, Failed follows once they are gone', () => {
    const c = newCluster();
    c.apply(job('slow', '  activeDeadlineSeconds: 20', '["sleep", "3600"]', 'Never', '\n      terminationGracePeriodSeconds: 5'));
    runUntil(c, () => conditionOf(c, 'slow', 'FailureTarget') !== undefined, 60_000);
    expect(c.now).toBe(20_000);
    expect(conditionOf(c, 'slow', 'FailureTarget')).toMatchObject({ reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' });
    expect(conditionOf(c, 'slow', 'Failed')).toBeUndefined();
    expect(podsOf(c, 'slow')[0].metadata.deletionTimestamp).toBeDefined();
    runUntil(c, () => conditionOf(c, 'slow', 'Failed') !== undefined, 60_000);
    expect(c.now).toBeGreaterThanOrEqual(25_000);
    expect(podsOf(c, 'slow')).toHaveLength(0);
    expect(jobStatus(c, 'slow')).toMatchObject({ failed: 1, terminating: 0 });
    expect(jobStatus(c, 'slow').active).toBeUndefined();
    expect(jobEvents(c, 'slow').find((e) => e.reason === 'DeadlineExceeded')).toMatchObject({
      type: 'Warning', message: 'Job was active longer than specified deadline' });
  });

  it('fails at once when a podFailurePolicy FailJob rule matches', () => {
    const c = newCluster();
    c.apply(job('policy', `  backoffLimit: 6
  podFailurePolicy:
    rules:
    - action: FailJob
      onExitCodes:
        containerName: work
        operator: In
        values: [42]`, '["sh", "-c", "exit 42"]'));
    runUntil(c, () => conditionOf(c, 'policy', 'Failed') !== undefined, 60_000);
    const pod = podsOf(c, 'policy')[0];
    expect(conditionOf(c, 'policy', 'Failed')).toMatchObject({ reason: 'PodFailurePolicy',
      message: `Container work for pod default/${pod.metadata.name} failed with exit code 42 matching FailJob rule at index 0` });
    expect(podsOf(c, 'policy')).toHaveLength(1);
  });

  it('with podReplacementPolicy Failed, replaces a deleted pod only once it has terminated', () => {
    const c = newCluster();
    c.apply(job('patient', '  podReplacementPolicy: Failed', '["sleep", "600"]', 'Never', '\n      terminationGracePeriodSeconds: 5'));
    c.advance(5_000);
    const first = podsOf(c, 'patient')[0];
    c.delete('Pod', first.metadata.name);
    c.advance(2_000);
    expect(podsOf(c, 'patient')).toHaveLength(1);
    expect(jobStatus(c, 'patient')).toMatchObject({ terminating: 1 });
    runUntil(c, () => podsOf(c, 'patient').some((p) => p.metadata.uid !== first.metadata.uid), 60_000);
    // terminated at 10s (grace 5s); the replacement waits out the 10s failure back-off
    expect(c.now).toBeGreaterThanOrEqual(20_000);
    expect(jobStatus(c, 'patient').failed).toBe(1);
  });
});

