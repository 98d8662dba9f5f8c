import { describe, expect, it } from 'vitest';
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { ClusterView, KubeObject } from '../../src/engine/api';
import { containerEnvironment, displayValue, type EnvRow } from '../../src/projections/containerEnv';
import { expandVars, resourceFieldValue } from '../../src/projections/containerEnvValues';

function obj(kind: string, name: string, namespace: string | undefined, rest: Record<string, unknown> = {}, created = '2025-01-01T09:00:00Z'): KubeObject {
  return { apiVersion: 'v1', kind, metadata: { name, ...(namespace ? { namespace } : {}), uid: `uid-${name}`, resourceVersion: '1', creationTimestamp: created }, ...rest };
}

function view(objects: KubeObject[]): Pick<ClusterView, 'get' | 'list'> {
  return {
    get: (kind, name, ns) => objects.find((o) => o.kind === kind && o.metadata.name === name && (ns === undefined || o.metadata.namespace === ns)),
    list: (kind, ns) => objects.filter((o) => o.kind === kind && (ns === undefined || o.metadata.namespace === ns)),
  };
}

const b64 = (s: string) => Buffer.from(s).toString('base64');

const cluster = [
  obj('Service', 'kubernetes', 'default', { spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP' }] } }),
  obj('Service', 'web-api', 'shop', { spec: { clusterIP: '10.96.120.15', ports: [{ name: 'http', port: 80, protocol: 'TCP' }] } }),
  obj('Service', 'headless', 'shop', { spec: { clusterIP: 'None', ports: [{ port: 80 }] } }),
  obj('Service', 'late', 'shop', { spec: { clusterIP: '10.96.7.7', ports: [{ port: 81 }] } }, '2025-01-01T09:05:00Z'),
  obj('ConfigMap', 'app-config', 'shop', { data: { MODE: 'prod', LEVEL: 'debug', 'bad key': 'x' } }),
  obj('Secret', 'creds', 'shop', { data: { password: b64('hunter2'), user: b64('admin') } }),
  obj('Node', 'node-1', undefined, { status: { allocatable: { cpu: '4', memory: '8Gi' }, addresses: [{ type: 'InternalIP', address: '172.18.0.2' }] } }),
];

function pod(container: Partial<Container>, extra: Partial<Pod['spec']> = {}): { pod: Pod; container: Container } {
  const c = { name: 'app', image: 'nginx', ...container } as Container;
  const p: Pod = {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: 'web', namespace: 'shop', uid: 'pod-uid', labels: { app: 'web' } },
    spec: { nodeName: 'node-1', serviceAccountName: 'default', containers: [c], ...extra },
    status: {
      phase: 'Running', podIP: '10.244.1.5', hostIP: '172.18.0.2',
      containerStatuses: [{ name: 'app', image: 'nginx', imageID: '', ready: true, restartCount: 0, state: { running: { startedAt: '2025-01-01T09:01:00Z' } } }],
    },
  };
  return { pod: p, container: c };
}

const env = (c: Partial<Container>, extra?: Partial<Pod['spec']>) => {
  const { pod: p, container } = pod(c, extra);
  return containerEnvironment(view(cluster), p, container);
};
const byName = (rows: EnvRow[], name: string) => rows.filter((r) => r.name === name);
const visible = (rows: EnvRow[]) => Object.fromEntries(rows.filter((r) => !r.overridden && !r.absent).map((r) => [r.name, r.value]));

describe('containerEnvironment', () => {
  it.each([
    ['a literal value', { name: 'A', value: 'x' }, 'x', 'value'],
    ['a ConfigMap key', { name: 'M', valueFrom: { configMapKeyRef: { name: 'app-config', key: 'MODE' } } }, 'prod', 'ConfigMap app-config, key MODE'],
    ['a Secret key, decoded', { name: 'P', valueFrom: { secretKeyRef: { name: 'creds', key: 'password' } } }, 'hunter2', 'Secret creds, key password'],
    ['the Pod IP', { name: 'IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } }, '10.244.1.5', 'fieldRef status.podIP'],
    ['the host IP', { name: 'H', valueFrom: { fieldRef: { fieldPath: 'status.hostIP' } } }, '172.18.0.2', 'fieldRef status.hostIP'],
    ['the namespace', { name: 'NS', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }, 'shop', 'fieldRef metadata.namespace'],
    ['a label', { name: 'L', valueFrom: { fieldRef: { fieldPath: "metadata.labels['app']" } } }, 'web', "fieldRef metadata.labels['app']"],
    ['the node name', { name: 'N', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }, 'node-1', 'fieldRef spec.nodeName'],
  ])('resolves %s', (_what, variable, value, from) => {
    const row = byName(env({ env: [variable as never] }).rows, variable.name)[0];
    expect(row).toMatchObject({ value, from, overridden: false });
    expect(row.problem).toBeUndefined();
  });

  it('masks Secret values until revealed, without giving away their length', () => {
    const rows = env({ env: [{ name: 'P', valueFrom: { secretKeyRef: { name: 'creds', key: 'password' } } }, { name: 'A', value: 'plain' }] }).rows;
    const [p] = byName(rows, 'P');
    const [a] = byName(rows, 'A');
    expect(p.secret).toBe(true);
    expect(displayValue(p, false)).toBe('••••••');
    expect(displayValue(p, true)).toBe('hunter2');
    expect(displayValue(a, false)).toBe('plain');
  });

  it('treats a value expanded from a Secret variable as secret too', () => {
    const rows = env({ env: [
      { name: 'P', valueFrom: { secretKeyRef: { name: 'creds', key: 'password' } } },
      { name: 'URL', value: 'postgres://admin:$(P)@db' },
    ] }).rows;
    expect(byName(rows, 'URL')[0]).toMatchObject({ value: 'postgres://admin:hunter2@db', secret: true, from: 'value, expanding $(P)' });
  });

  it('reads envFrom with a prefix, skips invalid names, and lets env override it', () => {
    const result = env({
      envFrom: [{ configMapRef: { name: 'app-config' }, prefix: 'CFG_' }, { secretRef: { name: 'creds' } }],
      env: [{ name: 'CFG_MODE', value: 'staging' }],
    });
    expect(visible(result.rows)).toMatchObject({ CFG_MODE: 'staging', CFG_LEVEL: 'debug', password: 'hunter2', user: 'admin' });
    expect(byName(result.rows, 'CFG_MODE').map((r) => r.overridden)).toEqual([true, false]);
    expect(byName(result.rows, 'password')[0].secret).toBe(true);
    expect(result.invalidKeys).toEqual([
      'Keys [CFG_bad key] from the EnvFrom configMap shop/app-config were skipped since they are considered invalid environment variable names.',
    ]);
    expect(result.error).toBeUndefined();
  });

  it('adds the Service link variables of the namespace and kubernetes, but not headless ones or ones created after the start', () => {
    const result = env({});
    const vars = visible(result.rows);
    expect(vars).toMatchObject({
      KUBERNETES_SERVICE_HOST: '10.96.0.1', KUBERNETES_SERVICE_PORT: '443',
      WEB_API_SERVICE_HOST: '10.96.120.15', WEB_API_SERVICE_PORT: '80', WEB_API_SERVICE_PORT_HTTP: '80',
      WEB_API_PORT: 'tcp://10.96.120.15:80', WEB_API_PORT_80_TCP_ADDR: '10.96.120.15', WEB_API_PORT_80_TCP_PROTO: 'tcp',
    });
    expect(Object.keys(vars).some((k) => k.startsWith('HEADLESS_') || k.startsWith('LATE_'))).toBe(false);
    expect(result.laterServices).toEqual(['late']);
  });

  it('keeps only kubernetes when enableServiceLinks is false, and a defined name wins over a Service variable', () => {
    const off = visible(env({}, { enableServiceLinks: false }).rows);
    expect(Object.keys(off).every((k) => k.startsWith('KUBERNETES_'))).toBe(true);
    const rows = env({ env: [{ name: 'WEB_API_SERVICE_HOST', value: 'mine' }] }).rows;
    expect(byName(rows, 'WEB_API_SERVICE_HOST').map((r) => [r.source.type, r.overridden])).toEqual([['value', false], ['service', true]]);
  });

  it('expands $(VAR) against variables defined before it and the Service variables, leaving unknown ones', () => {
    const rows = env({ env: [
      { name: 'EARLY', value: '$(LATER)-$(WEB_API_SERVICE_HOST)' },
      { name: 'LATER', value: 'l' },
      { name: 'ESC', value: '$$(LATER) $(LATER)' },
    ] }).rows;
    expect(visible(rows)).toMatchObject({ EARLY: '$(LATER)-10.96.120.15', ESC: '$(LATER) l' });
  });

  it('reports a missing ConfigMap, Secret or key like the kubelet, the first one as the error', () => {
    const result = env({ env: [
      { name: 'A', valueFrom: { configMapKeyRef: { name: 'nope', key: 'x' } } },
      { name: 'B', valueFrom: { secretKeyRef: { name: 'creds', key: 'missing' } } },
    ] });
    expect(byName(result.rows, 'A')[0].problem).toBe('configmap "nope" not found');
    expect(byName(result.rows, 'B')[0].problem).toBe("couldn't find key missing in Secret shop/creds");
    expect(result.error).toBe('configmap "nope" not found');
  });

  it('leaves optional missing references out of the environment without an error', () => {
    const result = env({
      envFrom: [{ secretRef: { name: 'gone', optional: true } }],
      env: [{ name: 'A', value: 'first' }, { name: 'A', valueFrom: { configMapKeyRef: { name: 'app-config', key: 'nope', optional: true } } }],
    });
    expect(result.error).toBeUndefined();
    expect(visible(result.rows)).toMatchObject({ A: 'first' });
    expect(byName(result.rows, 'A')[1]).toMatchObject({ absent: true, problem: "couldn't find key nope in ConfigMap shop/app-config" });
  });
});

describe('resourceFieldValue', () => {
  const base = pod({ resources: { requests: { cpu: '250m', memory: '64Mi' }, limits: { memory: '128Mi' } } });
  it.each([
    ['requests.cpu', undefined, '1'],
    ['requests.cpu', '1m', '250'],
    ['requests.memory', undefined, '67108864'],
    ['limits.memory', '1Mi', '128'],
    ['limits.cpu', undefined, '4'],
    ['limits.cpu', '100m', '40'],
    ['requests.ephemeral-storage', undefined, '0'],
  ])('%s with divisor %s is %s', (resource, divisor, value) => {
    const r = resourceFieldValue(view(cluster), base.pod, base.container, { resource, ...(divisor ? { divisor } : {}) });
    expect(r).toMatchObject({ value });
  });

  it('says an unset limit reads the Node allocatable, and rejects unknown resources', () => {
    expect(resourceFieldValue(view(cluster), base.pod, base.container, { resource: 'limits.cpu' }))
      .toEqual({ value: '4', note: 'no cpu limit: the allocatable cpu of node-1' });
    expect(resourceFieldValue(view(cluster), base.pod, base.container, { resource: 'limits.gpu' }))
      .toEqual({ error: 'unsupported container resource : limits.gpu' });
  });
});

describe('expandVars', () => {
  const vars: Record<string, string> = { A: 'a', B: 'b' };
  it.each([
    ['$(A)-$(B)', 'a-b'],
    ['$(C)', '$(C)'],
    ['$$(A)', '$(A)'],
    ['$(A', '$(A'],
    ['cost $5', 'cost $5'],
    ['end$', 'end$'],
  ])('%s → %s', (input, out) => {
    expect(expandVars(input, (n) => vars[n])).toBe(out);
  });
});
