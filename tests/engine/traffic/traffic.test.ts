import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../src/engine';
import type { PodTraffic, TrafficGenerator, TrafficSecond } from '../../../src/engine/traffic/types';
import { newCluster, runUntil, syncErrors } from '../helpers';
import { agnhostPod, flakyPod, join, threeWebPods, webService } from '../proxy/scenario';

const seconds = (c: Pick<Cluster, 'table'>) => new Map(c.table<TrafficSecond>('traffic/requests'));
const podTraffic = (c: Pick<Cluster, 'table'>) => new Map(c.table<PodTraffic>('traffic/pods'));

function readyWeb(extra = ''): Cluster {
  const c = newCluster();
  expect(c.apply(join(threeWebPods, webService(extra))).ok).toBe(true);
  runUntil(c, () => c.steps.some((s) => s.actor === 'kube-proxy/node-3' && s.message.includes('default/web now 3 endpoints')), 60_000);
  toWholeSecond(c);
  return c;
}

/** Generators started mid-second send a share of their rate for that first partial second. */
function toWholeSecond(c: Cluster): void {
  c.advance((1000 - (c.now % 1000)) % 1000);
}

/** Answered requests per Pod over the next `ms`, summed from the per-second records. */
function answered(c: Cluster, ms: number): Record<string, number> {
  const totals: Record<string, number> = {};
  const from = c.steps.length;
  c.advance(ms);
  for (let i = from; i < c.steps.length; i++) {
    if (c.steps[i].actor !== 'traffic-generator') continue;
    const s = seconds(c.at(i)).get('traffic-1');
    for (const [pod, n] of Object.entries(s?.byPod ?? {})) totals[pod] = (totals[pod] ?? 0) + n;
  }
  return totals;
}

describe('startTraffic / stopTraffic', () => {
  it.each([
    [{ service: 'nope', ratePerSecond: 5 }, 'Error from server (NotFound): services "nope" not found'],
    [{ service: 'web', ratePerSecond: 0 }, 'error: ratePerSecond must be a positive number of requests per second, got 0'],
    [{ service: 'web', ratePerSecond: 5, port: 8080 }, 'error: Service web does not have a service port 8080'],
    [{ service: 'web', ratePerSecond: 5, port: 'http' }, "error: Service 'web' does not have a named port 'http'"],
    [{ service: 'web', ratePerSecond: 5, via: 'NodePort' as const }, 'error: Service web is of type ClusterIP: it has no node port (use type: NodePort or LoadBalancer)'],
    [{ service: 'web', ratePerSecond: 5, from: { pod: 'ghost' } }, 'Error from server (NotFound): pods "ghost" not found'],
    [{ service: 'web', namespace: 'shop', ratePerSecond: 5 }, 'Error from server (NotFound): namespaces "shop" not found'],
  ])('refuses %j', (spec, message) => {
    const c = newCluster();
    c.apply(webService());
    expect(c.startTraffic(spec)).toEqual({ ok: false, message });
    expect(c.table('traffic/generators')).toEqual([]);
  });

  it('stores generators as traffic-1, traffic-2 and removes them on stop', () => {
    const c = newCluster();
    c.apply(webService());
    expect(c.startTraffic({ service: 'web', ratePerSecond: 2 })).toEqual({ ok: true, message: 'traffic-1', id: 'traffic-1' });
    expect(c.startTraffic({ service: 'web', ratePerSecond: 3, port: 80 })).toMatchObject({ ok: true, id: 'traffic-2' });
    const g = new Map(c.table<TrafficGenerator>('traffic/generators')).get('traffic-2')!;
    expect(g).toMatchObject({ service: 'web', namespace: 'default', port: 80, protocol: 'TCP', via: 'ClusterIP', ratePerSecond: 3 });
    expect(c.steps.at(-1)!.message).toBe('Started traffic-2: 3 requests/s to Service default/web port 80 via ClusterIP from any running Pod');
    expect(c.stopTraffic('traffic-1')).toEqual({ ok: true, message: 'traffic-1 stopped' });
    expect(c.stopTraffic('traffic-1')).toEqual({ ok: false, message: 'error: no traffic generator "traffic-1"' });
    expect(c.table('traffic/generators').map(([id]) => id)).toEqual(['traffic-2']);
  });
});

