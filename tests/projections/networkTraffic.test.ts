import { describe, expect, it } from 'vitest';
import type { RequestSample } from '../../src/engine/traffic/types';
import {
  failureText, podRates, rateText, sampleText, samplesThrough, secondText, serviceShares, trafficGenerators,
} from '../../src/projections/networkTraffic';
import { flakyPod, join, runUntil, servedCluster, trafficSteps, webDeployment, webService } from './networkFixtures';

describe('traffic texts', () => {
  it.each([
    [0, '0 req/s'],
    [12, '12 req/s'],
  ])('rateText(%d)', (n, text) => expect(rateText(n)).toBe(text));

  it.each([
    [{ outcome: 'refused' as const, at: 'KUBE-SERVICES', reason: 'default/web has no endpoints', count: 3 }, '3 refused at KUBE-SERVICES: default/web has no endpoints'],
    [{ outcome: 'timeout' as const, at: 'node/node-2', reason: '', count: 1 }, '1 timed out at node/node-2'],
    [{ outcome: 'error' as const, at: 'pod/default/web-a', reason: 'HTTP 500', count: 2 }, '2 failed at pod/default/web-a: HTTP 500'],
  ])('failureText %#', (f, text) => expect(failureText(f)).toBe(text));

  it('secondText counts each outcome', () => {
    const s = { generator: 'traffic-1', service: 'default/web', time: 1000, sent: 40, outcomes: { ok: 37, refused: 3 }, byPod: {}, failures: [], samples: [] };
    expect(secondText(s)).toBe('40 sent: 37 answered, 3 refused');
  });

  it.each<[RequestSample, string]>([
    [{ client: { kind: 'pod', namespace: 'default', name: 'client', ip: '10.244.1.9' }, node: 'node-1', destination: '10.96.12.7:80', chains: [],
      endpoint: { ip: '10.244.2.5', port: 8080, pod: { namespace: 'default', name: 'web-a' } }, outcome: 'ok', status: 200 },
    'Pod default/client → 10.96.12.7:80 → web-a (10.244.2.5:8080): 200'],
    [{ client: { kind: 'external', ip: '203.0.113.10' }, destination: '172.18.0.2:30080', chains: ['KUBE-SERVICES'], outcome: 'refused',
      failedAt: 'KUBE-EXTERNAL-SERVICES', reason: 'default/web has no endpoints' },
    'client 203.0.113.10 → 172.18.0.2:30080: refused at KUBE-EXTERNAL-SERVICES (default/web has no endpoints)'],
    [{ client: { kind: 'node', name: 'node-2', ip: '172.18.0.3' }, destination: '10.96.12.7:80', chains: [], outcome: 'timeout' },
      'Node node-2 → 10.96.12.7:80: timed out'],
  ])('sampleText %#', (sample, text) => expect(sampleText(sample)).toBe(text));
});

describe('traffic per Pod, as of the cursor', () => {
  it('follows the Step: nothing before the generator, every request of the second after it', () => {
    const c = servedCluster(join(webDeployment(3), webService()), 3);
    const before = c.steps.length - 1;
    expect(c.startTraffic({ service: 'web', ratePerSecond: 30 }).ok).toBe(true);
    c.advance(4000);
    const ticks = trafficSteps(c, before);
    expect(ticks.length).toBeGreaterThanOrEqual(3);

    expect(podRates(c.at(before)).size).toBe(0);
    expect(serviceShares(c.at(before), 'default', 'web').every((r) => r.perSecond === 0 && r.share === 0)).toBe(true);
    for (const i of ticks.slice(1)) {
      const rates = [...podRates(c.at(i)).values()];
      expect(rates.reduce((n, r) => n + r.perSecond, 0)).toBe(30);
      const shares = serviceShares(c.at(i), 'default', 'web');
      expect(shares).toHaveLength(3);
      expect(shares.every((r) => r.endpoint === 'ready' && r.perSecond > 0)).toBe(true);
      expect(shares.reduce((n, r) => n + r.share, 0)).toBeCloseTo(1, 9);
    }
    // an earlier Step keeps its own second, whatever came later
    const first = ticks[1];
    const again = [...podRates(c.at(first)).values()].map((r) => r.perSecond);
    c.advance(3000);
    expect([...podRates(c.at(first)).values()].map((r) => r.perSecond)).toEqual(again);

    const rows = trafficGenerators(c.at(ticks[1]));
    expect(rows.map((r) => r.text)).toEqual(['30 requests/s to Service default/web port 80 via ClusterIP from any running Pod']);
    expect(rows[0].last?.sent).toBe(30);
    expect(trafficGenerators(c.at(before))).toEqual([]);
  });

  it('a Pod that turns unready gets no more requests', () => {
    const c = servedCluster(join(webDeployment(2), webService(), flakyPod('flaky')), 3);
    expect(c.startTraffic({ service: 'web', ratePerSecond: 30 }).ok).toBe(true);
    c.advance(2000);
    const early = serviceShares(c, 'default', 'web').find((r) => r.name === 'flaky')!;
    expect(early.perSecond).toBeGreaterThan(0);
    runUntil(c, () => serviceShares(c, 'default', 'web').find((r) => r.name === 'flaky')?.endpoint === 'notReady', 60_000);
    c.advance(3000); // kube-proxy re-syncs within its minSyncPeriod, then the next seconds skip the Pod
    const late = serviceShares(c, 'default', 'web');
    expect(late.find((r) => r.name === 'flaky')).toMatchObject({ endpoint: 'notReady', perSecond: 0, share: 0 });
    expect(late.filter((r) => r.name !== 'flaky').reduce((n, r) => n + r.perSecond, 0)).toBe(30);
  });

  it('samplesThrough: the latest sampled requests that met one Node’s rules', () => {
    const c = servedCluster(join(webDeployment(3), webService()), 3);
    c.startTraffic({ service: 'web', ratePerSecond: 12, from: { node: 'node-2' } });
    c.advance(2000);
    const through = samplesThrough(c, 'node-2', 'default/web');
    expect(through).toHaveLength(12);
    expect(through.every((s) => s.generator === 'traffic-1' && s.sample.node === 'node-2' && s.sample.chains[0] === 'KUBE-SERVICES')).toBe(true);
    expect(samplesThrough(c, 'node-1')).toEqual([]);
    expect(samplesThrough(c, 'node-2', 'default/other')).toEqual([]);
  });
});
