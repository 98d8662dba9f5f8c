import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/engine/core/random';
import { buildProxyModel } from '../../../src/engine/proxy/model';
import { emptyRouteState, routeRequest, type RouteRequest } from '../../../src/engine/proxy/route';
import { servicePortInfos } from '../../../src/engine/proxy/serviceMap';
import type { ProxyMode } from '../../../src/engine/api';
import { service, slice, type EndpointFixture } from './fixtures';

const THREE: EndpointFixture[] = [
  { ip: '10.244.1.5', node: 'node-1' }, { ip: '10.244.1.12', node: 'node-1' }, { ip: '10.244.2.7', node: 'node-2' },
];

function model(mode: ProxyMode, endpoints: EndpointFixture[], spec: Record<string, unknown> = {}, node = 'node-1') {
  const svc = service('web', { clusterIP: '10.96.120.15', ports: [{ port: 80, protocol: 'TCP', ...(spec.nodePort ? { nodePort: spec.nodePort } : {}) }], ...spec });
  return buildProxyModel({ mode, node, nodeIPs: ['172.18.0.2'], clusterCIDR: '10.244.0.0/16',
    servicePorts: servicePortInfos(svc, [slice('web', [{ port: 8080 }], endpoints)]) });
}

const toClusterIP = (clientIP = '10.244.1.99', now = 0): RouteRequest => ({ ip: '10.96.120.15', port: 80, protocol: 'TCP', clientIP, source: 'pod', now });

function spread(mode: ProxyMode, n: number, seed = 7, req = toClusterIP, endpoints = THREE): Record<string, number> {
  const m = model(mode, endpoints);
  const rng = createRandom(seed);
  const state = emptyRouteState();
  const counts: Record<string, number> = {};
  for (let i = 0; i < n; i++) {
    const r = routeRequest(m, req(`10.244.1.${(i % 200) + 20}`, i), rng, state);
    if (!r.ok) throw new Error(r.reason);
    counts[r.endpoint.key] = (counts[r.endpoint.key] ?? 0) + 1;
  }
  return counts;
}

describe('routeRequest', () => {
  it('spreads iptables traffic evenly at random over 3 endpoints (within 4σ for 3,000 requests)', () => {
    const counts = spread('iptables', 3000);
    expect(Object.keys(counts).sort()).toEqual(['10.244.1.12:8080', '10.244.1.5:8080', '10.244.2.7:8080']);
    // binomial n=3000, p=1/3: σ ≈ 25.8
    for (const c of Object.values(counts)) expect(Math.abs(c - 1000)).toBeLessThan(104);
  });

  it('is deterministic for a seed', () => {
    expect(spread('iptables', 300, 42)).toEqual(spread('iptables', 300, 42));
    expect(spread('iptables', 300, 42)).not.toEqual(spread('iptables', 300, 43));
  });

  it('rotates IPVS rr exactly: 9 requests → 3 each, in address order', () => {
    const m = model('ipvs', THREE);
    const state = emptyRouteState();
    const order = Array.from({ length: 6 }, (_, i) => {
      const r = routeRequest(m, toClusterIP(`10.244.3.${i}`), createRandom(1), state);
      return r.ok ? r.endpoint.key : r.reason;
    });
    expect(order).toEqual(['10.244.1.5:8080', '10.244.1.12:8080', '10.244.2.7:8080', '10.244.1.5:8080', '10.244.1.12:8080', '10.244.2.7:8080']);
    expect(spread('ipvs', 9)).toEqual({ '10.244.1.5:8080': 3, '10.244.1.12:8080': 3, '10.244.2.7:8080': 3 });
  });

  it('walks KUBE-SERVICES → KUBE-SVC → KUBE-SEP for a ClusterIP', () => {
    const r = routeRequest(model('iptables', THREE), toClusterIP(), createRandom(3), emptyRouteState());
    expect(r.ok && r.path.slice(0, 2)).toEqual(['KUBE-SERVICES', 'KUBE-SVC-LOLE4ISW44XBNF3G']);
    expect(r.ok && r.path[2]).toMatch(/^KUBE-SEP-/);
  });

  it('walks KUBE-NODEPORTS → KUBE-EXT for a NodePort on the Node\'s address', () => {
    const m = model('iptables', THREE, { type: 'NodePort', nodePort: 30080, externalTrafficPolicy: 'Cluster' });
    const r = routeRequest(m, { ip: '172.18.0.2', port: 30080, protocol: 'TCP', clientIP: '203.0.113.10', source: 'external', now: 0 },
      createRandom(3), emptyRouteState());
    expect(r.ok && r.path.slice(0, 4)).toEqual(['KUBE-SERVICES', 'KUBE-NODEPORTS', 'KUBE-EXT-LOLE4ISW44XBNF3G', 'KUBE-SVC-LOLE4ISW44XBNF3G']);
  });

  it('rejects at KUBE-SERVICES when the Service has no ready endpoint', () => {
    const r = routeRequest(model('iptables', [{ ip: '10.244.1.5', node: 'node-1', ready: false }]), toClusterIP(), createRandom(1), emptyRouteState());
    expect(r).toMatchObject({ ok: false, action: 'REJECT', at: 'KUBE-SERVICES', reason: 'default/web has no endpoints' });
    const ipvs = routeRequest(model('ipvs', []), toClusterIP(), createRandom(1), emptyRouteState());
    expect(ipvs).toMatchObject({ ok: false, action: 'REJECT' });
  });

  it('drops external traffic at a Node without local endpoints under externalTrafficPolicy Local', () => {
    const m = model('iptables', THREE, { type: 'NodePort', nodePort: 30080, externalTrafficPolicy: 'Local' }, 'node-3');
    const r = routeRequest(m, { ip: '172.18.0.2', port: 30080, protocol: 'TCP', clientIP: '203.0.113.10', source: 'external', now: 0 },
      createRandom(1), emptyRouteState());
    expect(r).toMatchObject({ ok: false, action: 'DROP', at: 'KUBE-EXTERNAL-SERVICES', reason: 'default/web has no local endpoints' });
  });

  it('keeps a client on one endpoint with ClientIP affinity until the timeout passes', () => {
    for (const mode of ['iptables', 'ipvs'] as const) {
      const m = model(mode, THREE, { sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } } });
      const rng = createRandom(5);
      const state = emptyRouteState();
      const picks = new Set<string>();
      for (let i = 0; i < 50; i++) {
        const r = routeRequest(m, toClusterIP('10.244.9.9', i * 1000), rng, state);
        if (r.ok) picks.add(r.endpoint.key);
      }
      expect(picks.size).toBe(1);
      const others = new Set<string>();
      for (let i = 0; i < 50; i++) {
        const r = routeRequest(m, toClusterIP(`10.244.8.${i}`, 50_000), rng, state);
        if (r.ok) others.add(r.endpoint.key);
      }
      expect(others.size).toBe(3);
    }
  });

  it('finds no rule for an address no Service has', () => {
    const r = routeRequest(model('iptables', THREE), { ...toClusterIP(), ip: '10.96.9.9' }, createRandom(1), emptyRouteState());
    expect(r).toMatchObject({ ok: false, action: 'NO-RULE' });
  });
});
