import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import { podAsSeen, podConfigOf, podUpdateParts } from '../../../src/engine/kubelet/podUpdate';
import type { Obj } from './kubeletHelpers';

const LAST = 'kubectl.kubernetes.io/last-applied-configuration';
const base: Pod = {
  metadata: { name: 'web', labels: { app: 'web' }, annotations: { [LAST]: '{"v":1}' }, resourceVersion: '5' },
  spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] },
  status: { phase: 'Running' },
};
/** A copy of `base` changed by `f` (kubernetes-types marks some fields read-only). */
const edit = (f: (p: Obj) => void): Pod => { const p = structuredClone(base) as Obj; f(p); return p as Pod; };

describe('podUpdateParts: which Pod changes are an UPDATE for the kubelet (podsDifferSemantically)', () => {
  it.each<[string, Pod, string[]]>([
    ['nothing', structuredClone(base), []],
    ['status only', edit((p) => { p.status = { phase: 'Running', conditions: [{ type: 'Ready', status: 'False' }] }; }), []],
    ['resourceVersion, ownerReferences and finalizers', edit((p) => {
      p.metadata.resourceVersion = '9';
      p.metadata.finalizers = ['x/y'];
      p.metadata.ownerReferences = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'u' }];
    }), []],
    ['the labels removed', edit((p) => { p.metadata.labels = undefined; }), ['labels']],
    ['a label added', edit((p) => { p.metadata.labels = { app: 'web', tier: 'front' }; }), ['labels']],
    ['a label with its last-applied record', edit((p) => { p.metadata.labels = {}; p.metadata.annotations = { [LAST]: '{"v":2}' }; }), ['labels']],
    ['the last-applied record alone', edit((p) => { p.metadata.annotations = { [LAST]: '{"v":2}' }; }), ['annotations']],
    ['an annotation with its last-applied record', edit((p) => { p.metadata.annotations = { [LAST]: '{"v":2}', note: 'x' }; }), ['annotations']],
    ['the spec', edit((p) => { p.spec.activeDeadlineSeconds = 60; }), ['spec']],
    ['all three', edit((p) => { p.metadata.labels = {}; p.metadata.annotations = { note: 'x' }; p.spec.containers[0].image = 'nginx:1.28'; }),
      ['labels', 'annotations', 'spec']],
  ])('%s', (_, pod, parts) => {
    expect(podUpdateParts(podConfigOf(base), pod)).toEqual(parts);
  });

  it('absent and empty maps are the same', () => {
    const bare = edit((p) => { p.metadata.labels = undefined; p.metadata.annotations = undefined; });
    expect(podUpdateParts(podConfigOf(bare), edit((p) => { p.metadata.labels = {}; p.metadata.annotations = {}; }))).toEqual([]);
  });

  it('podAsSeen puts back the labels, annotations and spec last synced, keeping the rest', () => {
    const now = edit((p) => { p.metadata.labels = { app: 'api' }; p.spec.activeDeadlineSeconds = 5; });
    const old = podAsSeen(now, podConfigOf(base));
    expect(old.metadata).toMatchObject({ name: 'web', labels: { app: 'web' }, resourceVersion: '5' });
    expect(old.spec).toBe(base.spec);
    expect(old.status).toBe(now.status);
  });
});
