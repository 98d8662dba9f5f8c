import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../src/engine';
import { newCluster, runUntil, syncErrors } from '../helpers';
import { imageOf, indexOfChange, revisionOf, runUntilReady, stsStatus, stsYaml } from './statefulsetFixtures';

const partition = (n: number) => `  updateStrategy:\n    type: RollingUpdate\n    rollingUpdate:\n      partition: ${n}\n`;
const revisions = (c: Cluster) => c.list('ControllerRevision')
  .map((r) => [r.metadata.name, (r as unknown as { revision: number }).revision] as const)
  .sort((a, b) => a[1] - b[1]);

function readySet(spec = '', replicas = 3): Cluster {
  const c = newCluster();
  c.apply(stsYaml({ replicas, spec, claims: false }));
  runUntilReady(c, replicas);
  return c;
}

describe('StatefulSet RollingUpdate', () => {
  it('records each template as a ControllerRevision (revision numbers, hash label, owner)', () => {
    const c = readySet('', 1);
    const first = stsStatus(c)!.currentRevision!;
    c.apply(stsYaml({ replicas: 1, image: 'nginx:1.28', claims: false }));
    runUntil(c, () => stsStatus(c)?.currentRevision !== first && stsStatus(c)?.readyReplicas === 1, 120_000);
    const second = stsStatus(c)!.updateRevision!;
    expect(revisions(c)).toEqual([[first, 1], [second, 2]]);
    const cr = c.get('ControllerRevision', second)!;
    expect(cr.metadata.labels).toEqual({ app: 'nginx', 'controller-revision-hash': second });
    expect(cr.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'StatefulSet', name: 'web', controller: true });
    const data = cr.data as { spec: { template: { $patch: string; spec: { containers: { image: string }[] } } } };
    expect(data.spec.template.$patch).toBe('replace');
    expect(data.spec.template.spec.containers[0].image).toBe('nginx:1.28');
  });

  it('with partition 1 replaces web-2 then web-1, one at a time, and leaves web-0 at the current revision', () => {
    const c = readySet(partition(1));
    const old = stsStatus(c)!.currentRevision!;
    const from = c.steps.length;
    c.apply(stsYaml({ image: 'nginx:1.28', spec: partition(1), claims: false }));
    runUntil(c, () => stsStatus(c)?.updatedReplicas === 2 && stsStatus(c)?.readyReplicas === 3, 120_000);
    const next = stsStatus(c)!.updateRevision!;
    expect(next).not.toBe(old);
    const steps = c.steps.slice(from);
    const deleted2 = steps.findIndex((s) => s.actor === 'statefulset-controller' && s.message.includes('deleting web-2'));
    const recreated2 = indexOfChange(steps.slice(deleted2 + 1), 'ADDED', 'Pod', 'web-2') + deleted2 + 1;
    const deleted1 = steps.findIndex((s) => s.actor === 'statefulset-controller' && s.message.includes('deleting web-1'));
    expect(deleted2).toBeGreaterThan(0);
    expect(recreated2).toBeGreaterThan(deleted2);
    expect(deleted1).toBeGreaterThan(recreated2);
    expect(steps[deleted2].message).toBe(`StatefulSet web rolls out revision ${next}: deleting web-2, the highest ordinal not yet ` +
      `updated, to recreate it from the new template; ordinals below the partition (1) stay at ${old}. ` +
      'The next Pod waits until this one is Running and Ready');
    // web-1 was deleted only once the new web-2 was Running and Ready
    const view = c.at(from + deleted1 - 1);
    expect(revisionOf(view.get('Pod', 'web-2'))).toBe(next);
    expect((view.get('Pod', 'web-2')!.status as { phase: string }).phase).toBe('Running');
    c.advance(60_000);
    expect(imageOf(c.get('Pod', 'web-0'))).toBe('nginx:1.27');
    expect(revisionOf(c.get('Pod', 'web-0'))).toBe(old);
    for (const n of [1, 2]) {
      expect(imageOf(c.get('Pod', `web-${n}`))).toBe('nginx:1.28');
      expect(revisionOf(c.get('Pod', `web-${n}`))).toBe(next);
    }
    // a partitioned rollout never completes: currentRevision stays
    expect(stsStatus(c)).toMatchObject({ replicas: 3, readyReplicas: 3, currentReplicas: 1, updatedReplicas: 2,
      currentRevision: old, updateRevision: next });

    // lowering the partition to 0 finishes the rollout
    c.apply(stsYaml({ image: 'nginx:1.28', spec: partition(0), claims: false }));
    runUntil(c, () => stsStatus(c)?.currentRevision === next && stsStatus(c)?.readyReplicas === 3, 120_000);
    expect(revisionOf(c.get('Pod', 'web-0'))).toBe(next);
    expect(stsStatus(c)).toMatchObject({ currentReplicas: 3, updatedReplicas: 3 });
    expect(syncErrors(c)).toEqual([]);
  });

  it('rolls back by reusing the old ControllerRevision under the next revision number', () => {
    const c = readySet('', 1);
    const first = stsStatus(c)!.currentRevision!;
    c.apply(stsYaml({ replicas: 1, image: 'nginx:1.28', claims: false }));
    runUntil(c, () => stsStatus(c)?.currentRevision !== first && stsStatus(c)?.readyReplicas === 1, 120_000);
    const second = stsStatus(c)!.currentRevision!;
    c.apply(stsYaml({ replicas: 1, claims: false }));
    runUntil(c, () => stsStatus(c)?.currentRevision === first && stsStatus(c)?.readyReplicas === 1, 120_000);
    expect(revisions(c)).toEqual([[second, 2], [first, 3]]);
    expect(imageOf(c.get('Pod', 'web-0'))).toBe('nginx:1.27');
  });

  it('keeps at most revisionHistoryLimit unused revisions', () => {
    const c = readySet('  revisionHistoryLimit: 1\n', 1);
    for (const image of ['nginx:1.26', 'nginx:1.28', 'nginx:1.25']) {
      c.apply(stsYaml({ replicas: 1, image, spec: '  revisionHistoryLimit: 1\n', claims: false }));
      runUntil(c, () => imageOf(c.get('Pod', 'web-0')) === image && stsStatus(c)?.readyReplicas === 1 &&
        stsStatus(c)?.currentRevision === stsStatus(c)?.updateRevision, 120_000);
      c.advance(1000);
    }
    // the live revision plus one of history
    expect(revisions(c).map(([, n]) => n)).toEqual([3, 4]);
  });
});

