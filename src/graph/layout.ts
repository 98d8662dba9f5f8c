/**
 * Geometry of the graph, in flow units (px at zoom 1). Sizes follow content with fixed row heights,
 * which the node components use too, so what is drawn always fits the box computed here.
 *
 * Stability: a Pod's size depends only on its spec (containers are immutable) and where it sits;
 * Pods are ordered by creation, so new Pods append and existing ones stay put; Node boxes keep a
 * fixed width and only grow downward; the Unscheduled lane always keeps room for one row of Pods,
 * so Pods passing through it do not push the Nodes around.
 */

export const POD_WIDTH = 284;
export const POD_HEADER = 52;
export const SANDBOX_ROW = 30;
export const CONTAINER_ROW = 26;
export const VOLUME_ROW = 22;
/** The "why is it pending" line shown on Pods in the Unscheduled lane. */
export const REASON_ROW = 38;
export const POD_PADDING = 8;
export const POD_GAP = 10;

export const BOX_PADDING = 12;
export const NODE_HEADER = 104;
export const NODE_WIDTH = POD_WIDTH + 2 * BOX_PADDING;
export const EMPTY_BOX_BODY = 44;
export const NODE_GAP = 36;

export const LANE_HEADER = 40;
/** Rows of Pods the Unscheduled lane draws; the rest are counted in its header. */
export const LANE_MAX_ROWS = 2;

export interface PodShape {
  containerCount: number;
  volumeCount?: number;
  withReason: boolean;
}

export function podHeight({ containerCount, volumeCount = 0, withReason }: PodShape): number {
  return POD_HEADER + SANDBOX_ROW + containerCount * CONTAINER_ROW + volumeCount * VOLUME_ROW +
    (withReason ? REASON_ROW : 0) + POD_PADDING;
}

/**
 * Node columns of the grid. The few Nodes of a lesson sit in one row, so a Node box growing as
 * Pods land never moves another box; big clusters get a roughly landscape grid (their boxes grow
 * tall), where a growing row can push the rows below it down.
 */
export function nodeColumns(nodeCount: number): number {
  if (nodeCount <= 6) return Math.max(1, nodeCount);
  return Math.ceil(Math.sqrt(nodeCount * 3));
}

/** Positions of a vertical stack of children inside a box; returns the box's body height. */
export function stack(heights: readonly number[]): { ys: number[]; height: number } {
  const ys: number[] = [];
  let y = 0;
  for (const h of heights) {
    ys.push(y);
    y += h + POD_GAP;
  }
  return { ys, height: heights.length ? y - POD_GAP : EMPTY_BOX_BODY };
}

/** Positions of children flowing left to right in rows of `perRow`; rows as tall as their tallest. */
export function flow(heights: readonly number[], perRow: number): { points: { x: number; y: number }[]; height: number } {
  const points: { x: number; y: number }[] = [];
  let y = 0;
  let rowHeight = 0;
  heights.forEach((h, i) => {
    const col = i % perRow;
    if (col === 0 && i > 0) {
      y += rowHeight + POD_GAP;
      rowHeight = 0;
    }
    points.push({ x: col * (POD_WIDTH + POD_GAP), y });
    rowHeight = Math.max(rowHeight, h);
  });
  return { points, height: y + rowHeight };
}

/** How many Pods fit in one row of a lane of this width. */
export function podsPerRow(width: number): number {
  return Math.max(1, Math.floor((width - 2 * BOX_PADDING + POD_GAP) / (POD_WIDTH + POD_GAP)));
}

/** Top-left corners of Node boxes in a grid; each row is as tall as its tallest box. */
export function grid(heights: readonly number[], columns: number, top: number): { points: { x: number; y: number }[]; bottom: number } {
  const points: { x: number; y: number }[] = [];
  let y = top;
  let rowHeight = 0;
  heights.forEach((h, i) => {
    const col = i % columns;
    if (col === 0 && i > 0) {
      y += rowHeight + NODE_GAP;
      rowHeight = 0;
    }
    points.push({ x: col * (NODE_WIDTH + NODE_GAP), y });
    rowHeight = Math.max(rowHeight, h);
  });
  return { points, bottom: y + rowHeight };
}

export function gridWidth(columns: number): number {
  return columns * NODE_WIDTH + (columns - 1) * NODE_GAP;
}
