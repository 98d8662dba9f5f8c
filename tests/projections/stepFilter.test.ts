import { describe, expect, it } from 'vitest';
import type { Step } from '../../src/engine/api';
import { createCluster } from '../../src/engine/index';
import {
  actorMatches, actorOptions, filterStepIndices, isFilterActive, NO_FILTER, parseObjectQuery, stepMatches, type StepFilter,
} from '../../src/projections/stepFilter';
import { StepObjectIndex } from '../../src/projections/stepFilterIndex';
import type { ObjectRef } from '../../src/projections/stepDiffObjects';

const step = (index: number, actor: string, changes: Step['changes'] = []): Step =>
  ({ index, time: index * 100, actor, message: `m${index}`, changes, events: [] });

const STEPS: Step[] = [
  step(0, 'kubectl', [{ type: 'ADDED', kind: 'Deployment', name: 'web', namespace: 'default' }]),
  step(1, 'deployment-controller', [{ type: 'ADDED', kind: 'ReplicaSet', name: 'web-1', namespace: 'default' }]),
  step(2, 'kube-scheduler', [{ type: 'MODIFIED', kind: 'Pod', name: 'web-1-a', namespace: 'default' }]),
  step(3, 'kubelet/node-1', []),
  step(4, 'kubelet/node-2', [{ type: 'MODIFIED', kind: 'Pod', name: 'web-1-a', namespace: 'shop' }]),
  step(5, 'kube-proxy/node-1', []),
  step(6, 'node-lifecycle-controller', [{ type: 'MODIFIED', kind: 'Node', name: 'node-1' }]),
];

/** Step 3 wrote nothing but its Event was about the Pod (as a kubelet's "Pulling" is). */
const touched = (i: number): ObjectRef[] =>
  i === 3 ? [{ kind: 'Pod', name: 'web-1-a', namespace: 'default' }]
    : STEPS[i].changes.map((c) => ({ kind: c.kind, name: c.name, ...(c.namespace ? { namespace: c.namespace } : {}) }));

describe('actorMatches', () => {
  it.each([
    ['kubelet/node-1', 'kind:kubelet', true],
    ['kubelet/node-1', 'actor:kubelet/node-1', true],
    ['kubelet/node-1', 'actor:kubelet/node-2', false],
    ['kube-scheduler', 'kind:scheduler', true],
    ['replicaset-controller', 'kind:controller', true],
    ['garbage-collector', 'kind:controller', true],
    ['kubectl', 'kind:user', true],
    ['kube-proxy/node-3', 'kind:proxy', true],
    ['kube-proxy/node-3', 'kind:kubelet', false],
    ['kubectl', 'kubectl', false],
  ])('%s with %s → %s', (actor, value, expected) => {
    expect(actorMatches(actor, value)).toBe(expected);
  });
});

describe('filterStepIndices', () => {
  const f = (patch: Partial<StepFilter>): StepFilter => ({ ...NO_FILTER, ...patch });
  it.each<[string, Partial<StepFilter>, number[] | null]>([
    ['no filter: every Step (null)', {}, null],
    ['every kubelet', { actor: 'kind:kubelet' }, [3, 4]],
    ['one kubelet', { actor: 'actor:kubelet/node-2' }, [4]],
    ['the scheduler', { actor: 'kind:scheduler' }, [2]],
    ['every controller', { actor: 'kind:controller' }, [1, 6]],
    ['an object, with its Event-only Step', { object: { kind: 'Pod', name: 'web-1-a', namespace: 'default' } }, [2, 3]],
    ['kind/name without a namespace: any namespace', { object: { kind: 'Pod', name: 'web-1-a' } }, [2, 3, 4]],
    ['a cluster-scoped object', { object: { kind: 'Node', name: 'node-1' } }, [6]],
    ['a namespace', { namespace: 'shop' }, [4]],
    ['namespace and actor together', { namespace: 'default', actor: 'kind:kubelet' }, [3]],
    ['nothing matches', { actor: 'actor:nobody' }, []],
  ])('%s', (_name, patch, expected) => {
    expect(filterStepIndices(STEPS, f(patch), touched)).toEqual(expected);
  });

  it('isFilterActive and stepMatches agree', () => {
    expect(isFilterActive(NO_FILTER)).toBe(false);
    expect(isFilterActive(f({ namespace: 'x' }))).toBe(true);
    expect(stepMatches(STEPS[5], f({ actor: 'kind:proxy' }), touched)).toBe(true);
  });
});

