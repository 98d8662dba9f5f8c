import { describe, expect, it } from 'vitest';
import { newCluster, runUntil, syncErrors } from '../helpers';
import { revisionOf, runUntilReady, stsStatus, stsYaml } from './statefulsetFixtures';

describe('StatefulSet adoption and determinism', () => {
  it('adopts the orphaned Pods and ControllerRevision of a set deleted with --cascade=orphan', () => {
    const c = newCluster();
    c.apply(stsYaml({ replicas: 2, claims: false }));
    runUntilReady(c, 2);
    const podUids = c.list('Pod').map((p) => p.metadata.uid).sort();
    const revision = stsStatus(c)!.currentRevision!;
    c.delete('StatefulSet', 'web', 'default', { propagationPolicy: 'Orphan' });
    runUntil(c, () => !c.get('StatefulSet', 'web'), 30_000);
    expect(c.list('Pod').every((p) => !p.metadata.ownerReferences?.length)).toBe(true);

    const from = c.steps.length;
    c.apply(stsYaml({ replicas: 2, claims: false }));
    runUntil(c, () => stsStatus(c)?.readyReplicas === 2, 30_000);
    const uid = c.get('StatefulSet', 'web')!.metadata.uid;
    expect(c.list('Pod').map((p) => p.metadata.uid).sort()).toEqual(podUids);
    for (const pod of c.list('Pod')) {
      expect(pod.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'StatefulSet', uid, controller: true });
      expect(revisionOf(pod)).toBe(revision);
    }
    expect(c.get('ControllerRevision', revision)!.metadata.ownerReferences?.[0].uid).toBe(uid);
    expect(c.list('ControllerRevision')).toHaveLength(1);
    const steps = c.steps.slice(from);
    expect(steps.some((s) => s.message === `StatefulSet web adopted Pod web-0 (its labels match the selector)`)).toBe(true);
    expect(steps.some((s) => s.changes.some((ch) => ch.type === 'ADDED' && ch.kind === 'Pod'))).toBe(false);
    expect(syncErrors(c)).toEqual([]);
  });

  it('makes the same Steps for the same seed and commands', () => {
    const run = () => {
      const c = newCluster({ seed: 7 });
      c.apply(stsYaml({ replicas: 3, spec: '  podManagementPolicy: Parallel\n' }));
      c.advance(30_000);
      c.apply(stsYaml({ replicas: 3, image: 'nginx:1.28', spec: '  podManagementPolicy: Parallel\n' }));
      c.advance(60_000);
      c.scale('StatefulSet', 'web', 1);
      c.advance(60_000);
      return c.steps.map((s) => `${s.time} ${s.actor} ${s.message} ${s.changes.map((ch) => ch.name).join(',')}`);
    };
    const a = run();
    expect(a.length).toBeGreaterThan(50);
    expect(run()).toEqual(a);
  });
});