describe('the traffic generator', () => {
  it('spreads iptables traffic over the ready endpoints, one Step per second', () => {
    const c = readyWeb();
    c.startTraffic({ service: 'web', ratePerSecond: 30 });
    const totals = answered(c, 20_000);
    expect(Object.keys(totals).sort()).toEqual(['default/web-a', 'default/web-b', 'default/web-c']);
    // 600 requests, p = 1/3 each: σ ≈ 11.5
    for (const n of Object.values(totals)) expect(Math.abs(n - 200)).toBeLessThan(50);
    const step = c.steps.filter((s) => s.actor === 'traffic-generator').at(-1)!;
    expect(step.message).toMatch(/^traffic-1: 30 requests to default\/web → web-a \d+, web-b \d+, web-c \d+$/);
    expect(c.steps.filter((s) => s.actor === 'traffic-generator').length).toBe(20);
    expect(syncErrors(c)).toEqual([]);
  });

  it('records the way of sampled requests: client → node → chains → Pod', () => {
    const c = readyWeb();
    c.startTraffic({ service: 'web', ratePerSecond: 50, from: { node: 'node-2' } });
    c.advance(1000);
    const s = seconds(c).get('traffic-1')!;
    expect(s.sent).toBe(50);
    expect(s.outcomes).toEqual({ ok: 50 });
    expect(s.samples.length).toBe(20);
    const sample = s.samples[0];
    expect(sample.client).toMatchObject({ kind: 'node', name: 'node-2' });
    expect(sample.node).toBe('node-2');
    expect(sample.chains.slice(0, 2)).toEqual(['KUBE-SERVICES', 'KUBE-SVC-LOLE4ISW44XBNF3G']);
    expect(sample.endpoint?.pod?.name).toMatch(/^web-[abc]$/);
    expect(sample).toMatchObject({ outcome: 'ok', status: 200 });
  });

  it('balances IPVS round-robin exactly', () => {
    const c = readyWeb();
    c.setProxyMode('ipvs');
    c.advance(1000);
    toWholeSecond(c);
    c.startTraffic({ service: 'web', ratePerSecond: 30, from: { node: 'node-1' } });
    c.advance(1000);
    expect(seconds(c).get('traffic-1')!.byPod).toEqual({ 'default/web-a': 10, 'default/web-b': 10, 'default/web-c': 10 });
    expect(seconds(c).get('traffic-1')!.samples[0].chains[0]).toMatch(/^TCP {2}10\.\d+\.\d+\.\d+:80 rr$/);
  });

  it('stops sending to a Pod once its endpoint is not ready', () => {
    const c = newCluster();
    c.apply(join(agnhostPod('web-a'), agnhostPod('web-b'), flakyPod('web-c'), webService()));
    runUntil(c, () => c.steps.some((s) => s.actor === 'kube-proxy/node-1' && s.message.includes('default/web now 3 endpoints')), 60_000);
    c.startTraffic({ service: 'web', ratePerSecond: 30 });
    const early = answered(c, 3000);
    expect(early['default/web-c']).toBeGreaterThan(0);
    runUntil(c, () => c.steps.some((s) => s.actor === 'kube-proxy/node-1' && s.message.includes('default/web now 2 endpoints')), 30_000);
    c.advance(1000);
    const late = answered(c, 10_000);
    expect(late['default/web-c'] ?? 0).toBe(0);
    expect(late['default/web-a'] + late['default/web-b']).toBe(300);
    expect(podTraffic(c).get('default/web-c')!.lastSecond.requests).toBe(0);
  });

  it('rejects at KUBE-SERVICES when the Service has no endpoints', () => {
    const c = newCluster();
    c.apply(webService());
    c.advance(2000);
    c.startTraffic({ service: 'web', ratePerSecond: 4, from: { node: 'node-1' } });
    c.advance(1000);
    const s = seconds(c).get('traffic-1')!;
    expect(s.outcomes).toEqual({ refused: 4 });
    expect(s.failures).toEqual([{ outcome: 'refused', at: 'KUBE-SERVICES', reason: 'default/web has no endpoints', count: 4 }]);
    expect(c.steps.at(-1)!.message).toBe('traffic-1: 4 requests to default/web → 4 refused at KUBE-SERVICES (default/web has no endpoints)');
  });

  it('stops sending to a deleted Pod once kube-proxy drops its terminating endpoint', () => {
    const c = readyWeb();
    c.startTraffic({ service: 'web', ratePerSecond: 60, from: { node: 'node-1' } });
    c.advance(1000);
    c.delete('Pod', 'web-c');
    c.advance(3000);
    const later = answered(c, 3000);
    expect(later['default/web-c'] ?? 0).toBe(0);
    expect(later['default/web-a'] + later['default/web-b']).toBe(180);
  });

  it('enters a NodePort Service through the named Node', () => {
    const c = readyWeb('\n  type: NodePort');
    c.startTraffic({ service: 'web', ratePerSecond: 10, via: 'NodePort', from: { node: 'node-3' } });
    c.advance(1000);
    const s = seconds(c).get('traffic-1')!;
    expect(s.outcomes).toEqual({ ok: 10 });
    expect(s.samples[0]).toMatchObject({ client: { kind: 'external' }, node: 'node-3' });
    expect(s.samples[0].destination).toMatch(/^172\.18\.0\.4:3\d{4}$/);
    expect(s.samples[0].chains.slice(0, 4)).toEqual(['KUBE-SERVICES', 'KUBE-NODEPORTS', 'KUBE-EXT-LOLE4ISW44XBNF3G', 'KUBE-SVC-LOLE4ISW44XBNF3G']);
  });

  it('writes nothing once stopped, after the per-Pod counters fall back to 0', () => {
    const c = readyWeb();
    c.startTraffic({ service: 'web', ratePerSecond: 10 });
    c.advance(3000);
    c.stopTraffic('traffic-1');
    c.advance(3000);
    expect(seconds(c).size).toBe(0);
    for (const p of podTraffic(c).values()) expect(p.lastSecond.requests).toBe(0);
    const total = [...podTraffic(c).values()].reduce((n, p) => n + p.total.ok, 0);
    expect(total).toBe(30);
    const n = c.steps.length;
    c.advance(5000);
    expect(c.steps.slice(n).filter((s) => s.actor === 'traffic-generator')).toEqual([]);
  });

  it('starts as a user Step without inventing an Event, and leaves no timer once stopped', () => {
    const c = readyWeb();
    const events = c.events().length;
    c.startTraffic({ service: 'web', ratePerSecond: 5 });
    expect(c.steps[c.steps.length - 1]).toMatchObject({ actor: 'user',
      message: 'Started traffic-1: 5 requests/s to Service default/web port 80 via ClusterIP from any running Pod' });
    expect(c.events()).toHaveLength(events);
    c.advance(5000);
    expect(c.steps.some((s) => s.actor === 'traffic-generator')).toBe(true);
    c.stopTraffic('traffic-1');
    c.advance(60_000);
    expect(c.nextActionTime()).toBeUndefined();
    expect(c.step()).toBeUndefined();
  });

  it('is deterministic for a seed', () => {
    const run = () => {
      const c = readyWeb();
      c.startTraffic({ service: 'web', ratePerSecond: 20 });
      c.advance(5000);
      return c.steps.filter((s) => s.actor === 'traffic-generator').map((s) => s.message);
    };
    expect(run()).toEqual(run());
  });
});
