import { describe, expect, it } from 'vitest';
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { createCluster, type Cluster } from '../../src/engine';
import type { ClusterView, KubeObject } from '../../src/engine/api';
import { containerEnvironment, displayValue, type EnvRow } from '../../src/projections/containerEnv';
import { expandVars, resourceFieldValue } from '../../src/projections/containerEnvValues';
import { envSourceText } from '../../src/ui/inspector/container/envText';
import { runUntil } from '../engine/helpers';

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
    expect(row).toMatchObject({ value, overridden: false });
    expect(envSourceText(row.source).text).toBe(from);
    expect(row.problem).toBeUndefined();
    expect(row.note).toBeUndefined();
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
    const [url] = byName(rows, 'URL');
    expect(url).toMatchObject({ value: 'postgres://admin:hunter2@db', secret: true, source: { type: 'value', expands: ['P'] } });
    expect(envSourceText(url.source).text).toBe('value, expanding $(P)');
  });

  it('reads envFrom with a prefix, skips invalid names, and lets env override it', () => {
    const result = env({
      envFrom: [{ configMapRef: { name: 'app-config' }, prefix: 'CFG_' }, { secretRef: { name: 'creds' } }],
      env: [{ name: 'CFG_MODE', value: 'staging' }],
    });
    expect(visible(result.rows)).toMatchObject({ CFG_MODE: 'staging', CFG_LEVEL: 'debug', password: 'hunter2', user: 'admin' });
    expect(byName(result.rows, 'CFG_MODE').map((r) => r.overridden)).toEqual([true, false]);
    expect(byName(result.rows, 'password')[0].secret).toBe(true);
    expect(byName(result.rows, 'CFG_LEVEL')[0].source).toEqual({ type: 'envFrom', kind: 'ConfigMap', name: 'app-config', key: 'LEVEL', prefix: 'CFG_' });
    expect(byName(result.rows, 'user')[0].source).toEqual({ type: 'envFrom', kind: 'Secret', name: 'creds', key: 'user' });
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

  it('notes what an empty downward-API value waits for', () => {
    const { pod: p, container } = pod({ env: [
      { name: 'IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
      { name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
      { name: 'HOST', valueFrom: { fieldRef: { fieldPath: 'status.hostIP' } } },
      { name: 'MEM', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
    ] });
    const pending: Pod = { ...p, spec: { ...p.spec!, nodeName: undefined }, status: { phase: 'Pending' } };
    const rows = containerEnvironment(view(cluster), pending, container).rows;
    expect(['IP', 'NODE', 'HOST', 'MEM'].map((n) => [byName(rows, n)[0].value, byName(rows, n)[0].note])).toEqual([
      ['', { type: 'awaitingPodIP' }],
      ['', { type: 'awaitingNode' }],
      ['', { type: 'awaitingNode' }],
      ['', { type: 'limitUnscheduled', resource: 'memory' }],
    ]);
    expect(byName(rows, 'MEM')[0].source).toEqual({ type: 'resourceFieldRef', resource: 'limits.memory', divisor: '1Mi' });
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
      .toEqual({ value: '4', note: { type: 'limitFromNode', resource: 'cpu', node: 'node-1' } });
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

describe('containerEnvironment of a container the kubelet created', () => {
  const CONFIG = (mode: string, extra = '') => `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
  MODE: ${mode}${extra}
`;
  const SECRET = (password: string) => `apiVersion: v1
kind: Secret
metadata:
  name: creds
stringData:
  password: ${password}
`;
  const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: nginx:1.27
    envFrom:
    - configMapRef:
        name: app-config
      prefix: CFG_
    env:
    - name: MODE
      valueFrom:
        configMapKeyRef:
          name: app-config
          key: MODE
    - name: PASSWORD
      valueFrom:
        secretKeyRef:
          name: creds
          key: password
    - name: URL
      value: http://$(MODE).example
    - name: GREETING
      value: hello
`;

  const ok = (c: Cluster, yaml: string) => {
    const r = c.apply(yaml);
    if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  };
  const livePod = (v: Pick<ClusterView, 'get'>, name = 'web') => v.get('Pod', name) as unknown as Pod;
  const envOf = (v: ClusterView, name = 'web', container = 'app') => {
    const p = livePod(v, name);
    const spec = [...(p.spec?.initContainers ?? []), ...p.spec!.containers].find((x) => x.name === container)!;
    return containerEnvironment(v, p, spec);
  };
  const row = (rows: EnvRow[], name: string) => rows.find((r) => r.name === name && !r.overridden);
  const appState = (c: Cluster) => (livePod(c).status?.containerStatuses ?? [])[0];
  const running = (c: Cluster) => !!appState(c)?.state?.running;

  function started(): Cluster {
    const c = createCluster({ nodes: 1 });
    ok(c, CONFIG('blue') + '---\n' + SECRET('s3cret') + '---\n' + POD);
    runUntil(c, () => running(c));
    return c;
  }

  it('shows what the container got, and notes values its sources now hold differently', () => {
    const c = started();
    const before = envOf(c);
    expect(visible(before.rows)).toMatchObject({ MODE: 'blue', CFG_MODE: 'blue', PASSWORD: 's3cret', URL: 'http://blue.example', GREETING: 'hello' });
    expect(before.rows.filter((r) => r.change)).toEqual([]);
    const beforeEdit = c.steps.length - 1;

    ok(c, CONFIG('green', '\n  EXTRA: more') + '---\n' + SECRET('rotated'));
    c.advance(180_000);
    expect(running(c)).toBe(true);
    const after = envOf(c);
    expect(visible(after.rows)).toMatchObject({ MODE: 'blue', CFG_MODE: 'blue', PASSWORD: 's3cret', URL: 'http://blue.example', GREETING: 'hello' });
    expect(row(after.rows, 'MODE')?.change).toEqual({ type: 'changed', source: { kind: 'ConfigMap', name: 'app-config' } });
    expect(row(after.rows, 'CFG_MODE')?.change).toEqual({ type: 'changed', source: { kind: 'ConfigMap', name: 'app-config' } });
    expect(row(after.rows, 'PASSWORD')).toMatchObject({ secret: true, change: { type: 'changed', source: { kind: 'Secret', name: 'creds' } } });
    expect(displayValue(row(after.rows, 'PASSWORD')!, false)).toBe('••••••');
    expect(row(after.rows, 'URL')?.change).toEqual({ type: 'changed' });
    expect(row(after.rows, 'GREETING')?.change).toBeUndefined();
    expect(row(after.rows, 'KUBERNETES_SERVICE_HOST')?.change).toBeUndefined();
    // a key the ConfigMap gained after the start: shown, but not in the environment
    expect(row(after.rows, 'CFG_EXTRA')).toMatchObject({ value: 'more', absent: true, change: { type: 'added', source: { kind: 'ConfigMap', name: 'app-config' } } });
    expect(visible(after.rows).CFG_EXTRA).toBeUndefined();

    // time travel: before the edit, nothing differed
    const then = envOf(c.at(beforeEdit));
    expect(visible(then.rows)).toMatchObject({ MODE: 'blue', PASSWORD: 's3cret' });
    expect(then.rows.filter((r) => r.change)).toEqual([]);

    // a restart is a new container: it reads the objects again
    const restartsBefore = appState(c).restartCount;
    expect(c.killContainer('web', 'app').ok).toBe(true);
    runUntil(c, () => appState(c).restartCount > restartsBefore && running(c));
    const restarted = envOf(c);
    expect(visible(restarted.rows)).toMatchObject({ MODE: 'green', CFG_MODE: 'green', CFG_EXTRA: 'more', PASSWORD: 'rotated', URL: 'http://green.example' });
    expect(restarted.rows.filter((r) => r.change)).toEqual([]);
    // and the old container's view is still there, as of its Steps
    expect(row(envOf(c.at(beforeEdit)).rows, 'MODE')?.value).toBe('blue');
  });

  it('keeps a variable whose ConfigMap was deleted, and shows the failing restart', () => {
    const c = started();
    expect(c.delete('ConfigMap', 'app-config').ok).toBe(true);
    c.advance(5_000);
    const env = envOf(c);
    expect(row(env.rows, 'MODE')).toMatchObject({ value: 'blue', change: { type: 'removed', source: { kind: 'ConfigMap', name: 'app-config' } } });
    expect(env.error).toBeUndefined();
    c.killContainer('web', 'app');
    runUntil(c, () => appState(c)?.state?.waiting?.reason === 'CreateContainerConfigError');
    const failing = envOf(c);
    expect(failing.error).toBe('configmap "app-config" not found');
    // the last container's environment is still what it got
    expect(row(failing.rows, 'MODE')?.value).toBe('blue');
  });

  it('resolves a container not started yet from the objects as they are now', () => {
    const c = createCluster({ nodes: 1 });
    const initFirst = POD.replace('spec:\n', 'spec:\n  initContainers:\n  - name: wait\n    image: busybox:1.36\n    command: ["sh", "-c", "sleep 3600"]\n');
    ok(c, CONFIG('blue') + '---\n' + SECRET('s3cret') + '---\n' + initFirst);
    runUntil(c, () => !!livePod(c).status?.initContainerStatuses?.[0]?.state?.running);
    ok(c, CONFIG('green'));
    c.advance(1_000);
    const app = envOf(c);
    expect(visible(app.rows)).toMatchObject({ MODE: 'green', CFG_MODE: 'green', URL: 'http://green.example' });
    expect(app.rows.filter((r) => r.change)).toEqual([]);
  });

  it('compares nothing for a container that finished and will not start again', () => {
    const c = createCluster({ nodes: 1 });
    const done = POD.replace('spec:\n', 'spec:\n  restartPolicy: Never\n').replace('image: nginx:1.27', 'image: busybox:1.36\n    command: ["sh", "-c", "exit 0"]');
    ok(c, CONFIG('blue') + '---\n' + SECRET('s3cret') + '---\n' + done);
    runUntil(c, () => livePod(c).status?.phase === 'Succeeded');
    ok(c, CONFIG('green'));
    c.advance(1_000);
    const env = envOf(c);
    expect(visible(env.rows)).toMatchObject({ MODE: 'blue' });
    expect(env.rows.filter((r) => r.change)).toEqual([]);
  });

  it('records Services as the container saw them: one created later is listed apart', () => {
    const c = started();
    ok(c, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: late\nspec:\n  selector:\n    app: x\n  ports:\n  - port: 81\n');
    c.advance(1_000);
    const env = envOf(c);
    expect(env.laterServices).toEqual(['late']);
    expect(env.rows.some((r) => r.name.startsWith('LATE_'))).toBe(false);
  });
});
