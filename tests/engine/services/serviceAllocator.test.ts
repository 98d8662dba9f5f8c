import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/engine';
import { allocateServiceAddresses, prepareServiceUpdate } from '../../../src/engine/apiserver/serviceAllocator';
import { createRandom } from '../../../src/engine/core/random';
import type { Obj } from './fixtures';

const svc = (name: string, spec: Obj): KubeObject => ({ apiVersion: 'v1', kind: 'Service',
  metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '1', creationTimestamp: '' },
  spec: { ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }], ...spec } });
const store = (...services: KubeObject[]) => ({ list: (kind: string) => (kind === 'Service' ? services : []) });
const spec = (r: { ok: true; object: KubeObject } | { ok: false; message: string }) => {
  if (!r.ok) throw new Error(r.message);
  return r.object.spec as Obj;
};

describe('Service address allocation', () => {
  it('gives LoadBalancer + externalTrafficPolicy Local a health-check NodePort distinct from the NodePorts', () => {
    const r = allocateServiceAddresses(svc('lb', { type: 'LoadBalancer', externalTrafficPolicy: 'Local', allocateLoadBalancerNodePorts: true }),
      store(), createRandom(1));
    const s = spec(r);
    expect(s.healthCheckNodePort).toBeGreaterThanOrEqual(30000);
    expect(s.healthCheckNodePort).toBeLessThanOrEqual(32767);
    expect(s.healthCheckNodePort).not.toBe(s.ports[0].nodePort);
    const cluster = allocateServiceAddresses(svc('lb', { type: 'LoadBalancer', externalTrafficPolicy: 'Cluster' }), store(), createRandom(1));
    expect(spec(cluster).healthCheckNodePort).toBeUndefined();
  });

  it('refuses a health-check NodePort another Service holds', () => {
    const other = svc('other', { type: 'NodePort', ports: [{ port: 80, protocol: 'TCP', nodePort: 31000 }] });
    const r = allocateServiceAddresses(svc('lb', { type: 'LoadBalancer', externalTrafficPolicy: 'Local', healthCheckNodePort: 31000 }),
      store(other), createRandom(1));
    expect(r).toEqual({ ok: false, message: 'The Service "lb" is invalid: spec.healthCheckNodePort: Invalid value: 31000: provided port is already allocated' });
  });
});

describe('Service update preparation (upstream dropTypeDependentFields and update allocation)', () => {
  const lb = svc('web', { type: 'LoadBalancer', clusterIP: '10.96.5.5', clusterIPs: ['10.96.5.5'], ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack',
    allocateLoadBalancerNodePorts: true, externalTrafficPolicy: 'Cluster', ports: [{ port: 80, protocol: 'TCP', targetPort: 80, nodePort: 31080 }] });

  it('drops NodePorts, allocateLoadBalancerNodePorts and externalTrafficPolicy when a LoadBalancer becomes ClusterIP', () => {
    const next = structuredClone(lb);
    (next.spec as Obj).type = 'ClusterIP';
    const s = spec(prepareServiceUpdate(next, lb, store(lb), createRandom(1)));
    expect(s.ports[0].nodePort).toBeUndefined();
    expect(s.allocateLoadBalancerNodePorts).toBeUndefined();
    expect(s.externalTrafficPolicy).toBeUndefined();
    expect(s.clusterIP).toBe('10.96.5.5');
  });

  it('keeps the allocated addresses an update leaves out', () => {
    const next = svc('web', { type: 'LoadBalancer', allocateLoadBalancerNodePorts: true, externalTrafficPolicy: 'Cluster' });
    const s = spec(prepareServiceUpdate(next, lb, store(lb), createRandom(1)));
    expect([s.clusterIP, s.clusterIPs, s.ports[0].nodePort]).toEqual(['10.96.5.5', ['10.96.5.5'], 31080]);
  });

  it('allocates NodePorts when a ClusterIP Service becomes NodePort, and a ClusterIP when it leaves ExternalName', () => {
    const plain = svc('web', { type: 'ClusterIP', clusterIP: '10.96.5.5', clusterIPs: ['10.96.5.5'] });
    const toNodePort = structuredClone(plain);
    (toNodePort.spec as Obj).type = 'NodePort';
    const np = spec(prepareServiceUpdate(toNodePort, plain, store(plain), createRandom(1)));
    expect(np.ports[0].nodePort).toBeGreaterThanOrEqual(30000);
    const ext = svc('web', { type: 'ExternalName', externalName: 'db.example.com' });
    const back = svc('web', { type: 'ClusterIP' });
    const ip = spec(prepareServiceUpdate(back, ext, store(ext), createRandom(1)));
    expect(ip.clusterIP).toMatch(/^10\.(9[6-9]|10\d|11[01])\./);
    expect(ip.clusterIPs).toEqual([ip.clusterIP]);
  });

  it('drops the ClusterIP when a Service becomes ExternalName', () => {
    const next = structuredClone(lb);
    Object.assign(next.spec as Obj, { type: 'ExternalName', externalName: 'db.example.com' });
    const s = spec(prepareServiceUpdate(next, lb, store(lb), createRandom(1)));
    expect([s.clusterIP, s.clusterIPs, s.ipFamilies, s.ipFamilyPolicy, s.ports[0].nodePort]).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
