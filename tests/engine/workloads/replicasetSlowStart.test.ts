import { describe, expect, it } from 'vitest';
import type { Cluster, Step } from '../../../src/engine';
import { slowStartBatches } from '../../../src/engine/controllers/replicaset/slowStart';
import { newCluster, runUntil, syncErrors } from '../helpers';

const rsYaml = (replicas: number) => `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: app
        image: nginx:1.27
`;

const createSteps = (steps: readonly Step[]) =>
  steps.filter((s) => s.actor === 'replicaset-controller' && s.changes.some((c) => c.type === 'ADDED' && c.kind === 'Pod'));

/** The batch sizes the create Steps announce, in order. */
const batchesOf = (steps: Step[]) => steps.map((s) => Number(/slow-start batch of (\d+)/.exec(s.message)?.[1]));

function runToSteady(c: Cluster, want: number) {
  runUntil(c, () => c.list('Pod').length >= want && (c.get('ReplicaSet', 'web')?.status as { replicas?: number })?.replicas === want, 60_000);
}

describe('slowStartBatches (upstream slowStartBatch sizes)', () => {
  it.each([
    [0, []],
    [1, [1]],
    [3, [1, 2]],
    [10, [1, 2, 4, 3]],
    [15, [1, 2, 4, 8]],
    [500, [1, 2, 4, 8, 16, 32, 64, 128, 245]],
  ])('%i creates run in batches %j', (count, batches) => {
    expect(slowStartBatches(count)).toEqual(batches);
  });
});

describe('ReplicaSet scale-up in slow-start batches', () => {
  it('creates 10 Pods as batches of 1, 2, 4, 3, one Step and one SuccessfulCreate each, then writes status', () => {
    const c = newCluster({ nodes: 0 });
    const from = c.steps.length;
    c.apply(rsYaml(10));
    runToSteady(c, 10);
    const steps = c.steps.slice(from);
    const creates = createSteps(steps);
    expect(creates).toHaveLength(10);
    expect(batchesOf(creates)).toEqual([1, 2, 2, 4, 4, 4, 4, 3, 3, 3]);
    expect(creates.map((s) => /has (\d+) of 10 Pods/.exec(s.message)?.[1])).toEqual(['0', '1', '1', '3', '3', '3', '3', '7', '7', '7']);
    // the ten creates are consecutive Steps of the one sync, straight after kubectl's Step
    expect(steps[0].actor).toBe('kubectl');
    expect(steps.slice(1, 11)).toEqual(creates);
    for (const s of creates) {
      const pod = s.changes.find((ch) => ch.kind === 'Pod')!;
      expect(pod.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(s.events).toEqual([`SuccessfulCreate: Created pod: ${pod.name}`]);
    }
    // upstream calculateStatus counts the Pods as they were before this sync's creates
    expect(steps[11]).toMatchObject({ actor: 'replicaset-controller', message: expect.stringContaining('status: 0 of 10 Pods') });
    const events = c.events().filter((e) => e.reason === 'SuccessfulCreate');
    expect(events).toHaveLength(10);
    expect(events[0]).toMatchObject({ type: 'Normal', source: { component: 'replicaset-controller' },
      involvedObject: { kind: 'ReplicaSet', name: 'web' } });
    expect(syncErrors(c)).toEqual([]);
  });

  it('creates at most 500 Pods per sync (burstReplicas) and the rest in the next sync', () => {
    const c = newCluster({ nodes: 0 });
    const from = c.steps.length;
    c.apply(rsYaml(600));
    runToSteady(c, 600);
    const creates = createSteps(c.steps.slice(from));
    expect(creates).toHaveLength(600);
    const firstSync = creates.slice(0, 500);
    expect(firstSync.every((s) => s.message.includes('at most 500 per sync, 100 wait for the next'))).toBe(true);
    expect(new Set(batchesOf(firstSync))).toEqual(new Set([1, 2, 4, 8, 16, 32, 64, 128, 245]));
    expect(creates[500].message).toContain('has 500 of 600 Pods: creating 1 (slow-start batch of 1');
    expect(batchesOf(creates.slice(500)).filter((n, i, a) => a.indexOf(n) === i)).toEqual([1, 2, 4, 8, 16, 32, 37]);
  });

  it('kubectl scale up counts from the Pods it already has', () => {
    const c = newCluster({ nodes: 0 });
    c.apply(rsYaml(3));
    runToSteady(c, 3);
    const from = c.steps.length;
    expect(c.scale('ReplicaSet', 'web', 7)).toEqual({ ok: true, message: 'replicaset.apps/web scaled' });
    runToSteady(c, 7);
    const creates = createSteps(c.steps.slice(from));
    expect(creates.map((s) => /has (\d+) of 7 Pods: creating (\d+)/.exec(s.message)!.slice(1).join('/')))
      .toEqual(['3/1', '4/2', '4/2', '6/1']);
  });
});
