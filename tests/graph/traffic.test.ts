import { describe, expect, it } from 'vitest';
import { projectGraph } from '../../src/graph/projectGraph';
import { absoluteRects, EMPTY_OVERLAY, trafficOverlay } from '../../src/graph/traffic';
import type { ClusterGraph, GraphNode } from '../../src/graph/types';
import { join, runUntil, servedCluster, trafficSteps, webDeployment, webService } from '../projections/networkFixtures';

const node = (id: string, x: number, y: number, parentId?: string): GraphNode => ({
  id, type: 'pod', position: { x, y }, width: 100, height: 50, ...(parentId ? { parentId } : {}),
  data: {} as GraphNode['data'], ariaLabel: id, ariaRole: 'button', selectable: true, draggable: false,
});

describe('absoluteRects', () => {
  it.each<[GraphNode[], Record<string, [number, number]>]>([
    [[node('a', 10, 20)], { a: [10, 20] }],
    [[node('box', 100, 200), node('pod', 12, 30, 'box')], { box: [100, 200], pod: [112, 230] }],
    [[node('lane', 0, 50), node('p1', 5, 5, 'lane'), node('box', 300, 0), node('p2', 1, 2, 'box')], { lane: [0, 50], p1: [5, 55], box: [300, 0], p2: [301, 2] }],
  ])('%#', (nodes, want) => {
    const graph: ClusterGraph = { nodes, edges: [], width: 0, height: 0 };
    const got = Object.fromEntries([...absoluteRects(graph)].map(([id, r]) => [id, [r.x, r.y]]));
    expect(got).toEqual(want);
  });
});

describe('the traffic layer', () => {
  it('is empty without traffic', () => {
    const c = servedCluster(join(webDeployment(2), webService()), 2);
    expect(trafficOverlay(projectGraph(c), c, c.steps.at(-1))).toBe(EMPTY_OVERLAY);
  });

  it('badges the Pods with their rate and flies the Step’s samples client → Service → Pod', () => {
    const c = servedCluster(join(webDeployment(3), webService()), 3);
    const before = c.steps.length;
    c.startTraffic({ service: 'web', ratePerSecond: 30 });
    c.advance(3000);
    const tick = trafficSteps(c, before).at(-1)!;
    const view = c.at(tick);
    const graph = projectGraph(view);
    const overlay = trafficOverlay(graph, view, c.steps[tick]);

    const rects = absoluteRects(graph);
    const pods = graph.nodes.filter((n) => n.type === 'pod');
    expect(overlay.badges.map((b) => b.id).sort()).toEqual(pods.map((p) => p.id).sort());
    expect(overlay.badges.reduce((n, b) => n + b.perSecond, 0)).toBe(30);
    for (const b of overlay.badges) {
      const r = rects.get(b.id)!;
      expect(b.text).toBe(`${b.perSecond} req/s`);
      expect(b.x).toBe(r.x + r.width - 6);
      expect(b.y).toBe(r.y);
    }

    expect(overlay.flights).toHaveLength(20);
    expect(overlay.failures).toEqual([]);
    const service = graph.nodes.find((n) => n.type === 'service')!;
    const s = rects.get(service.id)!;
    for (const f of overlay.flights) {
      expect(f.ok).toBe(true);
      expect(f.points).toHaveLength(3);
      expect(f.points[1]).toEqual({ x: s.x + s.width / 2, y: s.y + s.height });
      const ends = [f.points[0], f.points[2]].map((p) => pods.some((pod) => {
        const r = rects.get(pod.id)!;
        return p.x > r.x && p.x < r.x + r.width && p.y > r.y && p.y < r.y + r.height;
      }));
      expect(ends).toEqual([true, true]);
    }
    expect(overlay.flights.map((f) => f.delay)).toEqual(overlay.flights.map((_, i) => i / 20));

    // another Step: the badges stay (they are the snapshot's), the flights are only the traffic Step's
    const other = c.steps.findIndex((x, i) => i > before && x.actor !== 'traffic-generator');
    expect(trafficOverlay(projectGraph(c.at(other)), c.at(other), c.steps[other]).flights).toEqual([]);
  });

  it('a request that cannot reach a Pod ends red at the Service, with the reason', () => {
    const c = servedCluster(join(webDeployment(1), webService()), 1);
    c.scale('Deployment', 'web', 0);
    runUntil(c, () => c.list('Pod').length === 0 && c.steps.at(-1)!.actor.startsWith('kube-proxy'), 60_000);
    c.advance(2000);
    const before = c.steps.length;
    c.startTraffic({ service: 'web', ratePerSecond: 4, from: { node: 'node-1' } });
    c.advance(2000);
    const tick = trafficSteps(c, before).at(-1)!;
    const view = c.at(tick);
    const graph = projectGraph(view);
    const overlay = trafficOverlay(graph, view, c.steps[tick]);
    const rects = absoluteRects(graph);
    const svc = rects.get(graph.nodes.find((n) => n.type === 'service')!.id)!;
    const box = rects.get('node/node-1')!;
    expect(overlay.flights).toHaveLength(4);
    for (const f of overlay.flights) {
      expect(f.ok).toBe(false);
      expect(f.points).toEqual([{ x: box.x + box.width / 2, y: box.y + 14 }, { x: svc.x + svc.width / 2, y: svc.y + svc.height }]);
    }
    expect(overlay.failures).toEqual([{ x: svc.x + svc.width / 2, y: svc.y + svc.height, count: 4, row: 0,
      text: 'refused at KUBE-SERVICES: default/web has no endpoints' }]);
    expect(overlay.badges).toEqual([]);
  });
});

