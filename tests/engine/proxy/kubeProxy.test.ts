import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../src/engine';
import type { ProxyRulesRecord } from '../../../src/engine/proxy/kubeProxy';
import { newCluster, runUntil, syncErrors } from '../helpers';
import { join, threeWebPods, webService } from './scenario';

const rules = (c: Pick<Cluster, 'table'>, node = 'node-1') =>
  new Map(c.table<ProxyRulesRecord>(`kube-proxy/${node}`)).get('rules');

const readyEndpoints = (c: Cluster) => rules(c)?.model.services.find((s) => s.name === 'default/web')?.clusterEndpoints.length ?? 0;

describe('kube-proxy actors', () => {
  it('program every Node with the kubernetes Service at start-up', () => {
    const c = newCluster();
    for (const node of ['node-1', 'node-2', 'node-3']) {
      const r = rules(c, node)!;
      expect(r.mode).toBe('iptables');
      expect(r.text).toContain('-A KUBE-SERVICES -d 10.96.0.1/32 -p tcp -m comment --comment "default/kubernetes:https cluster IP" -m tcp --dport 443 -j KUBE-SVC-NPX46M4PTMTKRN6Y\n');
    }
    expect(c.steps.some((s) => s.actor === 'kube-proxy/node-2' && s.message === 'kube-proxy on node-2 synced iptables rules: 1 Service, 1 endpoint')).toBe(true);
  });

  it('program a Service\'s endpoints as its Pods become ready, one statistic rule per endpoint', () => {
    const c = newCluster();
    expect(c.apply(join(threeWebPods, webService())).ok).toBe(true);
    runUntil(c, () => readyEndpoints(c) === 3, 60_000);
    const text = rules(c)!.text;
    const svc = /-A KUBE-SERVICES -d (\S+)\/32 -p tcp -m comment --comment "default\/web cluster IP" -m tcp --dport 80 -j KUBE-SVC-LOLE4ISW44XBNF3G/.exec(text);
    expect(svc?.[1]).toBe((c.get('Service', 'web')!.spec as { clusterIP: string }).clusterIP);
    const balance = text.split('\n').filter((l) => l.startsWith('-A KUBE-SVC-LOLE4ISW44XBNF3G -m comment'));
    expect(balance.map((l) => /--probability (\S+)/.exec(l)?.[1] ?? 'last')).toEqual(['0.33333333349', '0.50000000000', 'last']);
    const last = c.steps.filter((s) => s.actor === 'kube-proxy/node-1').at(-1)!;
    expect(last.message).toBe('kube-proxy on node-1 synced iptables rules: 2 Services, 4 endpoints (default/web now 3 endpoints)');
    expect(syncErrors(c)).toEqual([]);
  });

  it('sync at most twice in a burst, then once per minSyncPeriod (1s)', () => {
    const c = newCluster();
    c.apply(join(threeWebPods, webService()));
    c.advance(10_000);
    const from = c.steps.length;
    for (let i = 0; i < 10; i++) {
      c.apply(webService(`\n  sessionAffinity: ${i % 2 ? 'None' : 'ClientIP'}`));
      c.advance(250);
    }
    c.advance(5_000);
    const times = c.steps.slice(from).filter((s) => s.actor === 'kube-proxy/node-1').map((s) => s.time);
    // 10 changes over 2.5s: a burst of 2, then one sync per second, the last one carrying the final state
    expect(times.length).toBeGreaterThanOrEqual(3);
    expect(times.length).toBeLessThan(10);
    expect(rules(c)!.text).not.toContain('-m recent');
    for (let i = 2; i < times.length; i++) expect(times[i] - times[i - 2]).toBeGreaterThanOrEqual(1000);
  });

  it('flush and re-program when the mode switches to ipvs, keeping the iptables rules in the past', () => {
    const c = newCluster();
    c.apply(join(threeWebPods, webService()));
    runUntil(c, () => readyEndpoints(c) === 3, 60_000);
    const before = c.steps.length - 1;
    expect(c.setProxyMode('ipvs')).toEqual({ ok: true, message: 'configmap/kube-proxy edited' });
    c.advance(100);
    const r = rules(c)!;
    expect(r.mode).toBe('ipvs');
    expect(r.text.startsWith('IP Virtual Server version 1.2.1 (size=4096)\n')).toBe(true);
    expect(r.text).toMatch(/TCP {2}10\.96\.0\.1:443 rr\n {2}-> 172\.18\.0\.1:6443 +Masq +1 +0 +0\n/);
    expect(r.kubeIpvs0).toContain('inet 10.96.0.1/32 scope global kube-ipvs0');
    expect(c.steps.some((s) => s.message.startsWith('kube-proxy on node-3 restarted in ipvs mode: flushed its iptables service chains'))).toBe(true);
    expect(rules(c.at(before))!.text.startsWith('*nat\n')).toBe(true);
    c.setProxyMode('iptables');
    c.advance(100);
    expect(rules(c)!.text.startsWith('*nat\n')).toBe(true);
  });
});
