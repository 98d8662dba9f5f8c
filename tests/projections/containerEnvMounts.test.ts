import { describe, expect, it } from 'vitest';
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { createCluster, type Cluster, type ClusterView, type KubeObject } from '../../src/engine';
import { containerMounts, type MountRow } from '../../src/projections/containerEnvMounts';

const objects: KubeObject[] = [
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app-config', namespace: 'default', uid: 'c', resourceVersion: '1', creationTimestamp: '' }, data: { 'app.yaml': 'x', MODE: 'y' } },
  { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'default', uid: 'p', resourceVersion: '1', creationTimestamp: '' }, spec: { volumeName: 'pvc-123' } },
];
const view = {
  get: (kind: string, name: string, ns?: string) => objects.find((o) => o.kind === kind && o.metadata.name === name && o.metadata.namespace === ns),
  list: () => [],
  table: () => [],
};

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
        { name: 'cfg', mountPath: '/etc/mode', subPath: 'MODE' },
      ] },
      { name: 'side', image: 'busybox', volumeMounts: [{ name: 'scratch', mountPath: '/in', readOnly: true }] },
    ],
    volumes: [
      { name: 'scratch', emptyDir: { medium: 'Memory' } },
      { name: 'cfg', configMap: { name: 'app-config' } },
      { name: 'data', persistentVolumeClaim: { claimName: 'data' } },
      { name: 'gone', secret: { secretName: 'nope', items: [{ key: 'password', path: 'pw' }] } },
      { name: 'kube-api-access-x2x2x', projected: { sources: [
        { serviceAccountToken: { path: 'token', expirationSeconds: 3607 } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardAPI: { items: [{ path: 'namespace', fieldRef: { fieldPath: 'metadata.namespace' } }] } },
      ] } },
    ],
  },
};

const names = (row: MountRow | undefined) => row?.files.map((f) => f.name);

describe('containerMounts of a Pod no kubelet has started: the sources as they are', () => {
  const rows = containerMounts(view, pod, pod.spec!.containers[0]);
  it.each([
    ['/scratch', { source: 'emptyDir (Memory: tmpfs)', files: [], sharedWith: ['side'], readOnly: false }],
    ['/etc/app', { source: 'configMap app-config', sharedWith: [], readOnly: true }],
    ['/data', { source: 'persistentVolumeClaim data → pvc-123', subPath: 'app', files: [] }],
    ['/gone', { source: 'secret nope', problem: 'secret "nope" not found', files: [{ name: 'pw', secret: true }] }],
    ['/var/run/secrets/kubernetes.io/serviceaccount', { source: 'projected (serviceAccountToken, configMap kube-root-ca.crt, downwardAPI)' }],
  ])('%s', (path, expected) => {
    expect(rows.find((r) => r.path === path)).toMatchObject(expected);
  });

  it('lists the files a ConfigMap writes, with their content, and a subPath mount as its one file', () => {
    expect(rows.find((r) => r.path === '/etc/app')?.files).toEqual([
      { name: 'MODE', content: 'y', secret: false }, { name: 'app.yaml', content: 'x', secret: false },
    ]);
    expect(rows.find((r) => r.path === '/etc/mode')?.files).toEqual([{ name: 'mode', content: 'y', secret: false }]);
  });

  it('names the files of a volume whose source is missing, without content or note', () => {
    const row = rows.find((r) => r.path === '/var/run/secrets/kubernetes.io/serviceaccount');
    expect(names(row)).toEqual(['token', 'ca.crt', 'namespace']);
    expect(row?.files.every((f) => f.content === undefined)).toBe(true);
    expect(rows.some((r) => r.note)).toBe(false);
  });

  it('marks a mount of a volume the Pod does not declare (validation refuses it; nothing to describe)', () => {
    const [row] = containerMounts(view, pod, { name: 'odd', image: 'x', volumeMounts: [{ name: 'nowhere', mountPath: '/x' }] });
    expect(row).toEqual({ path: '/x', readOnly: false, volume: 'nowhere', source: '', files: [], undeclared: true, sharedWith: [] });
  });
});

const WEB = `apiVersion: v1
kind: ConfigMap
metadata: {name: app-config}
data: {mode: fast}
---
apiVersion: v1
kind: Secret
metadata: {name: creds}
stringData: {password: one}
---
apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: [sleep, infinity]
    volumeMounts:
    - {name: config, mountPath: /etc/config}
    - {name: both, mountPath: /etc/both}
  - name: sub
    image: busybox:1.36
    command: [sleep, infinity]
    volumeMounts: [{name: config, mountPath: /etc/app/mode.conf, subPath: mode}]
  volumes:
  - {name: config, configMap: {name: app-config}}
  - name: both
    projected:
      sources:
      - configMap: {name: app-config}
      - secret: {name: creds}
`;