describe('StatefulSet OnDelete', () => {
  it('leaves Pods alone after a template change and recreates a deleted Pod at the update revision', () => {
    const onDelete = '  updateStrategy:\n    type: OnDelete\n';
    const c = readySet(onDelete);
    const old = stsStatus(c)!.currentRevision!;
    const from = c.steps.length;
    c.apply(stsYaml({ image: 'nginx:1.28', spec: onDelete, claims: false }));
    c.advance(60_000);
    expect(c.steps.slice(from).filter((s) => s.actor === 'statefulset-controller' &&
      s.changes.some((ch) => ch.kind === 'Pod'))).toEqual([]);
    const next = stsStatus(c)!.updateRevision!;
    expect(next).not.toBe(old);
    expect(stsStatus(c)).toMatchObject({ currentRevision: old, currentReplicas: 3, replicas: 3 });
    expect(stsStatus(c)?.updatedReplicas).toBeUndefined();

    const uid = c.get('Pod', 'web-1')!.metadata.uid;
    c.delete('Pod', 'web-1');
    runUntil(c, () => c.get('Pod', 'web-1')?.metadata.uid !== uid && c.get('Pod', 'web-1') !== undefined &&
      stsStatus(c)?.readyReplicas === 3, 120_000);
    expect(imageOf(c.get('Pod', 'web-1'))).toBe('nginx:1.28');
    expect(revisionOf(c.get('Pod', 'web-1'))).toBe(next);
    expect(imageOf(c.get('Pod', 'web-0'))).toBe('nginx:1.27');
    expect(imageOf(c.get('Pod', 'web-2'))).toBe('nginx:1.27');
    expect(stsStatus(c)).toMatchObject({ currentRevision: old, currentReplicas: 2, updatedReplicas: 1 });
    expect(syncErrors(c)).toEqual([]);
  });
});