describe('actorOptions', () => {
  it('lists the kinds present, then each actor by kind and name, with Step counts', () => {
    const { kinds, actors } = actorOptions(STEPS);
    expect(kinds.map((k) => [k.value, k.count])).toEqual([
      ['kind:user', 1], ['kind:scheduler', 1], ['kind:controller', 2], ['kind:kubelet', 2], ['kind:proxy', 1],
    ]);
    expect(actors.map((a) => a.value)).toEqual([
      'actor:kubectl', 'actor:kube-scheduler', 'actor:deployment-controller', 'actor:node-lifecycle-controller',
      'actor:kubelet/node-1', 'actor:kubelet/node-2', 'actor:kube-proxy/node-1',
    ]);
    // structure only: the UI words the kinds in its language
    expect(kinds.every((k) => k.actor === undefined && k.value === `kind:${k.kind}`)).toBe(true);
    expect(actors.map((a) => [a.actor, a.kind])).toEqual([
      ['kubectl', 'user'], ['kube-scheduler', 'scheduler'], ['deployment-controller', 'controller'],
      ['node-lifecycle-controller', 'controller'], ['kubelet/node-1', 'kubelet'], ['kubelet/node-2', 'kubelet'],
      ['kube-proxy/node-1', 'proxy'],
    ]);
  });
});

describe('parseObjectQuery', () => {
  it.each<[string, unknown]>([
    ['pod/web-1', { ref: { kind: 'Pod', name: 'web-1' } }],
    ['po/web-1', { ref: { kind: 'Pod', name: 'web-1' } }],
    ['deploy/web -n shop', { ref: { kind: 'Deployment', name: 'web', namespace: 'shop' } }],
    ['deployments.apps/web --namespace=shop', { ref: { kind: 'Deployment', name: 'web', namespace: 'shop' } }],
    ['Service web', { ref: { kind: 'Service', name: 'web' } }],
    ['node/node-1 -n default', { ref: { kind: 'Node', name: 'node-1' } }],
    ['widget/x', { error: 'kubectl', message: 'error: the server doesn\'t have a resource type "widget"' }],
    ['web', { error: 'syntax' }],
    ['pod/a/b', { error: 'syntax' }],
    ['', { error: 'syntax' }],
  ])('%s', (text, expected) => {
    expect(parseObjectQuery(text)).toEqual(expected);
  });
});

describe('StepObjectIndex (real engine)', () => {
  it('places Event-only Steps (Pulling, Created) on the Pod they are about, and grows with the Steps', () => {
    const cluster = createCluster({ nodes: 1 });
    cluster.apply('apiVersion: v1\nkind: Pod\nmetadata:\n  name: solo\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n');
    cluster.advance(1_000);
    const index = new StepObjectIndex().update(cluster);
    const early = [...index.stepsOf({ kind: 'Pod', name: 'solo', namespace: 'default' })];
    cluster.advance(10_000);
    index.update(cluster);
    const pod = index.stepsOf({ kind: 'Pod', name: 'solo', namespace: 'default' });
    expect(pod.slice(0, early.length)).toEqual(early);
    const pulling = cluster.steps.find((s) => s.events.some((e) => e.startsWith('Pulling:')))!;
    const created = cluster.steps.find((s) => s.events.some((e) => e.startsWith('Created:')))!;
    expect(pulling.changes).toEqual([]);
    expect(pod).toContain(pulling.index);
    expect(pod).toContain(created.index);
    // every Step that wrote the Pod is there too, ascending, once each
    const writes = cluster.steps.filter((s) => s.changes.some((c) => c.kind === 'Pod' && c.name === 'solo')).map((s) => s.index);
    for (const w of writes) expect(pod).toContain(w);
    expect([...pod].sort((a, b) => a - b)).toEqual(pod);
    expect(new Set(pod).size).toBe(pod.length);
    // the watch log holds each Event write once, in Step order
    const log = index.eventsUpTo(cluster.steps.length);
    expect(log.map((o) => o.step)).toEqual([...log.map((o) => o.step)].sort((a, b) => a - b));
    expect(log.find((o) => o.step === pulling.index)).toBeDefined();
  });
});
