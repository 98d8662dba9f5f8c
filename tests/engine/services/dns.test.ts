import { beforeAll, describe, expect, it } from 'vitest';
import { createCluster, type Cluster, type ClusterView } from '../../../src/engine';
import { resolve, resolvConf, searchCandidates } from '../../../src/engine/dns';
import { runUntil } from '../helpers';
import { applyOk, endpointsOf, podIP, podsOf, type Obj } from './fixtures';

const MANIFESTS = `apiVersion: v1
kind: Service
metadata: {name: nginx}
spec:
  clusterIP: None
  selector: {app: nginx}
  ports: [{name: web, port: 80}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: web}
spec:
  serviceName: nginx
  replicas: 2
  selector: {matchLabels: {app: nginx}}
  template:
    metadata: {labels: {app: nginx}}
    spec:
      containers: [{name: nginx, image: 'nginx:1.27', ports: [{name: web, containerPort: 80}]}]
---
apiVersion: v1
kind: Service
metadata: {name: api}
spec:
  selector: {app: api}
  ports: [{name: http, port: 80, targetPort: 8080}, {name: grpc, port: 9000, protocol: TCP}]
---
apiVersion: v1
kind: Service
metadata: {name: alias}
spec:
  type: ExternalName
  externalName: nginx.default.svc.cluster.local
---
apiVersion: v1
kind: Service
metadata: {name: db}
spec:
  type: ExternalName
  externalName: db.example.com.
---
apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: v1
kind: Service
metadata: {name: cart, namespace: shop}
spec:
  selector: {app: cart}
  ports: [{port: 80}]
`;

let c: Cluster;
let view: ClusterView;
const ip = (kind: string, name: string, ns = 'default') => (c.get(kind, name, ns)?.spec as Obj).clusterIP as string;
const data = (r: ReturnType<typeof resolve>) => r.answers.map((a) => a.data).sort();

beforeAll(() => {
  c = createCluster();
  applyOk(c, MANIFESTS);
  runUntil(c, () => endpointsOf(c, 'nginx').filter((e) => e.conditions?.ready).length === 2);
  view = c.at(c.steps.length - 1);
});

