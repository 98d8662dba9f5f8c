import { describe, expect, it } from 'vitest';
import type { Cluster, KubeObject } from '../../../src/engine';
import { newCluster, runUntil, syncErrors } from '../helpers';

const indexedJob = `apiVersion: batch/v1
kind: Job
metadata:
  name: idx
spec:
  completions: 4
  parallelism: 2
  completionMode: Indexed
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: work
        image: busybox:1.36
        command: ["sh", "-c", "sleep 2"]
`;

const status = (c: Cluster) => (c.get('Job', 'idx')!.status ?? {}) as { completedIndexes?: string; succeeded?: number;
  conditions?: { type: string; status: string }[] };
const pods = (c: Cluster) => c.list('Pod', 'default').filter((p) => p.metadata.ownerReferences?.[0]?.name === 'idx');
const index = (p: KubeObject) => p.metadata.annotations?.['batch.kubernetes.io/job-completion-index'];

describe('an Indexed Job', () => {
  it('gives each pod its index: name, hostname, annotation, label and JOB_COMPLETION_INDEX', () => {
    const c = newCluster();
    expect(c.apply(indexedJob).ok).toBe(true);
    c.advance(0);
    const first = pods(c);
    expect(first.map(index).sort()).toEqual(['0', '1']);
    for (const p of first) {
      const ix = index(p)!;
      expect(p.metadata.name).toMatch(new RegExp(`^idx-${ix}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
      expect(p.metadata.labels?.['batch.kubernetes.io/job-completion-index']).toBe(ix);
      expect(p.metadata.labels?.['job-name']).toBe('idx');
      const spec = p.spec as { hostname?: string; containers: { env?: unknown[] }[] };
      expect(spec.hostname).toBe(`idx-${ix}`);
      expect(spec.containers[0].env).toEqual([{ name: 'JOB_COMPLETION_INDEX',
        valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.labels['batch.kubernetes.io/job-completion-index']" } } }]);
      expect(p.metadata.finalizers).toContain('batch.kubernetes.io/job-tracking');
    }
  });

  it('tracks completedIndexes as intervals and completes when every index has succeeded', () => {
    const c = newCluster();
    c.apply(indexedJob);
    const seen = new Set<string>();
    runUntil(c, () => {
      seen.add(status(c).completedIndexes ?? '');
      return status(c).conditions?.some((x) => x.type === 'Complete') ?? false;
    }, 120_000);
    expect(seen).toContain('0,1');
    expect(status(c).completedIndexes).toBe('0-3');
    expect(status(c).succeeded).toBe(4);
    expect(pods(c).map(index).sort()).toEqual(['0', '1', '2', '3']);
    expect(syncErrors(c)).toEqual([]);
  });

  it('replaces a deleted pod with one for the same index', () => {
    const c = newCluster();
    c.apply(indexedJob.replace('sleep 2', 'sleep 60'));
    c.advance(5_000);
    const victim = pods(c).find((p) => index(p) === '1')!;
    c.delete('Pod', victim.metadata.name);
    runUntil(c, () => pods(c).some((p) => index(p) === '1' && p.metadata.uid !== victim.metadata.uid), 60_000);
    const replacement = pods(c).find((p) => index(p) === '1' && p.metadata.uid !== victim.metadata.uid)!;
    expect(replacement.metadata.name).toMatch(/^idx-1-/);
    // upstream: a pod deleted before it succeeded counts as failed (podReplacementPolicy TerminatingOrFailed)
    runUntil(c, () => (c.get('Job', 'idx')!.status as { failed?: number }).failed === 1, 60_000);
  });

  it('with backoffLimitPerIndex, retries a failing index on its own and then fails it', () => {
    const c = newCluster();
    c.apply(indexedJob.replace('parallelism: 2', 'parallelism: 4\n  backoffLimitPerIndex: 1')
      .replace('"sleep 2"', '"[ $JOB_COMPLETION_INDEX != 1 ]"'));
    runUntil(c, () => status(c).conditions?.some((x) => x.type === 'Failed') ?? false, 120_000);
    const st = c.get('Job', 'idx')!.status as Record<string, unknown>;
    expect(st).toMatchObject({ completedIndexes: '0,2,3', failedIndexes: '1', succeeded: 3, failed: 2 });
    expect(status(c).conditions?.find((x) => x.type === 'Failed')).toMatchObject({ reason: 'FailedIndexes', message: 'Job has failed indexes' });
    const retries = pods(c).filter((p) => index(p) === '1')
      .map((p) => p.metadata.annotations?.['batch.kubernetes.io/job-index-failure-count']);
    expect(retries.sort()).toEqual(['0', '1']);
  });
});
