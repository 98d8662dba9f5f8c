import { describe, expect, it } from 'vitest';
import type { ClusterView, KubeObject, Step } from '../../src/engine/api';
import { createRolloutProjector, type RolloutSample, type StepSource } from '../../src/projections/rollout';
import { sampleIndexAt, sampleWindow } from '../../src/projections/rolloutSummary';

const sample = (over: Partial<RolloutSample>): RolloutSample => ({
  step: 0, time: 0, replicas: 4, strategy: 'RollingUpdate', maxTotal: 5, minAvailable: 3, sets: {}, total: 0, pods: 0,
  available: 0, ...over,
});

describe('sampleIndexAt', () => {
  const samples = [3, 7, 8, 20].map((step) => sample({ step }));
  it.each([
    [0, -1], [2, -1], [3, 0], [6, 0], [7, 1], [8, 2], [19, 2], [20, 3], [10_000, 3],
  ])('cursor %d → sample %d', (cursor, index) => {
    expect(sampleIndexAt(samples, cursor)).toBe(index);
  });
  it('is -1 with no samples', () => expect(sampleIndexAt([], 5)).toBe(-1));
});

describe('sampleWindow', () => {
  it.each([
    [10, 3, 60, [0, 10]],
    [100, 99, 60, [40, 100]],
    [100, 0, 60, [0, 60]],
    [100, 50, 60, [10, 70]],
    [100, -1, 60, [0, 60]],
  ] as const)('%d samples, focus %d, %d slots → %j', (count, focus, size, expected) => {
    expect(sampleWindow(count, focus, size)).toEqual(expected);
  });
});

/** 10,000 Steps, every 5th writing the ReplicaSet; a view is a lookup in a per-Step array. */
function syntheticSource(steps: number): StepSource & { reads: number } {
  const meta = (name: string, uid: string, extra: Partial<KubeObject['metadata']> = {}) =>
    ({ name, namespace: 'default', uid, resourceVersion: '1', creationTimestamp: '', ...extra });
  const deployment: KubeObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta('web', 'd'), spec: { replicas: 4 } };
  const rsAt = (i: number): KubeObject => ({
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: meta('web-abc', 'rs', { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd', controller: true }] }),
    spec: { replicas: 4 }, status: { replicas: 4, readyReplicas: Math.floor(i / 5) % 5, availableReplicas: Math.floor(i / 5) % 5 },
  });
  const list: Step[] = [];
  for (let i = 0; i < steps; i++) {
    list.push({ index: i, time: i * 10, actor: 'x', message: '', events: [],
      changes: i % 5 === 0 ? [{ type: 'MODIFIED', kind: 'ReplicaSet', name: 'web-abc', namespace: 'default' }]
        : [{ type: 'MODIFIED', kind: 'Pod', name: `p${i}`, namespace: 'default' }] });
  }
  const source = {
    steps: list,
    reads: 0,
    at(i: number): ClusterView {
      source.reads++;
      return { now: i * 10, stepIndex: i, events: () => [], runtime: () => ({ sandboxes: [], containers: [] }), table: () => [], list: () => [],
        get: (kind: string) => (kind === 'Deployment' ? deployment : kind === 'ReplicaSet' ? rsAt(i) : undefined) };
    },
  };
  return source;
}

describe('rollout series over 10,000 Steps', () => {
  it('reads a snapshot only at Steps that wrote a ReplicaSet, and nothing again for Steps already read', () => {
    const source = syntheticSource(10_000);
    const project = createRolloutProjector();
    const started = performance.now();
    const series = project(source, { name: 'web' });
    const elapsed = performance.now() - started;
    expect(source.reads).toBe(2_000);
    expect(series.samples).toHaveLength(2_000); // the available count changes at every sampled Step
    expect(elapsed).toBeLessThan(500);
    source.reads = 0;
    expect(project(source, { name: 'web' })).toBe(series);
    expect(source.reads).toBe(0);
  });
});