describe('cluster DNS (CoreDNS kubernetes plugin)', () => {
  it('answers a Service name with its ClusterIP after search-path expansion', () => {
    expect(resolve(view, 'api', { namespace: 'default' })).toEqual({
      rcode: 'NOERROR', searched: ['api.default.svc.cluster.local.'],
      answers: [{ name: 'api.default.svc.cluster.local.', type: 'A', ttl: 30, data: ip('Service', 'api') }],
    });
    const cross = resolve(view, 'cart.shop', { namespace: 'default' });
    expect(cross.searched).toEqual(['cart.shop.default.svc.cluster.local.', 'cart.shop.svc.cluster.local.']);
    expect(data(cross)).toEqual([ip('Service', 'cart', 'shop')]);
    expect(data(resolve(view, 'cart', { namespace: 'shop' }))).toEqual([ip('Service', 'cart', 'shop')]);
    expect(resolve(view, 'cart', { namespace: 'default' }).rcode).toBe('NXDOMAIN');
  });

  it('answers kubernetes.default with the API server address', () => {
    const r = resolve(view, 'kubernetes.default', { namespace: 'shop' });
    expect(r.searched).toEqual(['kubernetes.default.shop.svc.cluster.local.', 'kubernetes.default.svc.cluster.local.']);
    expect(data(r)).toEqual(['10.96.0.1']);
  });

  it('tries a name with 5 dots as is first, and a name ending in a dot only as is', () => {
    expect(searchCandidates('a.b.c.d.e.f', ['x.svc.cluster.local'], 5)).toEqual(['a.b.c.d.e.f.', 'a.b.c.d.e.f.x.svc.cluster.local.']);
    expect(searchCandidates('web', ['ns.svc.cluster.local', 'svc.cluster.local', 'cluster.local'], 5))
      .toEqual(['web.ns.svc.cluster.local.', 'web.svc.cluster.local.', 'web.cluster.local.', 'web.']);
    expect(resolve(view, 'api.default.svc.cluster.local.', { namespace: 'shop' }).searched).toEqual(['api.default.svc.cluster.local.']);
    const external = resolve(view, 'example.com', { namespace: 'default' });
    expect(external).toEqual({ rcode: 'NXDOMAIN', answers: [], searched: ['example.com.default.svc.cluster.local.',
      'example.com.svc.cluster.local.', 'example.com.cluster.local.', 'example.com.'] });
  });

  it('answers a headless Service with every ready endpoint, and each StatefulSet Pod by hostname', () => {
    const pods = podsOf(c, 'nginx');
    expect(data(resolve(view, 'nginx', { namespace: 'default' }))).toEqual(pods.map(podIP).sort());
    for (const pod of pods) {
      const r = resolve(view, `${pod.metadata.name}.nginx`, { namespace: 'default' });
      expect(r.answers).toEqual([{ name: `${pod.metadata.name}.nginx.default.svc.cluster.local.`, type: 'A', ttl: 30, data: podIP(pod) }]);
    }
    expect(resolve(view, 'web-7.nginx', { namespace: 'default' }).rcode).toBe('NXDOMAIN');
  });

  it('answers SRV for named ports: the ClusterIP Service by name, headless endpoints by hostname', () => {
    expect(resolve(view, '_http._tcp.api', { namespace: 'default', type: 'SRV' }).answers).toEqual([
      { name: '_http._tcp.api.default.svc.cluster.local.', type: 'SRV', ttl: 30, data: '0 100 80 api.default.svc.cluster.local.' }]);
    const headless = resolve(view, '_web._tcp.nginx', { namespace: 'default', type: 'SRV' });
    expect(data(headless)).toEqual(['0 50 80 web-0.nginx.default.svc.cluster.local.', '0 50 80 web-1.nginx.default.svc.cluster.local.']);
    expect(headless.additional?.map((a) => a.name).sort()).toEqual(['web-0.nginx.default.svc.cluster.local.', 'web-1.nginx.default.svc.cluster.local.']);
    expect(data(resolve(view, 'api', { namespace: 'default', type: 'SRV' }))).toEqual(
      ['0 50 80 api.default.svc.cluster.local.', '0 50 9000 api.default.svc.cluster.local.']);
    expect(resolve(view, '_https._tcp.api', { namespace: 'default', type: 'SRV' }).rcode).toBe('NXDOMAIN');
  });

  it('answers ExternalName Services with a CNAME, followed inside the cluster', () => {
    const alias = resolve(view, 'alias', { namespace: 'default' });
    expect(alias.answers[0]).toEqual({ name: 'alias.default.svc.cluster.local.', type: 'CNAME', ttl: 30, data: 'nginx.default.svc.cluster.local.' });
    expect(alias.answers.slice(1).map((a) => a.type)).toEqual(['A', 'A']);
    expect(resolve(view, 'db', { namespace: 'default' }).answers).toEqual([
      { name: 'db.default.svc.cluster.local.', type: 'CNAME', ttl: 30, data: 'db.example.com.' }]);
  });

  it('answers Pod A records from the dashed IP and reverse lookups of Service and endpoint addresses', () => {
    expect(resolve(view, '10-244-1-5.default.pod', { namespace: 'default' }).answers).toEqual([
      { name: '10-244-1-5.default.pod.cluster.local.', type: 'A', ttl: 30, data: '10.244.1.5' }]);
    expect(resolve(view, '10-244-1-5.nowhere.pod', { namespace: 'default' }).rcode).toBe('NXDOMAIN');
    expect(data(resolve(view, ip('Service', 'api'), { namespace: 'default', type: 'PTR' }))).toEqual(['api.default.svc.cluster.local.']);
    const web0 = c.get('Pod', 'web-0')!;
    expect(data(resolve(view, podIP(web0)!, { namespace: 'default', type: 'PTR' }))).toEqual(['web-0.nginx.default.svc.cluster.local.']);
    expect(resolve(view, '10.244.9.9', { namespace: 'default', type: 'PTR' }).rcode).toBe('NXDOMAIN');
  });

  it('stops answering for an endpoint whose Pod is no longer ready (as of a later Step)', () => {
    const c2 = createCluster();
    applyOk(c2, MANIFESTS);
    runUntil(c2, () => endpointsOf(c2, 'nginx').filter((e) => e.conditions?.ready).length === 2);
    c2.delete('Pod', 'web-1');
    runUntil(c2, () => endpointsOf(c2, 'nginx').some((e) => e.targetRef?.name === 'web-1' && e.conditions?.terminating));
    const later = c2.at(c2.steps.length - 1);
    expect(data(resolve(later, 'nginx', { namespace: 'default' }))).toEqual([podIP(c2.get('Pod', 'web-0'))]);
    expect(resolve(later, 'web-1.nginx', { namespace: 'default' }).rcode).toBe('NXDOMAIN');
  });

  it('gives namespace-local NODATA for an existing name without records of the type', () => {
    expect(resolve(view, 'api', { namespace: 'default', type: 'CNAME' })).toMatchObject({ rcode: 'NOERROR', answers: [] });
  });
});

describe('resolv.conf', () => {
  const pod = (spec: Obj, namespace = 'shop') => ({ apiVersion: 'v1', kind: 'Pod',
    metadata: { name: 'p', namespace, uid: 'u', resourceVersion: '1', creationTimestamp: '' }, spec: { containers: [], ...spec } });

  it.each<[string, Obj, string]>([
    ['ClusterFirst (the default)', {}, 'search shop.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n'],
    ['ClusterFirst on the host network falls back to the node', { hostNetwork: true }, 'nameserver 172.18.0.1\n'],
    ['ClusterFirstWithHostNet', { hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' },
      'search shop.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n'],
    ['Default', { dnsPolicy: 'Default' }, 'nameserver 172.18.0.1\n'],
    ['None with dnsConfig', { dnsPolicy: 'None', dnsConfig: { nameservers: ['1.1.1.1'], searches: ['example.com'], options: [{ name: 'ndots', value: '2' }] } },
      'search example.com\nnameserver 1.1.1.1\noptions ndots:2\n'],
    ['ClusterFirst with dnsConfig merged', { dnsConfig: { nameservers: ['1.1.1.1'], searches: ['corp.local'], options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }] } },
      'search shop.svc.cluster.local svc.cluster.local cluster.local corp.local\nnameserver 10.96.0.10\nnameserver 1.1.1.1\noptions ndots:2 edns0\n'],
  ])('%s', (_name, spec, text) => {
    expect(resolvConf(pod(spec))).toBe(text);
  });
});
