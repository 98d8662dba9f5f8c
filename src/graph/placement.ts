/**
 * Where everything goes: the Unscheduled lane on top, Node boxes in a grid below, Pods stacked in
 * their box in creation order. Pure geometry over Pod shapes (see layout.ts for the stability rules).
 */
import {
  BOX_PADDING, LANE_HEADER, LANE_MAX_ROWS, NODE_HEADER, NODE_WIDTH, POD_WIDTH, flow, grid, gridWidth, nodeColumns,
  podHeight, podsPerRow, stack, type PodShape,
} from './layout';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Shape = Omit<PodShape, 'withReason'>;

export interface Placement {
  width: number;
  height: number;
  lane: Rect;
  /** Rects (relative to the lane) of the first `lanePods.length` unscheduled Pods; the rest are not drawn. */
  lanePods: Rect[];
  /** Per Node, in input order: its box and its Pods' rects (relative to the box). */
  boxes: { rect: Rect; pods: Rect[] }[];
}

export function place(unscheduled: readonly Shape[], perNode: readonly (readonly Shape[])[], allPods: Iterable<Shape>): Placement {
  const columns = nodeColumns(perNode.length);
  const width = Math.max(gridWidth(columns), NODE_WIDTH);

  // The lane keeps room for one row of the tallest Pod in the cluster, so Pods passing through it
  // (every new Pod does) do not push the Nodes down and up again. It draws the oldest rows only:
  // a burst of hundreds says no more as a wall of cards, and every bind would shift them all.
  const perRow = podsPerRow(width);
  const laneHeights = unscheduled.slice(0, perRow * LANE_MAX_ROWS).map((s) => podHeight({ ...s, withReason: true }));
  const laneFlow = flow(laneHeights, perRow);
  let minBody = podHeight({ containerCount: 1, withReason: true });
  for (const s of allPods) minBody = Math.max(minBody, podHeight({ ...s, withReason: true }));
  const laneHeight = LANE_HEADER + Math.max(laneFlow.height, minBody) + BOX_PADDING;
  const lanePods = laneHeights.map((height, i) => ({
    x: BOX_PADDING + laneFlow.points[i].x, y: LANE_HEADER + laneFlow.points[i].y, width: POD_WIDTH, height,
  }));

  const stacks = perNode.map((shapes) => {
    const heights = shapes.map((s) => podHeight({ ...s, withReason: false }));
    return { heights, ...stack(heights) };
  });
  const boxHeights = stacks.map((s) => NODE_HEADER + s.height + BOX_PADDING);
  const nodeGrid = grid(boxHeights, columns, laneHeight + 2 * BOX_PADDING + 16);
  const boxes = stacks.map((s, i) => ({
    rect: { ...nodeGrid.points[i], width: NODE_WIDTH, height: boxHeights[i] },
    pods: s.heights.map((height, j) => ({ x: BOX_PADDING, y: NODE_HEADER + s.ys[j], width: POD_WIDTH, height })),
  }));

  return {
    width,
    height: perNode.length ? nodeGrid.bottom : laneHeight,
    lane: { x: 0, y: 0, width, height: laneHeight },
    lanePods,
    boxes,
  };
}
