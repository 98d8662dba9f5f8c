import { describe, expect, it } from 'vitest';
import { newCluster, runUntil, syncErrors } from '../helpers';
import { indexOfChange, isReady, runUntilReady, stsStatus, stsYaml } from './statefulsetFixtures';

const parallel = '  podManagementPolicy: Parallel\n';

describe('StatefulSet Parallel pod management', () => {
  it('creates every missing Pod in one sync, claims first, without waiting for readiness', () => {
    const c = newCluster();
    const from = c.steps.length;
    c.apply(stsYaml({ replicas: 3, spec: parallel }));
    c.advance(0);
    const steps = c.steps.slice(from);
    const created = ['web-0', 'web-1', 'web-2'].map((n) => indexOfChange(steps, 'ADDED', 'Pod', n));
    expect(created.every((i) => i > 0)).toBe(true);
    // all three before any Pod is even scheduled, let alone Ready
    const firstBinding = steps.findIndex((s) => s.actor === 'kube-scheduler');
    expect(Math.max(...created)).toBeLessThan(firstBinding);
    for (const n of [0, 1, 2]) {
      expect(indexOfChange(steps, 'ADDED', 'PersistentVolumeClaim', `www-web-${n}`)).toBeLessThan(created[n]);
    }
    expect(steps[created[1]].message).toBe(`StatefulSet web has 1 of 3 Pods: creating web-1 at revision ${stsStatus(c)?.updateRevision} ` +
      '(Parallel: every missing Pod is created at once, without waiting for readiness)');
    runUntilReady(c, 3);
    expect(syncErrors(c)).toEqual([]);
  });

  it('deletes every surplus Pod at once on scale-down', () => {
    const c = newCluster();
    c.apply(stsYaml({ replicas: 3, spec: parallel }));
    runUntilReady(c, 3);
    const from = c.steps.length;
    c.scale('StatefulSet', 'web', 1);
    c.advance(0);
    expect(c.get('Pod', 'web-1')?.metadata.deletionTimestamp).toBeDefined();
    expect(c.get('Pod', 'web-2')?.metadata.deletionTimestamp).toBeDefined();
    expect(c.get('Pod', 'web-0')?.metadata.deletionTimestamp).toBeUndefined();
    const deletes = c.steps.slice(from).filter((s) => s.actor === 'statefulset-controller' && s.message.includes('deleting'));
    expect(deletes.map((s) => s.message)).toEqual(['web-2', 'web-1'].map((n) =>
      `StatefulSet web scales down to 1 replicas: deleting ${n} (Parallel removes every surplus Pod at once)`));
    runUntil(c, () => c.list('Pod').length === 1 && isReady(c.get('Pod', 'web-0')), 60_000);
  });
});
