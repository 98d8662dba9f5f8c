import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/engine';
import { compareNodeNames, type DaemonSetObject } from '../../../src/engine/controllers/daemonset/daemonSetSpec';
import { addDaemonTolerations, nodeShouldRunDaemonPod } from '../../../src/engine/controllers/daemonset/eligibility';
import { createPodTemplate, replaceNodeNameAffinity, targetNodeName } from '../../../src/engine/controllers/daemonset/podTemplate';
import { isPodUpdated } from '../../../src/engine/controllers/daemonset/rollingUpdate';
import { allowsSurge, rolloutLimits, scaledValue } from '../../../src/engine/controllers/daemonset/updateCounts';

const ds = (podSpec: Record<string, unknown> = {}, spec: Partial<DaemonSetObject['spec']> = {}): DaemonSetObject => ({
  apiVersion: 'apps/v1', kind: 'DaemonSet',
  metadata: { name: 'agent', namespace: 'default', uid: 'u', resourceVersion: '1', creationTimestamp: '' },
  spec: { selector: { matchLabels: { app: 'agent' } },
    template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'a', image: 'x' }], ...podSpec } }, ...spec },
});

const node = (name: string, labels: Record<string, string> = {}, taints: object[] = []): KubeObject => ({
  apiVersion: 'v1', kind: 'Node', metadata: { name, uid: name, resourceVersion: '1', creationTimestamp: '', labels }, spec: { taints },
});

describe('nodeShouldRunDaemonPod', () => {
  const t = (key: string, effect: string, value?: string) => ({ key, effect, ...(value ? { value } : {}) });
  it.each([
    ['a plain Node', ds(), node('n1'), true, true],
    ['nodeSelector matches', ds({ nodeSelector: { disk: 'ssd' } }), node('n1', { disk: 'ssd' }), true, true],
    ['nodeSelector does not match', ds({ nodeSelector: { disk: 'ssd' } }), node('n1', { disk: 'hdd' }), false, false],
    ['template nodeName is another Node', ds({ nodeName: 'n2' }), node('n1'), false, false],
    ['template nodeName is this Node', ds({ nodeName: 'n1' }), node('n1'), true, true],
    ['untolerated NoSchedule taint: stays if already there', ds(), node('n1', {}, [t('dedicated', 'NoSchedule', 'gpu')]), false, true],
    ['untolerated NoExecute taint', ds(), node('n1', {}, [t('dedicated', 'NoExecute', 'gpu')]), false, false],
    ['tolerated taint', ds({ tolerations: [{ key: 'dedicated', operator: 'Exists' }] }), node('n1', {}, [t('dedicated', 'NoExecute', 'gpu')]), true, true],
    ['PreferNoSchedule taint is ignored', ds(), node('n1', {}, [t('dedicated', 'PreferNoSchedule')]), true, true],
    ['cordoned (unschedulable taint) is tolerated', ds(), node('n1', {}, [t('node.kubernetes.io/unschedulable', 'NoSchedule')]), true, true],
    ['not-ready NoExecute is tolerated', ds(), node('n1', {}, [t('node.kubernetes.io/not-ready', 'NoExecute')]), true, true],
    ['not-ready NoSchedule is not', ds(), node('n1', {}, [t('node.kubernetes.io/not-ready', 'NoSchedule')]), false, true],
    ['network-unavailable only for hostNetwork', ds(), node('n1', {}, [t('node.kubernetes.io/network-unavailable', 'NoSchedule')]), false, true],
    ['network-unavailable with hostNetwork', ds({ hostNetwork: true }), node('n1', {}, [t('node.kubernetes.io/network-unavailable', 'NoSchedule')]), true, true],
  ])('%s → shouldRun %s, shouldContinueRunning %s', (_name, set, n, shouldRun, shouldContinueRunning) => {
    expect(nodeShouldRunDaemonPod(n, set)).toMatchObject({ shouldRun, shouldContinueRunning });
  });

  it('says why not', () => {
    expect(nodeShouldRunDaemonPod(node('n1', {}, [{ key: 'k', value: 'v', effect: 'NoExecute' }]), ds()).reason)
      .toBe('the Node has taint k=v:NoExecute, which its Pods do not tolerate');
  });
});

