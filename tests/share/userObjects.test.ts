import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../src/engine/api';
import { createCluster } from '../../src/engine/index';
import { hasUserObjects, isUserObject } from '../../src/ui/classroom/userObjects';

const obj = (kind: string, name: string, namespace?: string) =>
  ({ apiVersion: 'v1', kind, metadata: { name, namespace, uid: 'u', resourceVersion: '1', creationTimestamp: '' } }) as KubeObject;

describe('isUserObject', () => {
  it.each([
    [obj('Service', 'kubernetes', 'default'), false],
    [obj('Service', 'web', 'default'), true],
    [obj('ConfigMap', 'kube-root-ca.crt', 'team'), false],
    [obj('ConfigMap', 'settings', 'team'), true],
    [obj('ServiceAccount', 'default', 'team'), false],
    [obj('ServiceAccount', 'builder', 'default'), true],
    [obj('Pod', 'coredns', 'kube-system'), false],
    [obj('Namespace', 'default'), false],
    [obj('Namespace', 'team'), true],
    [obj('StorageClass', 'standard'), false],
    [obj('StorageClass', 'fast'), true],
  ])('%j → %s', (o, user) => {
    expect(isUserObject(o)).toBe(user);
  });
});

describe('hasUserObjects', () => {
  it('is false for a fresh cluster, even after its controllers ran, and true once something is applied', () => {
    const cluster = createCluster();
    for (let i = 0; i < 50; i++) cluster.step();
    expect(hasUserObjects(cluster)).toBe(false);
    cluster.apply('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: "1"\n');
    expect(hasUserObjects(cluster)).toBe(true);
    cluster.delete('ConfigMap', 'settings');
    expect(hasUserObjects(cluster)).toBe(false);
  });

  it('counts a namespace of the learner\'s, but not what the control plane puts in it', () => {
    const cluster = createCluster({ nodes: 1 });
    cluster.apply('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n');
    for (let i = 0; i < 20; i++) cluster.step();
    expect(cluster.list('ServiceAccount', 'team').length).toBeGreaterThan(0);
    expect(hasUserObjects(cluster)).toBe(true);
  });
});
