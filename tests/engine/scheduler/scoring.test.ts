import { describe, expect, it } from 'vitest';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { createRandom } from '../../../src/engine/core/random';
import { buildNodeInfos } from '../../../src/engine/scheduler/framework';
import { numFeasibleNodesToFind } from '../../../src/engine/scheduler/findFeasible';
import { podBackoffMs, schedulePod } from '../../../src/engine/scheduler/schedule';
import { expectSuccess, makeNode, makePod, podWith, run } from './fixtures';

const three = () => ['node-1', 'node-2', 'node-3'].map((n) => makeNode(n));
const scoreOf = (result: ReturnType<typeof expectSuccess>, node: string) => result.scores.find((s) => s.node === node)!;

describe('scores', () => {
  it('prefers the least allocated node (exact LeastAllocated and BalancedAllocation values)', () => {
    const nodes = [makeNode('node-1'), makeNode('node-2')];
    const busy = podWith('busy', { cpu: '2', memory: '2Gi' }, { nodeName: 'node-1' });
    const result = expectSuccess(run(podWith('p', { cpu: '1', memory: '1Gi' }), nodes, [busy]));
    expect(result.node).toBe('node-2');
    expect(scoreOf(result, 'node-2')).toEqual({
      node: 'node-2', total: 474,
      byPlugin: { TaintToleration: 300, NodeResourcesFit: 81, NodeResourcesBalancedAllocation: 93, ImageLocality: 0 },
    });
    expect(scoreOf(result, 'node-1').byPlugin).toMatchObject({ NodeResourcesFit: 43, NodeResourcesBalancedAllocation: 81 });
  });

  it('counts 100m / 200Mi for containers without requests when scoring', () => {
    const nodes = [makeNode('node-1'), makeNode('node-2')];
    const bestEffort = ['a', 'b', 'c'].map((n) => makePod(n, { nodeName: 'node-1' }));
    expect(expectSuccess(run(makePod('p'), nodes, bestEffort)).node).toBe('node-2');
  });

  it('lowers the score of a PreferNoSchedule taint without filtering the node', () => {
    const tainted = makeNode('node-1', { taints: [{ key: 'spot', value: 'true', effect: 'PreferNoSchedule' }] });
    for (let seed = 1; seed <= 10; seed++) {
      const result = expectSuccess(run(makePod('p'), [tainted, makeNode('node-2')], [], { seed }));
      expect(result.node).toBe('node-2');
      expect(scoreOf(result, 'node-1').byPlugin.TaintToleration).toBe(0);
      expect(scoreOf(result, 'node-2').byPlugin.TaintToleration).toBe(300);
    }
    expect(expectSuccess(run(makePod('p'), [tainted])).node).toBe('node-1');
    const tolerating = makePod('p', { tolerations: [{ key: 'spot', operator: 'Exists', effect: 'PreferNoSchedule' }] });
    const equal = expectSuccess(run(tolerating, [tainted, makeNode('node-2')]));
    expect(scoreOf(equal, 'node-1').byPlugin.TaintToleration).toBe(300);
  });

  it('adds preferred node affinity (normalized to 100, weight 2)', () => {
    const nodes = [makeNode('node-1'), makeNode('node-2', { labels: { disktype: 'ssd' } })];
    const pod = makePod('p', { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [
      { weight: 30, preference: { matchExpressions: [{ key: 'disktype', operator: 'In', values: ['ssd'] }] } },
    ] } } });
    const result = expectSuccess(run(pod, nodes));
    expect(result.node).toBe('node-2');
    expect([scoreOf(result, 'node-1').byPlugin.NodeAffinity, scoreOf(result, 'node-2').byPlugin.NodeAffinity]).toEqual([0, 200]);
  });

  it('prefers nodes that hold the image, scaled by size and spread', () => {
    const image = { names: ['registry.example/app:1.0'], sizeBytes: 500 * 1024 * 1024 };
    const nodes = [makeNode('node-1'), makeNode('node-2', { images: [image] }), makeNode('node-3')];
    const pod = makePod('p', { containers: [{ name: 'app', image: 'registry.example/app:1.0' }] });
    const result = expectSuccess(run(pod, nodes));
    expect(result.node).toBe('node-2');
    // 500Mi × 1/3 of the nodes = 166.7Mi; (166.7Mi − 23Mi) / (1000Mi − 23Mi) → 14
    expect(result.scores.map((s) => s.byPlugin.ImageLocality)).toEqual([0, 14, 0]);
  });

  it('prefers nodes away from pods of a preferred anti-affinity', () => {
    const pod = makePod('p', { affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [
      { weight: 100, podAffinityTerm: { labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'kubernetes.io/hostname' } },
    ] } } }, { app: 'web' });
    const existing = makePod('w', { nodeName: 'node-1' }, { app: 'web' });
    const result = expectSuccess(run(pod, [makeNode('node-1'), makeNode('node-2')], [existing]));
    expect(result.node).toBe('node-2');
    expect(result.scores.map((s) => s.byPlugin.InterPodAffinity)).toEqual([0, 200]);
  });
});

