import { describe, expect, it } from 'vitest';
import { newCluster, runUntil, syncErrors } from '../helpers';
import { dsStatus, dsYaml, nodeYaml, runUntilRolledOut } from './daemonsetFixtures';

describe('DaemonSet adoption, history and determinism', () => {
  it('adopts the orphaned Pods of a DaemonSet deleted with --cascade=orphan instead of creating new ones', () => {
    const c = newCluster();
    c.apply(dsYaml());
    runUntilRolledOut(c, 3);
    const podUids = c.list('Pod').map((p) => p.metadata.uid).sort();
    c.delete('DaemonSet', 'agent', 'default', { propagationPolicy: 'Orphan' });
    runUntil(c, () => !c.get('DaemonSet', 'agent'), 30_000);
    const from = c.steps.length;
    c.apply(dsYaml());
    runUntil(c, () => dsStatus(c)?.numberReady === 3, 30_000);
    const uid = c.get('DaemonSet', 'agent')!.metadata.uid;
    expect(c.list('Pod').map((p) => p.metadata.uid).sort()).toEqual(podUids);
    expect(c.list('Pod').every((p) => p.metadata.ownerReferences?.[0].uid === uid)).toBe(true);
    expect(c.list('ControllerRevision').map((r) => r.metadata.ownerReferences?.[0].uid)).toEqual([uid]);
    expect(c.steps.slice(from).some((s) => s.changes.some((ch) => ch.type === 'ADDED' && ch.kind === 'Pod'))).toBe(false);
    expect(dsStatus(c)?.updatedNumberScheduled).toBe(3);
    expect(syncErrors(c)).toEqual([]);
  });

  it('keeps revisionHistoryLimit old revisions, and a rollback reuses the old revision as the newest', () => {
    const spec = '  revisionHistoryLimit: 1\n';
    const c = newCluster({ nodes: 1 });
    const numbers = () => c.list('ControllerRevision').map((r) => (r as unknown as { revision: number }).revision).sort();
    for (const image of ['nginx:1.27', 'nginx:1.28', 'nginx:1.26']) {
      c.apply(dsYaml({ image, spec }));
      runUntil(c, () => c.list('Pod').length === 1 && (c.list('Pod')[0].spec as { containers: { image: string }[] }).containers[0].image === image &&
        dsStatus(c)?.numberAvailable === 1, 120_000);
    }
    expect(numbers()).toEqual([2, 3]);
    const second = c.list('ControllerRevision').find((r) => (r as unknown as { revision: number }).revision === 2)!.metadata.name;
    c.apply(dsYaml({ image: 'nginx:1.28', spec }));
    runUntil(c, () => c.list('Pod').length === 1 && c.list('Pod')[0].metadata.labels?.['controller-revision-hash'] === second.replace('agent-', '') &&
      dsStatus(c)?.numberAvailable === 1, 120_000);
    expect(c.list('ControllerRevision').map((r) => [r.metadata.name, (r as unknown as { revision: number }).revision])
      .find(([name]) => name === second)).toEqual([second, 4]);
  });

  it('makes the same Steps for the same seed and commands', () => {
    const run = () => {
      const c = newCluster({ seed: 11 });
      c.apply(dsYaml());
      c.advance(20_000);
      c.apply(nodeYaml('node-4', { labels: '    extra: "yes"\n' }));
      c.apply(dsYaml({ image: 'nginx:1.28' }));
      c.advance(60_000);
      return c.steps.map((s) => `${s.time} ${s.actor} ${s.message} ${s.changes.map((ch) => ch.name).join(',')}`);
    };
    const a = run();
    expect(a.length).toBeGreaterThan(40);
    expect(run()).toEqual(a);
  });
});
