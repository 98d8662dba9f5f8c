import { describe, expect, it } from 'vitest';
import { containerStateText } from '../../src/graph/containerView';
import { podAriaLabel, podTone } from '../../src/graph/podView';
import { nodeRoles, usage } from '../../src/graph/nodeView';
import { podVolumes } from '../../src/graph/volumeView';
import type { Pod } from 'kubernetes-types/core/v1';
import { makeNode } from './fixtures';

describe('podTone', () => {
  it.each([
    ['Running', 'Running', false, 'running'],
    ['Running', 'NotReady', false, 'pending'],
    ['Pending', 'Pending', false, 'pending'],
    ['Pending', 'ContainerCreating', false, 'pending'],
    ['Pending', 'Init:1/2', false, 'pending'],
    ['Pending', 'Init:CrashLoopBackOff', false, 'failed'],
    ['Pending', 'Init:Error', false, 'failed'],
    ['Pending', 'ImagePullBackOff', false, 'failed'],
    ['Running', 'CrashLoopBackOff', false, 'failed'],
    ['Failed', 'Error', false, 'failed'],
    ['Failed', 'Evicted', false, 'failed'],
    ['Succeeded', 'Completed', false, 'succeeded'],
    ['Running', 'Terminating', true, 'terminating'],
    ['Running', 'Unknown', false, 'unknown'],
  ])('phase %s, STATUS %s, terminating %s → %s', (phase, status, terminating, tone) =>
    expect(podTone(phase, status, terminating)).toBe(tone));
});

describe('accessible names', () => {
  it.each([
    ['web', 'Running', 'Running', '1/1', 'Pod web, Running, ready 1/1'],
    ['web', 'Pending', 'Pending', '0/1', 'Pod web, Pending, ready 0/1'],
    ['web', 'Pending', 'ContainerCreating', '0/1', 'Pod web, Pending, ContainerCreating, ready 0/1'],
    ['web', 'Running', 'CrashLoopBackOff', '0/1', 'Pod web, Running, CrashLoopBackOff, ready 0/1'],
  ])('podAriaLabel(%s, %s, %s, %s)', (name, phase, status, ready, label) =>
    expect(podAriaLabel(name, phase, status, ready)).toBe(label));

  it.each([
    ['running', undefined, 'running'],
    ['waiting', 'ContainerCreating', 'waiting: ContainerCreating'],
    ['waiting', undefined, 'waiting'],
    ['terminated', 'Completed', 'terminated: Completed'],
  ] as const)('containerStateText(%s, %s) = %s', (state, reason, text) => expect(containerStateText(state, reason)).toBe(text));
});

describe('node helpers', () => {
  it('reads roles like kubectl', () => {
    const n = makeNode('cp');
    expect(nodeRoles(n)).toBe('<none>');
    n.metadata!.labels = { 'node-role.kubernetes.io/control-plane': '', 'node-role.kubernetes.io/worker': '' };
    expect(nodeRoles(n)).toBe('control-plane,worker');
  });

  it.each([
    [0, 0, 0], [2, 4, 0.5], [9, 4, 1],
  ])('usage(%d, %d) fraction %d', (used, total, fraction) => expect(usage(used, total, String).fraction).toBe(fraction));
});

describe('volumes', () => {
  it('lists declared volumes with the containers that mount them, skipping the service-account token volume', () => {
    const pod = {
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'v' },
      spec: {
        initContainers: [{ name: 'seed', volumeMounts: [{ name: 'data', mountPath: '/seed' }] }],
        containers: [
          { name: 'app', volumeMounts: [{ name: 'data', mountPath: '/data' }, { name: 'cfg', mountPath: '/etc/app', readOnly: true }, { name: 'kube-api-access-x8k2l', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true }] },
        ],
        volumes: [
          { name: 'data', emptyDir: {} },
          { name: 'cfg', configMap: { name: 'app-config' } },
          { name: 'claim', persistentVolumeClaim: { claimName: 'pvc-1' } },
          { name: 'kube-api-access-x8k2l', projected: { sources: [] } },
        ],
      },
    } as const;
    expect(podVolumes(pod as unknown as Pod)).toEqual([
      { name: 'data', source: 'emptyDir', mounts: [{ container: 'seed', path: '/seed', readOnly: false }, { container: 'app', path: '/data', readOnly: false }] },
      { name: 'cfg', source: 'configMap app-config', mounts: [{ container: 'app', path: '/etc/app', readOnly: true }] },
      { name: 'claim', source: 'persistentVolumeClaim pvc-1', mounts: [] },
    ]);
  });
});
