import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../../src/engine';
import { allKinds } from '../../../src/engine/apiserver/kinds';
import { runUntil, syncErrors } from '../helpers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

const NAMESPACE_AND_DEPLOYMENT = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
      - name: app
        image: nginx:1.27
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector: { app: web }
  ports: [{ port: 80 }]
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: shop
data: { mode: fast }
`;

function ok(c: Cluster, yaml: string): void {
  const r = c.apply(yaml);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
}

const ns = (c: Cluster, name: string) => c.get('Namespace', name) as Obj | undefined;
const condition = (c: Cluster, name: string, type: string) => (ns(c, name)?.status?.conditions ?? []).find((x: Obj) => x.type === type);
const running = (c: Cluster) => (c.list('Pod', 'shop') as Obj[]).filter((p) => p.status?.phase === 'Running').length;

function startShop(): Cluster {
  const c = createCluster({ nodes: 2 });
  ok(c, NAMESPACE_AND_DEPLOYMENT);
  runUntil(c, () => running(c) === 2);
  return c;
}

describe('namespace deletion', () => {
  it('marks the namespace Terminating, refuses new content, deletes everything (Pods gracefully), then removes it', () => {
    const c = startShop();
    expect(ns(c, 'shop')!.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'shop' });
    expect(ns(c, 'shop')!.spec).toEqual({ finalizers: ['kubernetes'] });

    expect(c.delete('Namespace', 'shop')).toEqual({ ok: true, message: 'namespace "shop" deleted' });
    const terminating = ns(c, 'shop')!;
    expect(terminating.status.phase).toBe('Terminating');
    expect(terminating.metadata.deletionTimestamp).toBeDefined();
    expect(terminating.spec.finalizers).toEqual(['kubernetes']);

    const refused = c.apply('apiVersion: v1\nkind: Pod\nmetadata:\n  name: late\n  namespace: shop\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n');
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.errors[0].message).toBe('Error from server (Forbidden): pods "late" is forbidden: ' +
      'unable to create new content in namespace shop because it is being terminated');

    // first pass: content deleted, the Pods are still shutting down through their kubelets
    runUntil(c, () => condition(c, 'shop', 'NamespaceContentRemaining') !== undefined, 5_000);
    expect(condition(c, 'shop', 'NamespaceContentRemaining')).toMatchObject({
      status: 'True', reason: 'SomeResourcesRemain', message: 'Some resources are remaining: pods. has 2 resource instances',
    });
    const pods = c.list('Pod', 'shop') as Obj[];
    expect(pods).toHaveLength(2);
    for (const p of pods) expect(p.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(c.list('Deployment', 'shop')).toHaveLength(0);
    expect(c.list('Service', 'shop')).toHaveLength(0);
    expect(c.list('ConfigMap', 'shop')).toHaveLength(0);
    expect(ns(c, 'shop')).toBeDefined();

    const from = c.steps.length;
    runUntil(c, () => !ns(c, 'shop'), 60_000);
    // the kubelets stopped the containers (SIGTERM within the grace period) before the Pods went
    const killing = c.steps.slice(from).filter((s) => s.actor.startsWith('kubelet/') && s.events.some((e) => e.startsWith('Killing:')));
    expect(killing).toHaveLength(2);
    for (const info of allKinds().filter((k) => k.namespaced)) expect(c.list(info.kind, 'shop')).toEqual([]);
    expect((c.events() as Obj[]).filter((e) => e.metadata.namespace === 'shop')).toEqual([]);
    const finalize = c.steps.find((s) => s.actor === 'namespace-controller' && s.changes.some((x) => x.type === 'DELETED' && x.kind === 'Namespace'));
    expect(finalize?.message).toContain('removed its "kubernetes" finalizer');
    expect(syncErrors(c)).toEqual([]);
  });

  it('records the five deletion conditions with upstream reasons, False once content is gone', () => {
    const c = startShop();
    c.delete('Namespace', 'shop');
    runUntil(c, () => !ns(c, 'shop'), 60_000);
    const gone = c.steps.find((s) => s.changes.some((x) => x.type === 'DELETED' && x.kind === 'Namespace'))!;
    const last = (c.at(gone.index - 1).get('Namespace', 'shop') as Obj).status.conditions as Obj[];
    expect(last.map((x) => [x.type, x.status, x.reason, x.message])).toEqual([
      ['NamespaceDeletionDiscoveryFailure', 'False', 'ResourcesDiscovered', 'All resources successfully discovered'],
      ['NamespaceDeletionGroupVersionParsingFailure', 'False', 'ParsedGroupVersions', 'All legacy kube types successfully parsed'],
      ['NamespaceDeletionContentFailure', 'False', 'ContentDeleted', 'All content successfully deleted, may be waiting on finalization'],
      ['NamespaceContentRemaining', 'False', 'ContentRemoved', 'All content successfully removed'],
      ['NamespaceFinalizersRemaining', 'False', 'ContentHasNoFinalizers', 'All content-preserving finalizers finished'],
    ]);
    for (const x of last) expect(x.lastTransitionTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('waits for content held by a finalizer, reporting it, and goes once the finalizer is removed', () => {
    const c = createCluster({ nodes: 1 });
    ok(c, 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: held\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: keep\n' +
      '  namespace: held\n  finalizers: [example.com/hold]\ndata: { a: "1" }\n');
    c.advance(1000);
    c.delete('Namespace', 'held');
    c.advance(1000);
    expect(condition(c, 'held', 'NamespaceContentRemaining')).toMatchObject({
      status: 'True', message: 'Some resources are remaining: configmaps. has 1 resource instances',
    });
    expect(condition(c, 'held', 'NamespaceFinalizersRemaining')).toMatchObject({
      status: 'True', reason: 'SomeFinalizersRemain',
      message: 'Some content in the namespace has finalizers remaining: example.com/hold in 1 resource instances',
    });
    c.advance(60_000);
    expect(ns(c, 'held')?.status.phase).toBe('Terminating');
    ok(c, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: keep\n  namespace: held\n  finalizers: []\ndata: { a: "1" }\n');
    runUntil(c, () => !ns(c, 'held'), 30_000);
    expect(c.list('ConfigMap', 'held')).toEqual([]);
  });

  it.each(['default', 'kube-system', 'kube-public', 'kube-node-lease'])('refuses to delete %s', (name) => {
    const c = createCluster({ nodes: 1 });
    const result = c.delete('Namespace', name);
    expect(result.ok).toBe(false);
    expect(result.message).toContain(`namespaces "${name}" is forbidden: this namespace may not be deleted`);
    expect(ns(c, name)!.status.phase).toBe('Active');
    expect(ns(c, name)!.metadata.deletionTimestamp).toBeUndefined();
  });

  it('deletes the same way every time (same seed, same Steps)', () => {
    const run = () => {
      const c = startShop();
      c.delete('Namespace', 'shop');
      runUntil(c, () => !ns(c, 'shop'), 60_000);
      return c.steps.map((s) => `${s.time} ${s.actor} ${s.message}`);
    };
    expect(run()).toEqual(run());
  });

  it('deletes an empty namespace in one pass', () => {
    const c = createCluster({ nodes: 1 });
    ok(c, 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: empty\n');
    c.advance(100);
    const start = c.now;
    c.delete('Namespace', 'empty');
    runUntil(c, () => !ns(c, 'empty'), 5_000);
    expect(c.now - start).toBeLessThan(1000);
  });
});
