import { describe, expect, it } from 'vitest';
import { reasonHistogram } from '../../../src/engine/scheduler/fitError';
import { createRandom } from '../../../src/engine/core/random';
import { buildNodeInfos, unresolvable, unschedulable } from '../../../src/engine/scheduler/framework';
import { withVolumePlugins } from '../../../src/engine/scheduler/plugins';
import { schedulePod } from '../../../src/engine/scheduler/schedule';
import { expectFailure, makeNode, makePod, podWith, run } from './fixtures';

const workers = (n: number, o: Parameters<typeof makeNode>[1] = {}) =>
  Array.from({ length: n }, (_, i) => makeNode(`worker-${i + 1}`, o));

describe('FailedScheduling messages (k8s-semantics §3 examples)', () => {
  it('3 Insufficient cpu', () => {
    const result = expectFailure(run(podWith('big', { cpu: '5' }), workers(3)));
    expect(result.message).toBe(
      '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.');
    expect(result.unresolvable).toBe(false);
    expect(result.rejectedBy).toEqual(['NodeResourcesFit']);
  });

  it('a tainted control plane and two workers short of memory', () => {
    const nodes = [
      makeNode('control-plane', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] }),
      ...workers(2),
    ];
    const result = expectFailure(run(podWith('big', { memory: '10Gi' }), nodes));
    expect(result.message).toBe(
      '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient memory. ' +
      'preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.');
    expect(result.reasons).toEqual({
      'control-plane': ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'],
      'worker-1': ['Insufficient memory'],
      'worker-2': ['Insufficient memory'],
    });
  });

  it('no node matches the selector', () => {
    const result = expectFailure(run(makePod('p', { nodeSelector: { disktype: 'ssd' } }), workers(2)));
    expect(result.message).toBe(
      "0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.");
    expect(result.unresolvable).toBe(true);
  });
});

describe('other FailedScheduling messages', () => {
  it('with no nodes at all', () => {
    const result = expectFailure(run(makePod('p'), []));
    expect(result.message).toBe('no nodes available to schedule pods');
  });

  it('Too many pods', () => {
    const full = makeNode('worker-1', { pods: '1' });
    const result = expectFailure(run(makePod('p'), [full], [makePod('q', { nodeName: 'worker-1' })]));
    expect(result.message).toBe(
      '0/1 nodes are available: 1 Too many pods. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.');
  });

  it('counts every reason of a node', () => {
    const result = expectFailure(run(podWith('p', { cpu: '8', memory: '16Gi' }), workers(2)));
    expect(result.message).toBe(
      '0/2 nodes are available: 2 Insufficient cpu, 2 Insufficient memory. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.');
  });

  it('preemptionPolicy: Never', () => {
    const result = expectFailure(run(podWith('p', { cpu: '5' }, { preemptionPolicy: 'Never' }), workers(1)));
    expect(result.message).toBe('0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.');
  });

  it('a DaemonSet-style pod pinned by matchFields to a full node', () => {
    const pinned = {
      nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [
        { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['worker-1'] }] },
      ] } },
    };
    const result = expectFailure(run(podWith('ds', { cpu: '5' }, { affinity: pinned }), workers(3)));
    expect(result.message).toBe(
      "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. " +
      'preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.');
  });

  it('node affinity terms that pin no node at all fail in PreFilter', () => {
    const conflicting = {
      nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [
        { key: 'metadata.name', operator: 'In', values: ['worker-1'] },
        { key: 'metadata.name', operator: 'In', values: ['worker-2'] },
      ] }] } },
    };
    const result = expectFailure(run(makePod('p', { affinity: conflicting }), workers(2)));
    expect(result.message).toBe(
      '0/2 nodes are available: pod affinity terms conflict. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.');
  });

  it('only the first failing filter of a node is reported', () => {
    const nodes = [makeNode('worker-1', { unschedulable: true, cpu: '1' }), makeNode('worker-2', { cpu: '1' })];
    const result = expectFailure(run(podWith('p', { cpu: '2' }), nodes));
    expect(result.message).toBe(
      '0/2 nodes are available: 1 Insufficient cpu, 1 node(s) were unschedulable. ' +
      'preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.');
  });
});

describe('preemption with lower-priority pods', () => {
  const low = (name: string, cpu: string) => podWith(name, { cpu }, { nodeName: 'worker-1', priority: -10 });

  it('finds a candidate when evicting them would make room (no preemption part then)', () => {
    const result = expectFailure(run(podWith('p', { cpu: '3' }), workers(1), [low('a', '2')]));
    expect(result.message).toBe('0/1 nodes are available: 1 Insufficient cpu.');
    expect(result.preemptionCandidates).toEqual(['worker-1']);
  });

  it("reports the dry run's reasons when evicting them would not be enough", () => {
    const result = expectFailure(run(podWith('p', { cpu: '3' }), workers(1), [low('a', '500m'), podWith('b', { cpu: '2' }, { nodeName: 'worker-1' })]));
    expect(result.message).toBe(
      '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 Insufficient cpu.');
    expect(result.preemptionCandidates).toEqual([]);
  });
});

describe('reasonHistogram', () => {
  it('sorts the entries as plain strings, so 10 comes before 2', () => {
    const statuses = new Map([
      ...Array.from({ length: 10 }, (_, i) => [`c${i}`, unresolvable('node(s) were unschedulable')] as const),
      ['a', unschedulable('Insufficient cpu')] as const,
      ['b', unschedulable('Insufficient cpu')] as const,
    ]);
    expect(reasonHistogram(12, { statuses, absentStatus: unresolvable() }))
      .toBe('10 node(s) were unschedulable, 2 Insufficient cpu');
  });

  it('counts the nodes without an explicit status with the absent status', () => {
    const statuses = new Map([['a', unschedulable('Insufficient cpu')]]);
    expect(reasonHistogram(4, { statuses, absentStatus: unresolvable('Preemption is not helpful for scheduling') }))
      .toBe('1 Insufficient cpu, 3 Preemption is not helpful for scheduling');
  });
});

describe('scheduling gates and the plugin list', () => {
  it('does not attempt a gated pod', () => {
    const result = expectFailure(run(makePod('p', { schedulingGates: [{ name: 'example.com/quota' }, { name: 'b' }] }), workers(1)));
    expect(result).toMatchObject({ gated: true, message: 'waiting for scheduling gates: [example.com/quota b]', reasons: {} });
  });

  it('runs extra (volume) plugins after NodeResourcesFit and before PodTopologySpread', () => {
    const noDisk = { name: 'VolumeRestrictions', filter: () => unschedulable('node(s) had no available disk') };
    const plugins = withVolumePlugins([noDisk]);
    expect(plugins.map((p) => p.name).slice(6, 9)).toEqual(['NodeResourcesFit', 'VolumeRestrictions', 'PodTopologySpread']);
    const nodes = [makeNode('worker-1', { cpu: '1' }), makeNode('worker-2')];
    const result = expectFailure(schedulePod({
      pod: podWith('p', { cpu: '2' }), nodes: buildNodeInfos(nodes, []), rng: createRandom(1), spreadSelectors: [], plugins,
    }));
    expect(result.message).toBe('0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had no available disk. ' +
      'preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.');
  });
});
