import { describe, expect, it } from 'vitest';
import { createCluster } from '../../src/engine/index';
import { diffObjects, formatDiffLines } from '../../src/projections/stepDiff';
import { changedObjects, emittedEvents } from '../../src/projections/stepDiffObjects';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: solo
spec:
  containers:
  - name: app
    image: nginx:1.27
`;

function runPod() {
  const cluster = createCluster({ nodes: 1 });
  expect(cluster.apply(POD).ok).toBe(true);
  cluster.advance(10_000);
  return cluster;
}

describe('what a Step did, read from the snapshots around it', () => {
  it('the kubelet Step that starts the container: the Pod changed to Running, with a Started Event', () => {
    const cluster = runPod();
    const step = cluster.steps.find((s) => s.actor.startsWith('kubelet/') && s.events.some((e) => e.startsWith('Started:')))!;
    expect(step).toBeDefined();
    const before = cluster.at(step.index - 1);
    const after = cluster.at(step.index);
    const changes = changedObjects(step, before, after);
    expect(changes.map((c) => [c.type, c.ref])).toEqual([['MODIFIED', { kind: 'Pod', name: 'solo', namespace: 'default' }]]);
    const lines = formatDiffLines(diffObjects(changes[0].before, changes[0].after).lines);
    expect(lines).toContain('-   phase: Pending');
    expect(lines).toContain('+   phase: Running');
    const events = emittedEvents(step, before, after);
    expect(events.map((e) => [e.reason, e.message, e.involvedObject?.name])).toEqual([['Started', 'Started container app', 'solo']]);
  });

  it('the apply Step created the Pod: no before, everything added', () => {
    const cluster = runPod();
    const step = cluster.steps.find((s) => s.actor === 'kubectl')!;
    const changes = changedObjects(step, cluster.at(step.index - 1), cluster.at(step.index));
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ type: 'ADDED', ref: { kind: 'Pod', name: 'solo' } });
    expect(changes[0].before).toBeUndefined();
    expect(diffObjects(changes[0].before, changes[0].after).lines.every((l) => l.op === '+')).toBe(true);
  });

  it('the first Step has no before: the bootstrap objects are all created', () => {
    const cluster = createCluster({ nodes: 1 });
    const changes = changedObjects(cluster.steps[0], undefined, cluster.at(0));
    expect(changes.length).toBeGreaterThan(3);
    expect(new Set(changes.map((c) => c.type))).toEqual(new Set(['ADDED']));
  });

  it('a deletion: the Step that removes the Pod shows it deleted', () => {
    const cluster = runPod();
    expect(cluster.delete('Pod', 'solo', 'default', { gracePeriodSeconds: 0 }).ok).toBe(true);
    cluster.advance(5_000);
    const step = cluster.steps.find((s) => s.changes.some((c) => c.type === 'DELETED' && c.name === 'solo'))!;
    const change = changedObjects(step, cluster.at(step.index - 1), cluster.at(step.index)).find((c) => c.ref.name === 'solo')!;
    expect(change.type).toBe('DELETED');
    expect(change.after).toBeUndefined();
    expect(diffObjects(change.before, change.after).lines.every((l) => l.op === '-')).toBe(true);
  });
});
