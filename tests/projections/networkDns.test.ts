import { describe, expect, it } from 'vitest';
import { createCluster } from '../../src/engine';
import { dnsLookup } from '../../src/projections/networkDns';
import { join, runUntil, webDeployment, webService } from './networkFixtures';

function cluster() {
  const c = createCluster();
  const named = webService().replace('ports: [{port: 80, targetPort: 8080}]', 'ports: [{name: http, port: 80, targetPort: 8080}]');
  expect(c.apply(join(webDeployment(1), named, 'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n')).ok).toBe(true);
  runUntil(c, () => c.list('EndpointSlice', 'default').some((s) => ((s.endpoints as unknown[]) ?? []).length > 0), 60_000);
  const ip = (c.get('Service', 'web')!.spec as { clusterIP: string }).clusterIP;
  return { c, ip };
}

describe('dnsLookup (dig +search from a Pod)', () => {
  it('a Service name in the asker’s namespace: the first search name answers with the ClusterIP', () => {
    const { c, ip } = cluster();
    const r = dnsLookup(c, { name: 'web', namespace: 'default', type: 'A' });
    expect(r.tried).toEqual([{ name: 'web.default.svc.cluster.local.', rcode: 'NOERROR', answers: 1 }]);
    expect(r.rcode).toBe('NOERROR');
    expect(r.dig).toContain(';; ->>HEADER<<- opcode: QUERY, status: NOERROR');
    expect(r.dig).toContain(';web.default.svc.cluster.local.\t\tIN\tA\n');
    expect(r.dig).toContain(`;; ANSWER SECTION:\nweb.default.svc.cluster.local.\t30\tIN\tA\t${ip}\n`);
    expect(r.dig).toContain(';; SERVER: 10.96.0.10#53(10.96.0.10) (UDP)');
  });

  it('from another namespace, `web.default` fails on the first search name and answers on the second', () => {
    const { c, ip } = cluster();
    const r = dnsLookup(c, { name: 'web.default', namespace: 'shop', type: 'A' });
    expect(r.tried).toEqual([
      { name: 'web.default.shop.svc.cluster.local.', rcode: 'NXDOMAIN', answers: 0 },
      { name: 'web.default.svc.cluster.local.', rcode: 'NOERROR', answers: 1 },
    ]);
    expect(r.answers.map((a) => a.data)).toEqual([ip]);
  });

  it('an unknown name tries every search name, then the name itself, and ends NXDOMAIN', () => {
    const { c } = cluster();
    const r = dnsLookup(c, { name: 'nope', namespace: 'default', type: 'A' });
    expect(r.tried.map((t) => t.name)).toEqual([
      'nope.default.svc.cluster.local.', 'nope.svc.cluster.local.', 'nope.cluster.local.', 'nope.',
    ]);
    expect(r.rcode).toBe('NXDOMAIN');
    expect(r.dig).toContain('status: NXDOMAIN');
    expect(r.dig).not.toContain('ANSWER SECTION');
  });

  it('SRV of a named port: the record and the target’s address', () => {
    const { c } = cluster();
    const r = dnsLookup(c, { name: '_http._tcp.web', namespace: 'default', type: 'SRV' });
    expect(r.answers).toHaveLength(1);
    expect(r.answers[0]).toMatchObject({ name: '_http._tcp.web.default.svc.cluster.local.', type: 'SRV', data: '0 100 80 web.default.svc.cluster.local.' });
    expect(r.dig).toContain('; <<>> DiG 9.18.28 <<>> +search SRV _http._tcp.web');
    expect(r.dig).toContain(';; ADDITIONAL SECTION:');
  });

  it('a Pod with dnsPolicy Default asks the node’s resolver, which knows no cluster names', () => {
    const { c } = cluster();
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', uid: 'u', resourceVersion: '1', creationTimestamp: '' },
      spec: { dnsPolicy: 'Default', containers: [] } };
    const r = dnsLookup(c, { name: 'web.default.svc.cluster.local', namespace: 'default', type: 'A', pod });
    expect(r.rcode).toBe('NXDOMAIN');
    expect(r.tried).toEqual([{ name: 'web.default.svc.cluster.local.', rcode: 'NXDOMAIN', answers: 0 }]);
    expect(r.dig).toContain(';; SERVER: 172.18.0.1#53(172.18.0.1) (UDP)');
  });
});
