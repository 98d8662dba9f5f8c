import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../src/engine/api';
import { createCluster } from '../../src/engine/index';
import { fromJsonArgs, journalOf, recordCluster, toJsonArgs } from '../../src/share/recorder';

describe('recordCluster', () => {
  it('keeps the object and records changing calls with their Step index, runs of step() as one count', () => {
    const cluster = createCluster({ nodes: 1 });
    const recorded = recordCluster(cluster);
    expect(recorded).toBe(cluster);
    const before = cluster.steps.length;
    cluster.apply('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx\n');
    const afterApply = cluster.steps.length;
    cluster.step();
    cluster.step();
    cluster.get('Pod', 'p');
    cluster.list('Node');
    cluster.at(0);
    cluster.step();
    cluster.delete('Pod', 'p', undefined, { gracePeriodSeconds: 0 });
    expect(journalOf(cluster)?.entries).toEqual([
      { op: 'apply', at: before, args: [expect.stringContaining('name: p')] },
      { op: 'step', count: 3 },
      { op: 'delete', at: expect.any(Number), args: ['Pod', 'p', null, { gracePeriodSeconds: 0 }] },
    ]);
    expect(afterApply).toBeGreaterThan(before);
  });

  it('records a call the cluster makes from inside another recorded call only once', () => {
    const calls: string[] = [];
    const fake = {
      steps: [] as unknown[],
      step(): undefined { calls.push('step'); return undefined; },
      advance(this: { step(): undefined }) { calls.push('advance'); this.step(); this.step(); return []; },
    } as unknown as Cluster;
    recordCluster(fake);
    fake.advance(5000);
    expect(calls).toEqual(['advance', 'step', 'step']);
    expect(journalOf(fake)?.entries).toEqual([{ op: 'advance', at: 0, args: [5000] }]);
  });

  it('records a call that throws (its replay throws the same way)', () => {
    const fake = { steps: [], scale() { throw new Error('boom'); } } as unknown as Cluster;
    recordCluster(fake);
    expect(() => fake.scale('Deployment', 'web', 2)).toThrow('boom');
    expect(journalOf(fake)?.entries).toEqual([{ op: 'scale', at: 0, args: ['Deployment', 'web', 2] }]);
  });

  it('is not applied twice', () => {
    const cluster = createCluster({ nodes: 0 });
    recordCluster(cluster);
    const journal = journalOf(cluster);
    recordCluster(cluster);
    cluster.step();
    expect(journalOf(cluster)).toBe(journal);
    expect(journal?.entries).toEqual([{ op: 'step', count: 1 }]);
  });
});

describe('arguments as JSON', () => {
  it.each([
    [['Pod', 'p', undefined, undefined], ['Pod', 'p']],
    [['Pod', 'p', undefined, { propagationPolicy: 'Orphan' }], ['Pod', 'p', null, { propagationPolicy: 'Orphan' }]],
    [['Deployment', 'web', 'undo', { toRevision: undefined }], ['Deployment', 'web', 'undo', {}]],
    [[], []],
  ])('%j → %j', (args, json) => {
    expect(toJsonArgs(args)).toEqual(json);
    expect(fromJsonArgs(toJsonArgs(args))).toEqual(args.slice(0, json.length).map((a) => (a && typeof a === 'object' ? JSON.parse(JSON.stringify(a)) : a)));
  });

  it('copies objects, so changing them later changes nothing recorded', () => {
    const spec = { service: 'web', ratePerSecond: 5 };
    const json = toJsonArgs([spec]);
    spec.ratePerSecond = 50;
    expect(json).toEqual([{ service: 'web', ratePerSecond: 5 }]);
  });
});
