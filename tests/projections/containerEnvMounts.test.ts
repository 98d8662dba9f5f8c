import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../src/engine/api';
import { containerMounts } from '../../src/projections/containerEnvMounts';

const objects: KubeObject[] = [
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app-config', namespace: 'default', uid: 'c', resourceVersion: '1', creationTimestamp: '' }, data: { 'app.yaml': 'x', MODE: 'y' } },
  { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'default', uid: 'p', resourceVersion: '1', creationTimestamp: '' }, spec: { volumeName: 'pvc-123' } },
];
const view = { get: (kind: string, name: string, ns?: string) => objects.find((o) => o.kind === kind && o.metadata.name === name && o.metadata.namespace === ns) };

const pod: Pod = {
  apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' },
  spec: {
    containers: [
      { name: 'app', image: 'nginx', volumeMounts: [
        { name: 'scratch', mountPath: '/scratch' },
        { name: 'cfg', mountPath: '/etc/app', readOnly: true },
        { name: 'data', mountPath: '/data', subPath: 'app' },
        { name: 'gone', mountPath: '/gone' },
        { name: 'kube-api-access-x2x2x', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true },
      ] },
      { name: 'side', image: 'busybox', volumeMounts: [{ name: 'scratch', mountPath: '/in', readOnly: true }] },
    ],
    volumes: [
      { name: 'scratch', emptyDir: { medium: 'Memory' } },
      { name: 'cfg', configMap: { name: 'app-config' } },
      { name: 'data', persistentVolumeClaim: { claimName: 'data' } },
      { name: 'gone', secret: { secretName: 'nope' } },
      { name: 'kube-api-access-x2x2x', projected: { sources: [
        { serviceAccountToken: { path: 'token', expirationSeconds: 3607 } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardAPI: { items: [{ path: 'namespace', fieldRef: { fieldPath: 'metadata.namespace' } }] } },
      ] } },
    ],
  },
};

describe('containerMounts', () => {
  const rows = containerMounts(view, pod, pod.spec!.containers[0]);
  it.each([
    ['/scratch', { source: 'emptyDir (Memory: tmpfs)', files: [], sharedWith: ['side'], readOnly: false }],
    ['/etc/app', { source: 'configMap app-config', files: ['MODE', 'app.yaml'], sharedWith: [], readOnly: true }],
    ['/data', { source: 'persistentVolumeClaim data → pvc-123', subPath: 'app' }],
    ['/gone', { source: 'secret nope', problem: 'secret "nope" not found' }],
    ['/var/run/secrets/kubernetes.io/serviceaccount', { source: 'projected (serviceAccountToken, configMap kube-root-ca.crt, downwardAPI)', files: ['token', 'ca.crt', 'namespace'] }],
  ])('%s', (path, expected) => {
    expect(rows.find((r) => r.path === path)).toMatchObject(expected);
  });
});
