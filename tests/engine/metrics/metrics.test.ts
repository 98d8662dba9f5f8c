import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../src/engine';
import { lastScrapeTime } from '../../../src/engine/metrics/metricsServer';
import { topNodes, topPods } from '../../../src/engine/metrics/top';
import type { NodeMetrics, PodMetrics } from '../../../src/engine/metrics/types';
import { newCluster, runUntil } from '../helpers';
import { join, threeWebPods, webService } from '../proxy/scenario';

const podMetrics = (c: Pick<Cluster, 'table'>) => new Map(c.table<PodMetrics>('metrics/pods'));
const cpu = (c: Cluster) => [...podMetrics(c).values()].map((m) => m.cpuMilli);

function reportedWeb(): Cluster {
  const c = newCluster();
  c.apply(join(threeWebPods, webService()));
  runUntil(c, () => podMetrics(c).size === 3, 90_000);
  return c;
}

describe('metrics-server', () => {
  it('reports a Pod once it has run a whole 15s window, at 15s-aligned scrapes', () => {
    const c = newCluster();
    c.apply(threeWebPods);
    expect(topPods(c, 'default')).toBe('error: metrics not available yet\n');
    runUntil(c, () => podMetrics(c).size === 3, 90_000);
    const m = podMetrics(c).get('default/web-a')!;
    expect(m.timestamp % 15_000).toBe(0);
    expect(m).toMatchObject({ namespace: 'default', name: 'web-a', cpuMilli: 1, window: 15_000, containers: { app: { cpuMilli: 1 } } });
    expect(m.memoryBytes).toBe(m.containers.app.memoryBytes);
    expect(lastScrapeTime(m.timestamp + 14_999)).toBe(m.timestamp);
    const step = c.steps.find((s) => s.actor === 'metrics-server' && s.message.includes('3 Pods reported'))!;
    expect(step.message).toMatch(/^metrics-server scraped 3 kubelets \(15s window\): 3 Pods reported — default\/web-a 1m CPU, \d+Mi/);
  });

  it('follows load: CPU rises with the requests a Pod answers and falls back when they stop', () => {
    const c = reportedWeb();
    expect(cpu(c)).toEqual([1, 1, 1]);
    c.startTraffic({ service: 'web', ratePerSecond: 60, from: { node: 'node-1' } });
    c.advance(31_000);
    // ~20 req/s each: 1m + 10m × 20 = 201m, give or take the random spread
    for (const milli of cpu(c)) {
      expect(milli).toBeGreaterThan(150);
      expect(milli).toBeLessThan(260);
    }
    const node = new Map(c.table<NodeMetrics>('metrics/nodes'));
    const onNode1 = [...podMetrics(c).values()].filter((m) => m.node === 'node-1').reduce((n, m) => n + m.cpuMilli, 0);
    expect(node.get('node-1')!.cpuMilli).toBe(90 + onNode1);
    c.stopTraffic('traffic-1');
    c.advance(31_000);
    expect(cpu(c)).toEqual([1, 1, 1]);
  });

  it('stays quiet while nothing changes', () => {
    const c = reportedWeb();
    const n = c.steps.length;
    c.advance(120_000);
    expect(c.steps.slice(n).filter((s) => s.actor === 'metrics-server')).toEqual([]);
  });

  it('prints `kubectl top pod` and `kubectl top node`', () => {
    const c = reportedWeb();
    expect(topPods(c, 'default')).toBe([
      'NAME    CPU(cores)   MEMORY(bytes)   ',
      'web-a   1m           9Mi             ',
      'web-b   1m           9Mi             ',
      'web-c   1m           9Mi             ',
      '',
    ].join('\n'));
    expect(topPods(c, 'default', { containers: true }).split('\n')[1]).toBe('web-a   app    1m           9Mi             ');
    expect(topPods(c).split('\n')[0]).toBe('NAMESPACE   NAME    CPU(cores)   MEMORY(bytes)   ');
    expect(topPods(c, 'kube-public')).toBe('No resources found in kube-public namespace.\n');
    const nodes = topNodes(c).split('\n');
    expect(nodes[0]).toBe('NAME     CPU(cores)   CPU%   MEMORY(bytes)   MEMORY%   ');
    // node-1 runs web-a: 90m + 1m of 4 CPUs, 450Mi + 9Mi of 8Gi
    expect(nodes.filter((l) => l.startsWith('node-1'))).toEqual(['node-1   91m          2%     459Mi           5%        ']);
  });
});
