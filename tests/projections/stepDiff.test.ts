import { describe, expect, it } from 'vitest';
import { diffObjects, formatDiffLines } from '../../src/projections/stepDiff';
import { alignItems } from '../../src/projections/stepDiffArrays';

const pendingPod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web-1', namespace: 'default', uid: 'u1', resourceVersion: '73', creationTimestamp: '2025-01-01T09:00:00Z' },
  spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }], nodeName: 'node-1' },
  status: {
    phase: 'Pending',
    conditions: [
      { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: '2025-01-01T09:00:00Z' },
      { type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [nginx]', lastProbeTime: null, lastTransitionTime: '2025-01-01T09:00:00Z' },
    ],
    containerStatuses: [{ name: 'nginx', image: 'nginx:1.27', ready: false, restartCount: 0, started: false, state: { waiting: { reason: 'ContainerCreating' } } }],
  },
};

const runningPod = {
  ...pendingPod,
  metadata: { ...pendingPod.metadata, resourceVersion: '91' },
  status: {
    phase: 'Running',
    podIP: '10.244.1.2',
    conditions: [
      pendingPod.status.conditions[0],
      { type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: '2025-01-01T09:00:03Z' },
    ],
    containerStatuses: [{ name: 'nginx', image: 'nginx:1.27', ready: true, restartCount: 0, started: true, state: { running: { startedAt: '2025-01-01T09:00:03Z' } } }],
  },
};

describe('diffObjects', () => {
  it('shows a Pod status change as exact YAML lines, matched by identity, noise folded', () => {
    const diff = diffObjects(pendingPod, runningPod);
    expect(formatDiffLines(diff.lines)).toEqual([
      '  status:',
      '    conditions:',
      '    - type: Ready',
      '-     lastTransitionTime: "2025-01-01T09:00:00Z"',
      '+     lastTransitionTime: "2025-01-01T09:00:03Z"',
      "-     message: 'containers with unready status: [nginx]'",
      '-     reason: ContainersNotReady',
      '-     status: "False"',
      '+     status: "True"',
      '    containerStatuses:',
      '    - name: nginx',
      '-     ready: false',
      '+     ready: true',
      '-     started: false',
      '+     started: true',
      '      state:',
      '+       running:',
      '+         startedAt: "2025-01-01T09:00:03Z"',
      '-       waiting:',
      '-         reason: ContainerCreating',
      '-   phase: Pending',
      '+   phase: Running',
      '+   podIP: 10.244.1.2',
    ]);
    expect(diff).toMatchObject({ added: 8, removed: 9, hiddenNoisy: 2 });
    expect(diff.lines.find((l) => l.text === 'phase: Running')).toMatchObject({ op: '+', indent: 2, path: 'status.phase', noisy: false });
  });

  it('shows the folded resourceVersion when asked', () => {
    const lines = formatDiffLines(diffObjects(pendingPod, runningPod, { showNoisy: true }).lines);
    expect(lines.slice(0, 3)).toEqual(['  metadata:', '-   resourceVersion: "73"', '+   resourceVersion: "91"']);
  });

  it('with context "all" keeps every unchanged line as context', () => {
    const lines = formatDiffLines(diffObjects(pendingPod, runningPod, { context: 'all' }).lines);
    expect(lines.slice(0, 8)).toEqual([
      '  apiVersion: v1',
      '  kind: Pod',
      '  metadata:',
      '    creationTimestamp: "2025-01-01T09:00:00Z"',
      '    name: web-1',
      '    namespace: default',
      '    uid: u1',
      '  spec:',
    ]);
    expect(lines).toContain('    - type: Initialized');
    expect(lines).toContain('      status: "True"');
  });

  it('an only-bookkeeping change shows nothing and counts what it hid', () => {
    const touched = { ...pendingPod, metadata: { ...pendingPod.metadata, resourceVersion: '74' } };
    expect(diffObjects(pendingPod, touched)).toEqual({ lines: [], added: 0, removed: 0, hiddenNoisy: 2 });
  });

  it('a created object is all additions; the last-applied annotation is folded with its header', () => {
    const cm = {
      apiVersion: 'v1', kind: 'ConfigMap',
      metadata: { name: 'cfg', namespace: 'default', resourceVersion: '5', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"a":1}\n' } },
      data: { 'app.conf': 'a=1\nb=2\n' },
    };
    const diff = diffObjects(undefined, cm);
    expect(formatDiffLines(diff.lines)).toEqual([
      '+ apiVersion: v1',
      '+ data:',
      '+   app.conf: |',
      '+     a=1',
      '+     b=2',
      '+ kind: ConfigMap',
      '+ metadata:',
      '+   name: cfg',
      '+   namespace: default',
    ]);
    expect(diff.hiddenNoisy).toBe(4); // resourceVersion, `annotations:` and the two-line literal
  });

  it('a deleted object is all removals', () => {
    const lines = formatDiffLines(diffObjects({ kind: 'Namespace', metadata: { name: 'shop' } }, undefined).lines);
    expect(lines).toEqual(['- kind: Namespace', '- metadata:', '-   name: shop']);
  });

  it('a value that changes kind is removed whole and added whole', () => {
    const lines = formatDiffLines(diffObjects({ status: { lastState: {} } }, { status: { lastState: { terminated: { exitCode: 1 } } } }).lines);
    expect(lines).toEqual([
      '  status:',
      '-   lastState: {}',
      '+   lastState:',
      '+     terminated:',
      '+       exitCode: 1',
    ]);
  });

  it('scalar lists and items without identity', () => {
    const before = { metadata: { finalizers: ['a', 'b'] }, spec: { sources: [{ x: 1 }, { w: 2 }] } };
    const after = { metadata: { finalizers: ['b', 'c'] }, spec: { sources: [{ x: 1 }, { w: 3 }] } };
    expect(formatDiffLines(diffObjects(before, after).lines)).toEqual([
      '  metadata:',
      '    finalizers:',
      '-   - a',
      '+   - c',
      '  spec:',
      '    sources:',
      '    - # item 1',
      '-     w: 2',
      '+     w: 3',
    ]);
  });
});

describe('alignItems', () => {
  it.each([
    ['by name, moved items fall back to remove + add', [{ name: 'a' }, { name: 'b' }], [{ name: 'b' }, { name: 'a', v: 1 }],
      'name', [{ a: 0 }, { a: 1, b: 0 }, { b: 1 }]],
    ['by type (conditions)', [{ type: 'Ready', status: 'False' }], [{ type: 'Ready', status: 'True' }, { type: 'X' }],
      'type', [{ a: 0, b: 0 }, { b: 1 }]],
    ['repeated names fall back to content', [{ name: 'a' }, { name: 'a' }], [{ name: 'a' }], undefined, [{ a: 0, b: 0 }, { a: 1 }]],
    ['scalars by value', ['x', 'y', 'z'], ['y', 'z', 'w'], undefined, [{ a: 0 }, { a: 1, b: 0 }, { a: 2, b: 1 }, { b: 2 }]],
    ['changed maps without identity pair up in place', [{ p: 1 }, { q: 1 }], [{ p: 1 }, { q: 2 }], undefined, [{ a: 0, b: 0 }, { a: 1, b: 1 }]],
  ])('%s', (_name, a, b, id, rows) => {
    const aligned = alignItems(a as never, b as never);
    expect(aligned.id).toBe(id);
    expect(aligned.rows).toEqual(rows);
  });
});
