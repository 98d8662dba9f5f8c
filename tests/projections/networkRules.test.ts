import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../src/engine';
import type { RequestSample, TrafficSecond } from '../../src/engine/traffic/types';
import { proxyRules, ruleLines, type RuleLine } from '../../src/projections/networkRules';
import { join, runUntil, servedCluster, webDeployment, webService } from './networkFixtures';

const texts = (lines: RuleLine[]) => lines.map((l) => l.text);
const marked = (lines: RuleLine[], mark: RuleLine['mark']) => lines.filter((l) => l.mark === mark).map((l) => l.text);

/** A sampled request that entered node-1's rules. */
function sampleOn(c: Cluster, node: string): RequestSample {
  c.startTraffic({ service: 'web', ratePerSecond: 20, via: 'NodePort', from: { node } });
  c.advance(2000);
  const second = new Map(c.table<TrafficSecond>('traffic/requests')).get('traffic-1')!;
  return second.samples.find((s) => s.node === node)!;
}

describe('kube-proxy rules of one Service', () => {
  const nodePort = '\n  type: NodePort';

  it('iptables: keeps the Service’s chains and the shared rules that name it, marks the sample’s way', () => {
    const c = servedCluster(join(webDeployment(2), webService(nodePort)), 2);
    const sample = sampleOn(c, 'node-1');
    const record = proxyRules(c, 'node-1')!;
    expect(record.mode).toBe('iptables');
    const all = ruleLines(record);
    expect(texts(all).join('\n') + '\n').toBe(record.text);
    expect(texts(all).some((t) => t.includes('default/kubernetes:https'))).toBe(true);

    const lines = ruleLines(record, 'default/web', sample);
    const text = texts(lines);
    expect(text.some((t) => t.includes('default/kubernetes'))).toBe(false);
    expect(text.some((t) => t.startsWith('-A KUBE-POSTROUTING'))).toBe(false);
    expect(text.filter((t) => t.startsWith('-A KUBE-SVC-'))).toHaveLength(3); // masquerade + one per endpoint
    expect(text.filter((t) => t.startsWith('-A KUBE-SEP-'))).toHaveLength(4);
    expect(text.filter((t) => /^-A KUBE-NODEPORTS .*"?default\/web"? .*--dport \d+ -j KUBE-EXT-/.test(t))).toHaveLength(1);
    expect(text[0]).toBe('*nat');
    expect(text.at(-1)).toBe('COMMIT');
    expect(text).not.toContain('*filter'); // nothing of web's in the filter table while it has endpoints

    // NodePort: KUBE-SERVICES → KUBE-NODEPORTS → KUBE-EXT → KUBE-SVC → KUBE-SEP (DNAT)
    expect(sample.chains.slice(0, 2)).toEqual(['KUBE-SERVICES', 'KUBE-NODEPORTS']);
    const way = marked(lines, 'path');
    expect(way.filter((t) => /^-A KUBE-NODEPORTS .* -j KUBE-EXT-/.test(t))).toHaveLength(1);
    expect(way.some((t) => t.startsWith('-A KUBE-SERVICES ') && t.endsWith('-j KUBE-NODEPORTS'))).toBe(true); // kept though it names no Service
    expect(way.some((t) => /^-A KUBE-EXT-\S+ -j KUBE-SVC-/.test(t))).toBe(true);
    const sep = sample.chains.at(-1)!;
    expect(way.some((t) => t.startsWith(`-A ${sample.chains.at(-2)} `) && t.endsWith(`-j ${sep}`))).toBe(true);
    expect(way.filter((t) => t.includes('-j DNAT'))).toEqual([`-A ${sep} -p tcp -m comment --comment "default/web" -m tcp -j DNAT --to-destination ${sample.endpoint!.ip}:${sample.endpoint!.port}`]);
    expect(marked(lines, 'failed')).toEqual([]);
  });

  it('iptables: a Service without endpoints is a REJECT rule, marked where the request ended', () => {
    const c = servedCluster(join(webDeployment(1), webService()), 1);
    c.scale('Deployment', 'web', 0);
    runUntil(c, () => proxyRules(c, 'node-2')!.text.includes('default/web has no endpoints'), 60_000);
    c.startTraffic({ service: 'web', ratePerSecond: 5, from: { node: 'node-2' } });
    c.advance(2000);
    const sample = new Map(c.table<TrafficSecond>('traffic/requests')).get('traffic-1')!.samples[0];
    expect(sample).toMatchObject({ outcome: 'refused', failedAt: 'KUBE-SERVICES' });
    const lines = ruleLines(proxyRules(c, 'node-2')!, 'default/web', sample);
    expect(texts(lines)).toEqual([
      '*filter',
      expect.stringMatching(/^-A KUBE-SERVICES -d \S+\/32 -p tcp -m comment --comment "default\/web has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable$/),
      'COMMIT',
    ]);
    expect(lines[1].mark).toBe('failed');
  });

  it('ipvs: the header and the Service’s virtual servers, the one used and its real server marked', () => {
    const c = servedCluster(join(webDeployment(2), webService(nodePort)), 2);
    c.setProxyMode('ipvs');
    runUntil(c, () => proxyRules(c, 'node-1')!.mode === 'ipvs', 30_000);
    const sample = sampleOn(c, 'node-1');
    const record = proxyRules(c, 'node-1')!;
    const lines = ruleLines(record, 'default/web', sample);
    const text = texts(lines);
    expect(text.slice(0, 3)).toEqual(record.text.split('\n').slice(0, 3));
    expect(text.some((t) => t.startsWith('TCP  10.96.0.1:443'))).toBe(false);
    const servers = text.filter((t) => t.startsWith('TCP  '));
    expect(servers.length).toBe(2); // the ClusterIP, and the NodePort on node-1's address
    expect(text.slice(3).filter((t) => t.startsWith('  -> ')).length).toBe(4);
    expect(marked(lines, 'path')).toEqual([
      expect.stringMatching(new RegExp(`^${sample.chains[0].replace(/\./g, '\\.')}`)),
      expect.stringMatching(new RegExp(`^  -> ${sample.chains[1].replace(/\./g, '\\.')} `)),
    ]);
  });
});
