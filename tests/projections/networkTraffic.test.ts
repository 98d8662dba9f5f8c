import { describe, expect, it } from 'vitest';
import { podRates, samplesThrough, serviceShares, trafficGenerators } from '../../src/projections/networkTraffic';
import { flakyPod, join, runUntil, servedCluster, trafficSteps, webDeployment, webService } from './networkFixtures';

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