/** Schedules `count` replicas one after another, binding each where the scheduler says. */
function scheduleReplicas(nodes: Node[], count: number, seed: number, make: (i: number) => Pod, spread = true): Pod[] {
  const rng = createRandom(seed);
  const placed: Pod[] = [];
  for (let i = 0; i < count; i++) {
    const pod = make(i);
    const result = expectSuccess(schedulePod({
      pod, nodes: buildNodeInfos(nodes, placed), rng,
      spreadSelectors: spread ? [{ matchLabels: { app: 'web', 'pod-template-hash': 'abc' } }] : [],
    }));
    placed.push({ ...pod, spec: { ...pod.spec!, nodeName: result.node } });
  }
  return placed;
}

const perNode = (pods: Pod[]) => pods.reduce<Record<string, number>>((m, p) => {
  m[p.spec!.nodeName!] = (m[p.spec!.nodeName!] ?? 0) + 1;
  return m;
}, {});

describe('spreading', () => {
  const replica = (i: number) => makePod(`web-${i}`, {}, { app: 'web', 'pod-template-hash': 'abc' });

  it.each([1, 2, 3, 7])('spreads 6 replicas of one ReplicaSet 2-2-2 over 3 equal nodes (seed %i)', (seed) => {
    expect(perNode(scheduleReplicas(three(), 6, seed, replica))).toEqual({ 'node-1': 2, 'node-2': 2, 'node-3': 2 });
  });

  it('scores the system default constraints from the given selectors (hostname and zone)', () => {
    const existing = makePod('web-0', { nodeName: 'node-1' }, { app: 'web', 'pod-template-hash': 'abc' });
    const selectors: LabelSelector[] = [{ matchLabels: { app: 'web' } }, { matchLabels: { 'pod-template-hash': 'abc' } }];
    const result = expectSuccess(run(replica(1), three(), [existing], { spreadSelectors: selectors }));
    // hostname: raw node-1 round(1·ln5 + 3 − 1) = 4, others 2 → 100·(4+2−raw)/4, ×2;
    // zone adds nothing: with the system defaults a node without the zone label is still scored by hostname
    expect(result.scores.map((s) => s.byPlugin.PodTopologySpread)).toEqual([100, 200, 200]);
    const zoned = three().map((n) => ({ ...n, metadata: { ...n.metadata, labels: { ...n.metadata!.labels, 'topology.kubernetes.io/zone': 'z' } } }));
    // with zone z (one domain, 1 matching pod) every node also gets 1·ln3 + 4: node-1 round(8.71) = 9, others 7
    const withZone = expectSuccess(run(replica(1), zoned, [existing], { spreadSelectors: selectors }));
    expect(withZone.scores.map((s) => s.byPlugin.PodTopologySpread)).toEqual([154, 200, 200]);
    const unselected = expectSuccess(run(replica(1), three(), [existing]));
    expect(unselected.scores[0].byPlugin).not.toHaveProperty('PodTopologySpread');
  });

  it('spreads by explicit ScheduleAnyway constraints across zones', () => {
    const nodes = ['a', 'a', 'b'].map((z, i) => makeNode(`node-${i + 1}`, { labels: { 'topology.kubernetes.io/zone': z } }));
    const zoned = (i: number) => makePod(`web-${i}`, { topologySpreadConstraints: [{
      maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { app: 'web' } },
    }] }, { app: 'web' });
    const placed = scheduleReplicas(nodes, 4, 1, zoned, false);
    const zones = placed.map((p) => (p.spec!.nodeName === 'node-3' ? 'b' : 'a'));
    expect(zones.filter((z) => z === 'b').length).toBe(2);
  });
});

describe('tie-breaking', () => {
  it('is deterministic for a seed and uniform enough across seeds', () => {
    const chosen = new Set<string>();
    for (let seed = 1; seed <= 30; seed++) {
      const a = expectSuccess(run(makePod('p'), three(), [], { seed })).node;
      expect(expectSuccess(run(makePod('p'), three(), [], { seed })).node).toBe(a);
      chosen.add(a);
    }
    expect(chosen).toEqual(new Set(['node-1', 'node-2', 'node-3']));
  });
});

describe('podBackoffMs', () => {
  it('starts at 1s after the first failure and doubles up to 10s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map(podBackoffMs)).toEqual([0, 1000, 2000, 4000, 8000, 10000, 10000, 10000]);
  });
});

describe('numFeasibleNodesToFind', () => {
  it.each([[3, 3], [99, 99], [100, 100], [200, 100], [300, 144], [1000, 420], [5000, 500], [10000, 500]])('%i nodes → %i', (nodes, wanted) => {
    expect(numFeasibleNodesToFind(nodes)).toBe(wanted);
  });

  it('stops filtering once enough nodes fit and resumes after them next time', () => {
    const many = Array.from({ length: 300 }, (_, i) => makeNode(`n-${i}`));
    const first = schedulePod({ pod: makePod('p'), nodes: buildNodeInfos(many, []), rng: createRandom(1), spreadSelectors: [] });
    const ok = expectSuccess(first);
    expect([ok.feasible, ok.scores.length, ok.nextStartIndex]).toEqual([144, 144, 144]);
    const next = expectSuccess(schedulePod({
      pod: makePod('p'), nodes: buildNodeInfos(many, []), rng: createRandom(1), spreadSelectors: [], startIndex: ok.nextStartIndex,
    }));
    expect([next.scores[0].node, next.nextStartIndex]).toEqual(['n-144', 288]);
  });
});