describe('daemon Pod template', () => {
  it('replaces a matching toleration in place (dropping its tolerationSeconds) and appends the others', () => {
    const tolerations = addDaemonTolerations({ containers: [], tolerations: [
      { key: 'x', operator: 'Exists' },
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ] });
    expect(tolerations.map((t) => `${t.key}:${t.effect ?? ''}:${t.tolerationSeconds ?? '-'}`)).toEqual([
      'x::-', 'node.kubernetes.io/not-ready:NoExecute:-', 'node.kubernetes.io/unreachable:NoExecute:-',
      'node.kubernetes.io/disk-pressure:NoSchedule:-', 'node.kubernetes.io/memory-pressure:NoSchedule:-',
      'node.kubernetes.io/pid-pressure:NoSchedule:-', 'node.kubernetes.io/unschedulable:NoSchedule:-']);
  });

  it('labels with the revision hash and template generation', () => {
    const t = createPodTemplate(ds().spec.template, 4, 'abc');
    expect(t.metadata?.labels).toEqual({ app: 'agent', 'pod-template-generation': '4', 'controller-revision-hash': 'abc' });
  });

  it('replaces only the required node affinity with the Node name term', () => {
    const affinity = replaceNodeNameAffinity({
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'a', operator: 'Exists' }] }] },
        preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: { matchExpressions: [{ key: 'b', operator: 'Exists' }] } }],
      },
      podAntiAffinity: {},
    }, 'node-7');
    expect(affinity).toEqual({
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-7'] }] }] },
        preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, preference: { matchExpressions: [{ key: 'b', operator: 'Exists' }] } }],
      },
      podAntiAffinity: {},
    });
  });

  it('finds the target Node from nodeName, else from the affinity', () => {
    const pod = (spec: object): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', uid: '', resourceVersion: '', creationTimestamp: '' }, spec });
    expect(targetNodeName(pod({ nodeName: 'n1', affinity: replaceNodeNameAffinity(undefined, 'n2') }))).toBe('n1');
    expect(targetNodeName(pod({ affinity: replaceNodeNameAffinity(undefined, 'n2') }))).toBe('n2');
    expect(targetNodeName(pod({}))).toBeUndefined();
  });

  it('treats a Pod as updated by hash or by template generation', () => {
    const pod = (labels: Record<string, string>): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', uid: '', resourceVersion: '', creationTimestamp: '', labels } });
    expect(isPodUpdated(pod({ 'controller-revision-hash': 'h2' }), 'h2', 2)).toBe(true);
    expect(isPodUpdated(pod({ 'pod-template-generation': '2' }), 'h2', 2)).toBe(true);
    expect(isPodUpdated(pod({ 'controller-revision-hash': 'h1', 'pod-template-generation': '1' }), 'h2', 2)).toBe(false);
  });
});

describe('rolling update numbers', () => {
  it.each([
    [2, 10, true, 2], ['25%', 10, true, 3], ['25%', 10, false, 2], ['10%', 3, true, 1], ['0%', 3, true, 0], [undefined, 3, true, 0],
  ] as const)('scaledValue(%j of %i, roundUp %s) = %i', (value, total, roundUp, want) => {
    expect(scaledValue(value, total, roundUp)).toBe(want);
  });

  it.each([
    [{ maxUnavailable: 1, maxSurge: 0 }, 3, { maxSurge: 0, maxUnavailable: 1 }],
    [{ maxUnavailable: '50%', maxSurge: 0 }, 3, { maxSurge: 0, maxUnavailable: 2 }],
    [{ maxUnavailable: 0, maxSurge: '10%' }, 3, { maxSurge: 1, maxUnavailable: 0 }],
    [{ maxUnavailable: '0%', maxSurge: 0 }, 3, { maxSurge: 0, maxUnavailable: 1 }],
  ] as const)('rolloutLimits(%j, %i desired) = %j', (rollingUpdate, desired, want) => {
    const set = ds({}, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { ...rollingUpdate } } });
    expect(rolloutLimits(set, desired)).toEqual(want);
    expect(allowsSurge(set)).toBe(want.maxSurge > 0);
  });

  it('orders Node names naturally', () => {
    expect(['node-10', 'node-2', 'a', 'node-1'].sort(compareNodeNames)).toEqual(['a', 'node-1', 'node-2', 'node-10']);
  });
});
