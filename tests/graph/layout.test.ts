import { describe, expect, it } from 'vitest';
import {
  CONTAINER_ROW, EMPTY_BOX_BODY, NODE_GAP, NODE_WIDTH, POD_GAP, POD_HEADER, POD_PADDING, POD_WIDTH, REASON_ROW,
  SANDBOX_ROW, VOLUME_ROW, flow, grid, nodeColumns, podHeight, podsPerRow, stack,
} from '../../src/graph/layout';
import { createGraphProjector } from '../../src/graph/projectGraph';
import { place } from '../../src/graph/placement';
import { naturalCompare } from '../../src/graph/ids';
import type { ClusterGraph } from '../../src/graph/types';
import { bump, fakeView, makeNode, makePod, running } from './fixtures';

describe('pure layout helpers', () => {
  it.each([
    [{ containerCount: 1, withReason: false }, POD_HEADER + SANDBOX_ROW + CONTAINER_ROW + POD_PADDING],
    [{ containerCount: 3, withReason: false }, POD_HEADER + SANDBOX_ROW + 3 * CONTAINER_ROW + POD_PADDING],
    [{ containerCount: 2, withReason: true }, POD_HEADER + SANDBOX_ROW + 2 * CONTAINER_ROW + REASON_ROW + POD_PADDING],
    [{ containerCount: 1, volumeCount: 2, withReason: false }, POD_HEADER + SANDBOX_ROW + CONTAINER_ROW + 2 * VOLUME_ROW + POD_PADDING],
  ])('podHeight(%j) = %d', (shape, height) => expect(podHeight(shape)).toBe(height));

  it.each([[0, 1], [1, 1], [3, 3], [6, 6], [7, 5], [10, 6], [100, 18]])('nodeColumns(%d) = %d', (n, cols) => expect(nodeColumns(n)).toBe(cols));

  it.each([
    [[], [], EMPTY_BOX_BODY],
    [[100], [0], 100],
    [[100, 50, 80], [0, 100 + POD_GAP, 150 + 2 * POD_GAP], 230 + 2 * POD_GAP],
  ])('stack(%j)', (heights, ys, height) => expect(stack(heights)).toEqual({ ys, height }));

  it('flows Pods in rows as tall as their tallest', () => {
    expect(flow([100, 140, 90], 2)).toEqual({
      points: [{ x: 0, y: 0 }, { x: POD_WIDTH + POD_GAP, y: 0 }, { x: 0, y: 140 + POD_GAP }],
      height: 140 + POD_GAP + 90,
    });
    expect(flow([], 3)).toEqual({ points: [], height: 0 });
  });

  it('fits as many Pods per row as the width allows, at least one', () => {
    expect(podsPerRow(0)).toBe(1);
    expect(podsPerRow(3 * NODE_WIDTH + 2 * NODE_GAP)).toBe(3);
  });

  it('grids Node boxes in rows', () => {
    expect(grid([300, 200, 250], 2, 50)).toEqual({
      points: [{ x: 0, y: 50 }, { x: NODE_WIDTH + NODE_GAP, y: 50 }, { x: 0, y: 50 + 300 + NODE_GAP }],
      bottom: 50 + 300 + NODE_GAP + 250,
    });
  });

  it.each([
    ['node-2', 'node-10', -1], ['node-10', 'node-2', 1], ['a', 'a', 0], ['a-1', 'a-1-x', -1], ['web-b', 'web-a', 1],
  ])('naturalCompare(%s, %s) has sign %d', (a, b, sign) => expect(Math.sign(naturalCompare(a, b))).toBe(sign));
});

describe('stability across Steps', () => {
  const abs = (g: ClusterGraph, name: string) => {
    const n = g.nodes.find((x) => x.data.kind === 'Pod' && x.data.name === name)!;
    const parent = g.nodes.find((x) => x.id === n.parentId)!;
    return { x: parent.position.x + n.position.x, y: parent.position.y + n.position.y };
  };
  const boxAt = (g: ClusterGraph, name: string) => g.nodes.find((x) => x.id === `node/${name}`)!.position;

  it('keeps Pods and Nodes in place while new Pods arrive, get scheduled and change state', () => {
    const nodes = [makeNode('node-1'), makeNode('node-2'), makeNode('node-3')];
    const a = makePod('web-zzzzz', { node: 'node-1', created: 1, phase: 'Running', statuses: [running('app')] });
    const b = makePod('web-bbbbb', { node: 'node-2', created: 2 });
    const projector = createGraphProjector();
    const g1 = projector.project(fakeView({ nodes, pods: [a, b] }));

    // A later Pod (sorting before the others by name) is created, still unscheduled.
    const c = makePod('web-aaaaa', { created: 3 });
    const g2 = projector.project(fakeView({ nodes, pods: [a, b, c] }));
    // Then it is bound to node-1 and b starts running.
    const c2 = bump(c, (p) => ({ ...p, spec: { ...p.spec!, nodeName: 'node-1' } }));
    const b2 = bump(b, (p) => ({ ...p, status: { phase: 'Running', containerStatuses: [running('app')] } }));
    const g3 = projector.project(fakeView({ nodes, pods: [a, b2, c2] }));

    for (const g of [g2, g3]) {
      expect(abs(g, 'web-zzzzz')).toEqual(abs(g1, 'web-zzzzz'));
      expect(abs(g, 'web-bbbbb')).toEqual(abs(g1, 'web-bbbbb'));
      for (const n of ['node-1', 'node-2', 'node-3']) expect(boxAt(g, n)).toEqual(boxAt(g1, n));
    }
    // The newcomer goes below the older Pod on node-1.
    expect(abs(g3, 'web-aaaaa').x).toBe(abs(g3, 'web-zzzzz').x);
    expect(abs(g3, 'web-aaaaa').y).toBeGreaterThan(abs(g3, 'web-zzzzz').y);
  });

  it('gives the same layout when a Step is revisited', () => {
    const nodes = [makeNode('node-1')];
    const early = fakeView({ nodes, pods: [makePod('a', { created: 1 })] });
    const late = fakeView({ nodes, pods: [makePod('a', { created: 1, node: 'node-1' }), makePod('b', { created: 2 })] });
    const projector = createGraphProjector();
    const first = projector.project(early);
    projector.project(late);
    expect(projector.project(early)).toEqual(first);
  });
});

describe('place', () => {
  const one = { containerCount: 1, volumeCount: 0 };
  it('keeps the lane for a cluster without Nodes', () => {
    const at = place([one], [], [one]);
    expect(at.boxes).toEqual([]);
    expect(at.lanePods).toHaveLength(1);
    expect(at.height).toBe(at.lane.height);
    expect(at.width).toBe(NODE_WIDTH);
  });

  it('reserves one row of the tallest Pod in the lane, wherever that Pod is', () => {
    const tall = { containerCount: 4, volumeCount: 1 };
    const empty = place([], [[], []], []);
    const withTall = place([], [[tall], []], [tall]);
    expect(withTall.lane.height - empty.lane.height).toBe(podHeight({ ...tall, withReason: true }) - podHeight({ containerCount: 1, withReason: true }));
    expect(withTall.boxes[1].rect.y).toBe(withTall.boxes[0].rect.y);
  });
});