describe('traffic from outside the cluster', () => {
  it('starts at the Node it enters, with a chip for the client; failures at one place stack their labels', () => {
    const c = servedCluster(join(webDeployment(2), webService('\n  type: NodePort')), 2);
    const before = c.steps.length;
    c.startTraffic({ service: 'web', ratePerSecond: 5, via: 'NodePort', from: { node: 'node-2' } });
    c.advance(2000);
    const tick = trafficSteps(c, before).at(-1)!;
    const view = c.at(tick);
    const graph = projectGraph(view);
    const rects = absoluteRects(graph);
    const box = rects.get('node/node-2')!;
    const overlay = trafficOverlay(graph, view, c.steps[tick]);
    expect(overlay.flights).toHaveLength(5);
    for (const f of overlay.flights) expect(f.points[0]).toEqual({ x: box.x + box.width / 2, y: box.y + 14 });
    expect(overlay.clients).toEqual([{ x: box.x + box.width / 2, y: box.y + 14, text: 'client 203.0.113.10' }]);

    c.scale('Deployment', 'web', 0);
    const rejects = (node: string) => new Map(c.table<{ text: string }>(`kube-proxy/${node}`)).get('rules')!.text.includes('default/web has no endpoints');
    runUntil(c, () => rejects('node-1') && rejects('node-2'), 60_000);
    c.advance((1000 - (c.now % 1000)) % 1000);
    c.startTraffic({ service: 'web', ratePerSecond: 2, from: { node: 'node-1' } });
    const later = c.steps.length;
    c.advance(2000);
    const t2 = trafficSteps(c, later).at(-1)!;
    const failed = trafficOverlay(projectGraph(c.at(t2)), c.at(t2), c.steps[t2]).failures;
    expect(failed.map((m) => [m.row, m.count, m.text])).toEqual([
      [0, 5, 'refused at KUBE-EXTERNAL-SERVICES: default/web has no endpoints'],
      [1, 2, 'refused at KUBE-SERVICES: default/web has no endpoints'],
    ]);
    expect(new Set(failed.map((m) => `${m.x},${m.y}`)).size).toBe(1);
  });
});