function apply(c: Cluster, yaml: string): void {
  const result = c.apply(yaml);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
}

function runUntil(c: Cluster, done: () => boolean, maxMs = 300_000): void {
  const deadline = c.now + maxMs;
  while (!done()) {
    if (c.now >= deadline) throw new Error(`not reached by ${c.now}`);
    c.advance(1000);
  }
}

/** The row of `path` in the mounts of container `name` of Pod web, as of `v`. */
function row(v: ClusterView, name: string, path: string): MountRow | undefined {
  const p = v.get('Pod', 'web') as Pod;
  const container = p.spec!.containers.find((x) => x.name === name) as Container;
  return containerMounts(v, p, container).find((r) => r.path === path);
}

const running = (c: Cluster) => ((c.get('Pod', 'web') as Pod).status?.containerStatuses ?? []).filter((s) => s.state?.running).length === 2;
const fileSteps = (c: Cluster, from: number) => c.steps.slice(from).filter((s) => /files of volume "config"/.test(s.message));

function started(): Cluster {
  const c = createCluster({ nodes: 1, seed: 3 });
  apply(c, WEB);
  runUntil(c, () => running(c));
  return c;
}

describe('containerMounts of a running container: what the kubelet wrote for it', () => {
  it('shows the old file with a note until the kubelet syncs, then the new one; the subPath mount keeps the old file', () => {
    const c = started();
    expect(row(c, 'app', '/etc/config')).toMatchObject({ files: [{ name: 'mode', content: 'fast', secret: false }] });
    expect(row(c, 'app', '/etc/config')?.note).toBeUndefined();
    expect(row(c, 'sub', '/etc/app/mode.conf')?.note).toBeUndefined();

    const from = c.steps.length;
    apply(c, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app-config}\ndata: {mode: slow}\n');
    c.advance(1000);
    expect(row(c, 'app', '/etc/config')).toMatchObject({
      files: [{ name: 'mode', content: 'fast' }], note: { type: 'syncPending', source: { kind: 'ConfigMap', name: 'app-config' } },
    });
    expect(row(c, 'app', '/etc/both')?.note).toEqual({ type: 'syncPending', source: { kind: 'projected' } });
    expect(row(c, 'sub', '/etc/app/mode.conf')).toMatchObject({ files: [{ name: 'mode.conf', content: 'fast' }], note: { type: 'subPathFrozen' } });

    runUntil(c, () => fileSteps(c, from).length > 0);
    const sync = fileSteps(c, from)[0];
    // time travel: the Step before the sync still shows the old file and the note
    const before = c.at(sync.index - 1);
    expect(row(before, 'app', '/etc/config')).toMatchObject({ files: [{ content: 'fast' }], note: { type: 'syncPending' } });
    const after = c.at(sync.index);
    expect(row(after, 'app', '/etc/config')).toMatchObject({ files: [{ name: 'mode', content: 'slow' }] });
    expect(row(after, 'app', '/etc/config')?.note).toBeUndefined();
    expect(row(after, 'sub', '/etc/app/mode.conf')).toMatchObject({ files: [{ content: 'fast' }], note: { type: 'subPathFrozen' } });
    // an earlier Step, before the edit: no note
    expect(row(c.at(from - 1), 'app', '/etc/config')?.note).toBeUndefined();
  });

  it('a restarted container binds its subPath mount again, to the new file', () => {
    const c = started();
    apply(c, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app-config}\ndata: {mode: slow}\n');
    c.advance(2000);
    expect(c.killContainer('web', 'sub').ok).toBe(true);
    runUntil(c, () => (c.get('Pod', 'web') as Pod).status?.containerStatuses?.find((s) => s.name === 'sub')?.restartCount === 1 && running(c));
    expect(row(c, 'sub', '/etc/app/mode.conf')).toMatchObject({ files: [{ name: 'mode.conf', content: 'slow' }] });
    expect(row(c, 'sub', '/etc/app/mode.conf')?.note).toBeUndefined();
  });

  it('marks the files a Secret source writes into a projected volume as secret', () => {
    const c = started();
    expect(row(c, 'app', '/etc/both')?.files).toEqual([
      { name: 'mode', content: 'fast', secret: false }, { name: 'password', content: 'one', secret: true },
    ]);
  });

  it('keeps the last files when the source is deleted, and says why', () => {
    const c = started();
    expect(c.delete('ConfigMap', 'app-config').ok).toBe(true);
    c.advance(1000);
    expect(row(c, 'app', '/etc/config')).toMatchObject({
      files: [{ name: 'mode', content: 'fast' }], problem: 'configmap "app-config" not found', note: { type: 'keepsLastWritten' },
    });
  });
});
