import { describe, expect, it } from 'vitest';
import { renderIptables, renderNat, renderFilter } from '../../../src/engine/proxy/iptables';
import { probability } from '../../../src/engine/proxy/iptablesRules';
import { buildProxyModel } from '../../../src/engine/proxy/model';
import { servicePortInfos } from '../../../src/engine/proxy/serviceMap';
import type { KubeObject } from '../../../src/engine/api';
import { service, slice, type EndpointFixture } from './fixtures';

const THREE: EndpointFixture[] = [
  { ip: '10.244.1.5', node: 'node-1', pod: 'web-a' },
  { ip: '10.244.1.12', node: 'node-1', pod: 'web-b' },
  { ip: '10.244.2.7', node: 'node-2', pod: 'web-c' },
];

function rules(svc: KubeObject, slices: KubeObject[], node = 'node-1') {
  return buildProxyModel({ mode: 'iptables', node, nodeIPs: ['172.18.0.2'], clusterCIDR: '10.244.0.0/16', servicePorts: servicePortInfos(svc, slices) });
}

const web = (spec: Record<string, unknown> = {}, status?: object) =>
  service('web', { clusterIP: '10.96.120.15', ports: [{ port: 80, targetPort: 8080, protocol: 'TCP', ...(spec.nodePort ? { nodePort: spec.nodePort } : {}) }], ...spec }, 'default', status);

/** k8s-semantics.md §10, verbatim. */
const DOC_NAT = `*nat
:PREROUTING ACCEPT [0:0]
:INPUT ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
:KUBE-MARK-MASQ - [0:0]
:KUBE-NODEPORTS - [0:0]
:KUBE-POSTROUTING - [0:0]
:KUBE-SEP-5OCWPZKODR2CLL6E - [0:0]
:KUBE-SEP-CBPCTALQVABL5M2H - [0:0]
:KUBE-SEP-XQWD6PXGZUTOOIVQ - [0:0]
:KUBE-SERVICES - [0:0]
:KUBE-SVC-LOLE4ISW44XBNF3G - [0:0]
-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
-A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
-A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING
-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000
-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN
-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0
-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully
-A KUBE-SEP-5OCWPZKODR2CLL6E -s 10.244.1.12/32 -m comment --comment "default/web" -j KUBE-MARK-MASQ
-A KUBE-SEP-5OCWPZKODR2CLL6E -p tcp -m comment --comment "default/web" -m tcp -j DNAT --to-destination 10.244.1.12:8080
-A KUBE-SEP-CBPCTALQVABL5M2H -s 10.244.2.7/32 -m comment --comment "default/web" -j KUBE-MARK-MASQ
-A KUBE-SEP-CBPCTALQVABL5M2H -p tcp -m comment --comment "default/web" -m tcp -j DNAT --to-destination 10.244.2.7:8080
-A KUBE-SEP-XQWD6PXGZUTOOIVQ -s 10.244.1.5/32 -m comment --comment "default/web" -j KUBE-MARK-MASQ
-A KUBE-SEP-XQWD6PXGZUTOOIVQ -p tcp -m comment --comment "default/web" -m tcp -j DNAT --to-destination 10.244.1.5:8080
-A KUBE-SERVICES -d 10.96.120.15/32 -p tcp -m comment --comment "default/web cluster IP" -m tcp --dport 80 -j KUBE-SVC-LOLE4ISW44XBNF3G
-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS
-A KUBE-SVC-LOLE4ISW44XBNF3G ! -s 10.244.0.0/16 -d 10.96.120.15/32 -p tcp -m comment --comment "default/web cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ
-A KUBE-SVC-LOLE4ISW44XBNF3G -m comment --comment "default/web -> 10.244.1.12:8080" -m statistic --mode random --probability 0.33333333349 -j KUBE-SEP-5OCWPZKODR2CLL6E
-A KUBE-SVC-LOLE4ISW44XBNF3G -m comment --comment "default/web -> 10.244.1.5:8080" -m statistic --mode random --probability 0.50000000000 -j KUBE-SEP-XQWD6PXGZUTOOIVQ
-A KUBE-SVC-LOLE4ISW44XBNF3G -m comment --comment "default/web -> 10.244.2.7:8080" -j KUBE-SEP-CBPCTALQVABL5M2H
COMMIT
`;

const lines = (text: string) => text.split('\n');

