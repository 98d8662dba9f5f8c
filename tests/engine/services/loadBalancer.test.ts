import { describe, expect, it } from 'vitest';
import { createCluster, type KubeObject } from '../../../src/engine';
import { allocateLoadBalancerIP } from '../../../src/engine/controllers/service/loadBalancerPool';
import { needsUpdate } from '../../../src/engine/controllers/service/needsUpdate';
import { runUntil } from '../helpers';
import { applyOk, eventsFor, type Obj } from './fixtures';

const lb = (name: string, extra = '') => `apiVersion: v1
kind: Service
metadata: {name: ${name}}
spec:
  type: LoadBalancer
  selector: {app: ${name}}
  ports: [{port: 80, targetPort: 8080}]
${extra}`;

const ingress = (c: { get: (k: string, n: string) => KubeObject | undefined }, name: string) =>
  ((c.get('Service', name)?.status as Obj | undefined)?.loadBalancer?.ingress ?? []) as Obj[];

describe('service-controller (load balancers)', () => {
  it('gives a LoadBalancer Service an address from the pool, with the cleanup finalizer and events', () => {
    const c = createCluster();
    applyOk(c, lb('web'));
    runUntil(c, () => ingress(c, 'web').length > 0);
    const svc = c.get('Service', 'web')!;
    expect(ingress(c, 'web')).toEqual([{ ip: '172.18.255.200', ipMode: 'VIP' }]);
    expect(svc.metadata.finalizers).toEqual(['service.kubernetes.io/load-balancer-cleanup']);
    expect(eventsFor(c, 'Service', 'web').map((e) => [e.type, e.reason, e.message, e.source?.component])).toEqual([
      ['Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer', 'service-controller'],
      ['Normal', 'EnsuredLoadBalancer', 'Ensured load balancer', 'service-controller'],
    ]);
    // the address is pending (EXTERNAL-IP <pending>) while the simulated cloud builds the load balancer
    const ensuring = c.steps.find((s) => s.events.includes('EnsuringLoadBalancer: Ensuring load balancer'))!;
    const ensured = c.steps.find((s) => s.events.includes('EnsuredLoadBalancer: Ensured load balancer'))!;
    expect(ensured.time - ensuring.time).toBe(2_000);
    expect(ingress(c.at(ensured.index - 1), 'web')).toEqual([]);
    expect(ensured.actor).toBe('service-controller');
  });

  it('hands out the next free address, honours spec.loadBalancerIP, and releases addresses on delete', () => {
    const c = createCluster();
    applyOk(c, [lb('a'), lb('b'), lb('c', '  loadBalancerIP: 172.18.255.230\n')].join('---\n'));
    runUntil(c, () => ['a', 'b', 'c'].every((n) => ingress(c, n).length > 0));
    expect(['a', 'b', 'c'].map((n) => ingress(c, n)[0].ip)).toEqual(['172.18.255.200', '172.18.255.201', '172.18.255.230']);
    c.delete('Service', 'a');
    runUntil(c, () => !c.get('Service', 'a'));
    expect(eventsFor(c, 'Service', 'a').map((e) => e.reason)).toEqual(
      ['EnsuringLoadBalancer', 'EnsuredLoadBalancer', 'DeletingLoadBalancer', 'DeletedLoadBalancer']);
    applyOk(c, lb('d'));
    runUntil(c, () => ingress(c, 'd').length > 0);
    expect(ingress(c, 'd')[0].ip).toBe('172.18.255.200');
  });

  it('releases the address when the Service stops being a LoadBalancer', () => {
    const c = createCluster();
    applyOk(c, lb('web'));
    runUntil(c, () => ingress(c, 'web').length > 0);
    applyOk(c, `apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: ClusterIP
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
`);
    runUntil(c, () => ingress(c, 'web').length === 0 && !c.get('Service', 'web')!.metadata.finalizers);
    const reasons = eventsFor(c, 'Service', 'web').map((e) => [e.reason, e.message]);
    expect(reasons).toContainEqual(['Type', 'LoadBalancer -> ClusterIP']);
    expect(reasons.slice(-2)).toEqual([['DeletingLoadBalancer', 'Deleting load balancer'], ['DeletedLoadBalancer', 'Deleted load balancer']]);
  });

  it('leaves ClusterIP Services and Services with a loadBalancerClass alone', () => {
    const c = createCluster();
    applyOk(c, lb('other', '  loadBalancerClass: example.com/lb\n') + `---
apiVersion: v1
kind: Service
metadata: {name: plain}
spec:
  selector: {app: plain}
  ports: [{port: 80}]
`);
    c.advance(10_000);
    expect(ingress(c, 'other')).toEqual([]);
    expect(c.get('Service', 'other')!.metadata.finalizers).toBeUndefined();
    expect(eventsFor(c, 'Service', 'other')).toEqual([]);
    expect(eventsFor(c, 'Service', 'plain')).toEqual([]);
  });
});

describe('load-balancer decisions', () => {
  const svc = (spec: Obj, meta: Obj = {}): KubeObject => ({ apiVersion: 'v1', kind: 'Service',
    metadata: { name: 'web', namespace: 'default', uid: 'u1', resourceVersion: '1', creationTimestamp: '', ...meta },
    spec: { type: 'LoadBalancer', ports: [{ port: 80, protocol: 'TCP', nodePort: 30080 }], ...spec } });

  it.each<[string, KubeObject, KubeObject, boolean, [string, string][]]>([
    ['two ClusterIP versions', svc({ type: 'ClusterIP' }), svc({ type: 'ClusterIP', selector: { a: 'b' } }), false, []],
    ['becoming a LoadBalancer', svc({ type: 'ClusterIP' }), svc({}), true, [['Type', 'ClusterIP -> LoadBalancer']]],
    ['a port change', svc({}), svc({ ports: [{ port: 81, protocol: 'TCP', nodePort: 30080 }] }), true, []],
    ['a selector change only', svc({}), svc({ selector: { app: 'x' } }), false, []],
    ['source ranges', svc({}), svc({ loadBalancerSourceRanges: ['10.0.0.0/8'] }), true, [['LoadBalancerSourceRanges', '[] -> [10.0.0.0/8]']]],
    ['external traffic policy', svc({ externalTrafficPolicy: 'Cluster' }), svc({ externalTrafficPolicy: 'Local' }), true,
      [['ExternalTrafficPolicy', 'Cluster -> Local']]],
    ['an annotation', svc({}), svc({}, { annotations: { a: 'b' } }), true, []],
  ])('%s', (_name, old, next, needed, events) => {
    expect(needsUpdate(old, next)).toEqual({ needed, events });
  });

  it('allocates from 172.18.255.200 upward, skipping held addresses', () => {
    const held = (uid: string, ip: string) => ({ ...svc({}, { uid }), status: { loadBalancer: { ingress: [{ ip }] } } });
    const me = svc({}, { uid: 'me' });
    expect(allocateLoadBalancerIP(me, [held('x', '172.18.255.200'), held('y', '172.18.255.202')])).toEqual({ ok: true, ip: '172.18.255.201' });
    expect(allocateLoadBalancerIP(svc({ loadBalancerIP: '172.18.255.200' }, { uid: 'me' }), [held('x', '172.18.255.200')]))
      .toEqual({ ok: false, message: 'requested IP 172.18.255.200 is already in use by another Service' });
    const full = Array.from({ length: 51 }, (_, i) => held(`h${i}`, `172.18.255.${200 + i}`));
    expect(allocateLoadBalancerIP(me, full).ok).toBe(false);
  });
});
