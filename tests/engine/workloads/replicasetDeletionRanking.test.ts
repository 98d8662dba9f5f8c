import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/engine';
import { decide, logBucket, orderForDeletion } from '../../../src/engine/controllers/replicaset/deletionOrder';
import { deletionCost, maxRestarts, type RankedPod } from '../../../src/engine/controllers/replicaset/deletionRanking';
import { timestamp } from '../../../src/engine/core/time';

const NOW = 3_600_000;

const ranked = (over: Partial<RankedPod> = {}): RankedPod => ({
  pod: {} as KubeObject, rank: 1, node: 'node-1', phase: 2, ready: true, readySince: 0, cost: 0,
  restarts: [0, 0], created: 0, uid: 'b', ...over,
});

describe('logBucket (log₂ of the age in ns)', () => {
  it.each([
    [NOW, -1], [NOW + 5, -1], [NOW - 1, 19], [NOW - 1000, 29], [NOW - 2000, 30], [NOW - 60_000, 35],
  ])('since %i → %i', (since, bucket) => expect(logBucket(since, NOW)).toBe(bucket));
});

describe('deletionCost (controller.kubernetes.io/pod-deletion-cost)', () => {
  const pod = (value?: string) => ({ metadata: { annotations: value === undefined ? {} : { 'controller.kubernetes.io/pod-deletion-cost': value } } }) as unknown as KubeObject;
  it.each([
    [undefined, 0], ['5', 5], ['-3', -3], ['0', 0], ['-0', 0], ['+5', 0], ['007', 0], ['1.5', 0], ['abc', 0], ['', 0],
    ['2147483647', 2147483647], ['2147483648', 0], ['-2147483648', -2147483648],
  ])('%j → %i', (value, cost) => expect(deletionCost(pod(value))).toBe(cost));
});

describe('maxRestarts', () => {
  it('takes the highest regular restart count, and sidecars (restartable init containers) apart', () => {
    const pod = {
      metadata: {},
      spec: { initContainers: [{ name: 'init' }, { name: 'proxy', restartPolicy: 'Always' }] },
      status: {
        containerStatuses: [{ name: 'a', restartCount: 2 }, { name: 'b', restartCount: 5 }],
        initContainerStatuses: [{ name: 'init', restartCount: 9 }, { name: 'proxy', restartCount: 3 }],
      },
    } as unknown as KubeObject;
    expect(maxRestarts(pod)).toEqual([5, 3]);
  });
});

describe('decide (upstream ActivePodsWithRanks.Less)', () => {
  it.each<[string, Partial<RankedPod>, Partial<RankedPod>, boolean | undefined, string | undefined]>([
    ['unassigned before assigned, even if Running', { node: '', phase: 2 }, { node: 'node-1', phase: 0, ready: false }, true, 'unassigned'],
    ['both unassigned: phase decides', { node: '', phase: 2 }, { node: '', phase: 0 }, false, 'phase'],
    ['Pending before Running', { phase: 0, ready: false }, { phase: 2, ready: false }, true, 'phase'],
    ['Unknown before Running', { phase: 2 }, { phase: 1 }, false, 'phase'],
    ['not ready before ready', { ready: false }, { ready: true }, true, 'notReady'],
    ['lower pod-deletion-cost first', { cost: -1, rank: 1 }, { cost: 0, rank: 5 }, true, 'cost'],
    ['not-ready beats cost', { cost: 100, ready: false }, { cost: -100 }, true, 'notReady'],
    ['doubled-up Node first', { rank: 2, readySince: 0 }, { rank: 1, readySince: NOW - 10 }, true, 'rank'],
    ['ready more recently first (different log₂ bucket)', { readySince: NOW - 60_000 }, { readySince: NOW - 1000 }, false, 'readyTime'],
    ['same ready bucket: smaller UID first, no fall-through', { readySince: NOW - 1500, uid: 'a', restarts: [0, 0] },
      { readySince: NOW - 1200, uid: 'b', restarts: [9, 0] }, true, 'readyTimeUid'],
    ['a zero Ready time counts as newest', { readySince: undefined }, { readySince: NOW - 1000 }, true, 'readyTime'],
    ['identical Ready times fall through to restarts', { restarts: [1, 0] }, { restarts: [3, 0] }, false, 'restarts'],
    ['only one ready: ready time is skipped', { ready: false, readySince: undefined, created: 0 },
      { ready: true, readySince: NOW - 1000, created: NOW - 1000, phase: 2 }, true, 'notReady'],
    ['neither ready: ready time is skipped, creation decides', { ready: false, readySince: undefined, created: 0 },
      { ready: false, readySince: undefined, created: NOW - 1000 }, false, 'created'],
    ['sidecar restarts after regular restarts', { restarts: [1, 4] }, { restarts: [1, 2] }, true, 'sidecarRestarts'],
    ['newer creation first', { created: NOW - 1000 }, { created: NOW - 600_000 }, true, 'created'],
    ['same creation bucket: smaller UID first', { created: NOW - 1100, uid: 'z' }, { created: NOW - 1900, uid: 'c' }, false, 'createdUid'],
    ['nothing tells them apart', {}, {}, undefined, undefined],
  ])('%s', (_name, a, b, aFirst, rule) => {
    const d = decide(ranked(a), ranked(b), NOW);
    expect(d?.aFirst).toBe(aFirst);
    expect(d?.rule).toBe(rule);
    if (d) expect(decide(ranked(b), ranked(a), NOW)).toEqual({ aFirst: !aFirst, rule });
  });
});

describe('orderForDeletion', () => {
  const pod = (name: string, node: string, ready: boolean, createdMs: number): KubeObject => ({
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name, uid: `uid-${name}`, resourceVersion: '1', creationTimestamp: timestamp(createdMs) },
    spec: { nodeName: node },
    status: { phase: node ? 'Running' : 'Pending', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: timestamp(createdMs + 5000) }] },
  });

  it('ranks unscheduled, then not ready, then doubled-up, then the most recently ready', () => {
    const pods = [
      pod('old-a', 'node-1', true, 0), pod('old-b', 'node-2', true, 0), pod('dup', 'node-1', true, 0),
      pod('young', 'node-3', true, NOW - 30_000), pod('slow', 'node-4', false, 0), pod('pending', '', false, 0),
    ];
    // node-1 holds two Pods of the family (rank 2); dup and old-a were ready at the same moment, so the UID decides
    expect(orderForDeletion(pods, pods, 1, NOW).map((r) => r.pod.metadata.name))
      .toEqual(['pending', 'slow', 'dup', 'old-a', 'young', 'old-b']);
  });

  it('does not sort when every Pod goes', () => {
    const pods = [pod('b', 'node-1', true, 0), pod('a', '', false, 0)];
    expect(orderForDeletion(pods, pods, 2, NOW).map((r) => r.pod.metadata.name)).toEqual(['a', 'b']);
  });
});