describe('renderIptables', () => {
  it('prints the nat table of a 3-endpoint ClusterIP Service exactly as §10 lays it out', () => {
    expect(renderNat(rules(web(), [slice('web', [{ port: 8080 }], THREE)]))).toBe(DOC_NAT);
  });

  it('prints nat first, then the filter table with kube-proxy\'s jump and forward rules', () => {
    const text = renderIptables(rules(web(), [slice('web', [{ port: 8080 }], THREE)]));
    expect(text.startsWith(DOC_NAT + '*filter\n')).toBe(true);
    expect(text).toContain('-A FORWARD -m conntrack --ctstate NEW -m comment --comment "kubernetes service portals" -j KUBE-SERVICES\n');
    expect(text).toContain('-A KUBE-FORWARD -m comment --comment "kubernetes forwarding rules" -m mark --mark 0x4000/0x4000 -j ACCEPT\n');
    expect(text.endsWith('COMMIT\n')).toBe(true);
  });

  it.each([
    [2, '0.50000000000'], [3, '0.33333333349'], [4, '0.25000000000'], [5, '0.20000000019'], [6, '0.16666666651'],
    [7, '0.14285714272'], [8, '0.12500000000'], [9, '0.11111111101'], [10, '0.10000000009'],
  ])('1/%i prints as --probability %s', (n, printed) => {
    expect(probability(n)).toBe(printed);
  });

  it('gives rule i of n endpoints probability 1/(n−i), the last none', () => {
    const eps = Array.from({ length: 5 }, (_, i) => ({ ip: `10.244.3.${i + 10}`, node: 'node-3' }));
    const svc = rules(web(), [slice('web', [{ port: 8080 }], eps)]);
    const text = renderNat(svc);
    const balance = lines(text).filter((l) => l.startsWith('-A KUBE-SVC-') && l.includes('->'));
    expect(balance.map((l) => /--probability (\S+)/.exec(l)?.[1] ?? 'last'))
      .toEqual(['0.20000000019', '0.25000000000', '0.33333333349', '0.50000000000', 'last']);
  });

  it('adds KUBE-NODEPORTS → KUBE-EXT → KUBE-SVC for a NodePort Service', () => {
    const text = renderNat(rules(web({ type: 'NodePort', nodePort: 30080, externalTrafficPolicy: 'Cluster' }), [slice('web', [{ port: 8080 }], THREE)]));
    expect(text).toContain(':KUBE-EXT-LOLE4ISW44XBNF3G - [0:0]\n');
    expect(text).toContain('-A KUBE-NODEPORTS -p tcp -m comment --comment "default/web" -m tcp --dport 30080 -j KUBE-EXT-LOLE4ISW44XBNF3G\n');
    expect(text).toContain('-A KUBE-EXT-LOLE4ISW44XBNF3G -m comment --comment "masquerade traffic for default/web external destinations" -j KUBE-MARK-MASQ\n'
      + '-A KUBE-EXT-LOLE4ISW44XBNF3G -j KUBE-SVC-LOLE4ISW44XBNF3G\n');
    // KUBE-EXT sorts before KUBE-MARK-MASQ, as iptables-save lists chains
    expect(text.indexOf(':KUBE-EXT-')).toBeLessThan(text.indexOf(':KUBE-MARK-MASQ'));
  });

  it('rejects in the filter table, and programs no nat chain, for a Service without endpoints', () => {
    const model = rules(web({ type: 'NodePort', nodePort: 30080 }), [slice('web', [{ port: 8080 }], [])]);
    const nat = renderNat(model);
    expect(nat).not.toContain('KUBE-SVC-');
    expect(nat).not.toContain('KUBE-SEP-');
    expect(nat).not.toContain('--dport 30080');
    const filter = renderFilter(model);
    expect(filter).toContain('-A KUBE-SERVICES -d 10.96.120.15/32 -p tcp -m comment --comment "default/web has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable\n');
    expect(filter).toContain('-A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "default/web has no endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 30080 -j REJECT --reject-with icmp-port-unreachable\n');
  });

  it('leaves out endpoints that are not ready, and falls back to serving terminating ones when none is ready', () => {
    const mixed = renderNat(rules(web(), [slice('web', [{ port: 8080 }], [
      { ip: '10.244.1.5', node: 'node-1' }, { ip: '10.244.1.6', node: 'node-1', ready: false },
      { ip: '10.244.1.7', node: 'node-1', ready: false, serving: true, terminating: true },
    ])]));
    expect(mixed).toContain('--to-destination 10.244.1.5:8080');
    expect(mixed).not.toContain('10.244.1.6');
    expect(mixed).not.toContain('10.244.1.7');
    const draining = renderNat(rules(web(), [slice('web', [{ port: 8080 }], [
      { ip: '10.244.1.6', node: 'node-1', ready: false }, { ip: '10.244.1.7', node: 'node-1', ready: false, serving: true, terminating: true },
    ])]));
    expect(draining).toContain('-A KUBE-SVC-LOLE4ISW44XBNF3G -m comment --comment "default/web -> 10.244.1.7:8080" -j KUBE-SEP-');
    expect(draining).not.toContain('10.244.1.6');
  });

  it('writes -m recent rules for sessionAffinity ClientIP', () => {
    const text = renderNat(rules(web({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } } }),
      [slice('web', [{ port: 8080 }], THREE.slice(0, 2))]));
    expect(text).toContain('-A KUBE-SVC-LOLE4ISW44XBNF3G -m comment --comment "default/web -> 10.244.1.12:8080" -m recent --rcheck --seconds 10800 --reap --name KUBE-SEP-5OCWPZKODR2CLL6E --mask 255.255.255.255 --rsource -j KUBE-SEP-5OCWPZKODR2CLL6E\n');
    expect(text).toContain('-A KUBE-SEP-5OCWPZKODR2CLL6E -p tcp -m comment --comment "default/web" -m recent --set --name KUBE-SEP-5OCWPZKODR2CLL6E --mask 255.255.255.255 --rsource -m tcp -j DNAT --to-destination 10.244.1.12:8080\n');
    const svc = lines(text).filter((l) => l.startsWith('-A KUBE-SVC-'));
    // the masquerade rule, two affinity checks, then the two balancing rules
    expect(svc.map((l) => (l.includes('--rcheck') ? 'recent' : l.includes('KUBE-MARK-MASQ') ? 'masq' : 'balance')))
      .toEqual(['masq', 'recent', 'recent', 'balance', 'balance']);
  });

  it('sends external traffic only to local endpoints with externalTrafficPolicy Local', () => {
    const svc = web({ type: 'NodePort', nodePort: 30080, externalTrafficPolicy: 'Local' });
    const sl = [slice('web', [{ port: 8080 }], THREE)];
    const node2 = renderIptables(rules(svc, sl, 'node-2'));
    expect(node2).toContain('-A KUBE-EXT-LOLE4ISW44XBNF3G -j KUBE-SVL-LOLE4ISW44XBNF3G\n');
    expect(node2).toContain('-A KUBE-SVL-LOLE4ISW44XBNF3G -m comment --comment "default/web -> 10.244.2.7:8080" -j KUBE-SEP-CBPCTALQVABL5M2H\n');
    const node3 = renderIptables(rules(svc, sl, 'node-3'));
    expect(node3).not.toContain('KUBE-SVL-');
    expect(node3).toContain('-A KUBE-EXTERNAL-SERVICES -p tcp -m comment --comment "default/web has no local endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 30080 -j DROP\n');
    // ClusterIP traffic still reaches every endpoint
    expect(node3).toContain('-A KUBE-SERVICES -d 10.96.120.15/32 -p tcp -m comment --comment "default/web cluster IP" -m tcp --dport 80 -j KUBE-SVC-LOLE4ISW44XBNF3G\n');
  });

  it('captures a LoadBalancer IP into KUBE-EXT', () => {
    const svc = web({ type: 'LoadBalancer', nodePort: 31000, externalTrafficPolicy: 'Cluster' }, { loadBalancer: { ingress: [{ ip: '172.18.255.200' }] } });
    const text = renderNat(rules(svc, [slice('web', [{ port: 8080 }], THREE)]));
    expect(text).toContain('-A KUBE-SERVICES -d 172.18.255.200/32 -p tcp -m comment --comment "default/web loadbalancer IP" -m tcp --dport 80 -j KUBE-EXT-LOLE4ISW44XBNF3G\n');
  });

  it('names a service port chain by port name and protocol (UDP DNS)', () => {
    const dns = service('kube-dns', { clusterIP: '10.96.0.10', ports: [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }] }, 'kube-system');
    const sl = slice('kube-dns', [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }], [{ ip: '10.244.1.3', node: 'node-1' }], 'kube-system');
    const text = renderNat(rules(dns, [sl]));
    expect(text).toContain('-A KUBE-SERVICES -d 10.96.0.10/32 -p udp -m comment --comment "kube-system/kube-dns:dns cluster IP" -m udp --dport 53 -j KUBE-SVC-TCOU7JCQXEZGVUNU\n');
    expect(text).toContain('-j KUBE-SVC-ERIFXISQEP7F7OF4\n');
  });
});
