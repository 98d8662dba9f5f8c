import { describe, expect, it } from 'vitest';
import { podStatusColumn } from '../../../src/engine/kubelet/columns';
import { containerEnv } from '../../../src/engine/kubelet/env';
import { apply, cluster, containerStatus, eventObjects, runUntil, status, type Obj } from './kubeletHelpers';
import type { Pod } from 'kubernetes-types/core/v1';

const CONFIG = `apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
data:
  mode: fast
`;

describe('kubelet: configuration the containers need', () => {
  it('waits in CreateContainerConfigError for a missing ConfigMap, then starts once it exists', () => {
    const c = cluster();
    apply(c, `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: nginx:1.25
    env:
    - name: MODE
      valueFrom:
        configMapKeyRef: { name: cfg, key: mode }
`);
    runUntil(c, () => containerStatus(c, 'p', 'app')?.state?.waiting?.reason === 'CreateContainerConfigError');
    expect(containerStatus(c, 'p', 'app').state.waiting.message).toBe('configmap "cfg" not found');
    expect(eventObjects(c, 'p').find((e) => e.reason === 'Failed')!.message).toBe('Error: configmap "cfg" not found');
    expect(podStatusColumn(c.get('Pod', 'p') as Obj)).toBe('CreateContainerConfigError');
    apply(c, CONFIG);
    runUntil(c, () => status(c, 'p').phase === 'Running', 30_000);
  });

  it('keeps a pod in ContainerCreating with FailedMount while a volume ConfigMap is missing', () => {
    const c = cluster();
    apply(c, `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: app
    image: nginx:1.25
    volumeMounts:
    - { name: config, mountPath: /etc/app }
  volumes:
  - name: config
    configMap: { name: cfg }
`);
    c.advance(5_000);
    expect(podStatusColumn(c.get('Pod', 'p') as Obj)).toBe('ContainerCreating');
    expect(status(c, 'p').podIP).toBeUndefined();
    const mount = eventObjects(c, 'p').find((e) => e.reason === 'FailedMount')!;
    expect(mount).toMatchObject({ type: 'Warning', message: 'MountVolume.SetUp failed for volume "config" : configmap "cfg" not found' });
    expect(mount.count).toBeGreaterThan(1);
    apply(c, CONFIG);
    runUntil(c, () => status(c, 'p').phase === 'Running', 30_000);
  });

  it('builds the environment: service links, envFrom, $(VAR) expansion, field and key references', () => {
    const store = {
      get: (kind: string, name: string) => (kind === 'ConfigMap' && name === 'cfg' ? { data: { mode: 'fast', level: '3' } }
        : kind === 'Secret' && name === 'sec' ? { data: { token: btoa('s3cret') } }
          : kind === 'Service' && name === 'kubernetes' ? { metadata: { name: 'kubernetes' }, spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443 }] } }
            : undefined) as never,
      list: (kind: string) => (kind === 'Service' ? [{ metadata: { name: 'web-api' }, spec: { clusterIP: '10.96.120.15', ports: [{ name: 'http', port: 80, protocol: 'TCP' }] } },
        { metadata: { name: 'headless' }, spec: { clusterIP: 'None', ports: [{ port: 80 }] } }] : []) as never,
    };
    const pod: Pod = { metadata: { name: 'p', namespace: 'default', uid: 'u1', labels: { app: 'x' } }, spec: { nodeName: 'node-1', containers: [] } };
    const result = containerEnv(pod, {
      name: 'app',
      envFrom: [{ configMapRef: { name: 'cfg' }, prefix: 'CFG_' }],
      env: [
        { name: 'GREETING', value: 'hello $(CFG_mode) $$(CFG_mode) $(UNKNOWN)' },
        { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
        { name: 'IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
        { name: 'APP', valueFrom: { fieldRef: { fieldPath: "metadata.labels['app']" } } },
        { name: 'TOKEN', valueFrom: { secretKeyRef: { name: 'sec', key: 'token' } } },
        { name: 'OPT', valueFrom: { configMapKeyRef: { name: 'nope', key: 'x', optional: true } } },
      ],
    }, store, '172.18.0.2', '10.244.1.2');
    expect(result).toMatchObject({ ok: true });
    const env = (result as { env: Record<string, string> }).env;
    expect(env).toMatchObject({
      CFG_mode: 'fast', CFG_level: '3', GREETING: 'hello fast $(CFG_mode) $(UNKNOWN)', POD: 'p', IP: '10.244.1.2', APP: 'x',
      TOKEN: 's3cret', KUBERNETES_SERVICE_HOST: '10.96.0.1', KUBERNETES_SERVICE_PORT: '443', KUBERNETES_SERVICE_PORT_HTTPS: '443',
      WEB_API_SERVICE_HOST: '10.96.120.15', WEB_API_SERVICE_PORT_HTTP: '80', WEB_API_PORT: 'tcp://10.96.120.15:80',
      WEB_API_PORT_80_TCP: 'tcp://10.96.120.15:80', WEB_API_PORT_80_TCP_PROTO: 'tcp', WEB_API_PORT_80_TCP_PORT: '80',
      WEB_API_PORT_80_TCP_ADDR: '10.96.120.15',
    });
    expect(Object.keys(env).some((k) => k.startsWith('HEADLESS'))).toBe(false);
    expect('OPT' in env).toBe(false);
    expect(containerEnv(pod, { name: 'a', env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'missing' } } }] },
      store, '', '')).toEqual({ ok: false, message: "couldn't find key missing in ConfigMap default/cfg" });
  });
});
