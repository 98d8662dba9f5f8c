/**
 * The Node grid grouped by namespace: Nodes side by side in one row, and across them one band per
 * namespace, holding that namespace's Pods on each Node and, in a column on the right, its claims,
 * ConfigMaps and Secrets. Within a band a Node's Pods stack as usual; every Node box gives a band
 * the same height, so a namespace reads as one row across the cluster. Namespaces are in name
 * order (like `kubectl get namespaces`); the Unscheduled lane above is not grouped.
 */
import { BOX_PADDING, EMPTY_BOX_BODY, NODE_GAP, NODE_HEADER, NODE_WIDTH, POD_WIDTH, podHeight, stack } from './layout';
import { place, type Placement, type Rect, type Shape } from './placement';
import { RESOURCE_COLUMN_GAP, NAMESPACED_COLUMN_WIDTH } from './storageLayout';

/** The label row at the top of each band. */
export const NS_LABEL = 30;
export const NS_BOTTOM = 10;
export const NS_GAP = 14;
export const NS_TOP = 18;
/** How far a band reaches past the Node boxes on the left and right. */
export const NS_OVERHANG = 10;

export interface NamespacedShape extends Shape {
  namespace: string;
}

export interface NamespaceBand {
  namespace: string;
  /** Absolute (before the workloads band offset). */
  rect: Rect;
  /** Top of the band's content (its Pods and its resource column), absolute. */
  contentTop: number;
}

export interface GroupedPlacement extends Placement {
  bands: NamespaceBand[];
  /** x of the column of claims, ConfigMaps and Secrets. */
  resourceX: number;
}

/**
 * `resourceHeights`: per namespace, the height of its column of claims, ConfigMaps and Secrets
 * (namespaces with only those get a band too).
 */
export function placeByNamespace(
  unscheduled: readonly Shape[], perNode: readonly (readonly NamespacedShape[])[], allPods: Iterable<Shape>,
  resourceHeights: ReadonlyMap<string, number>,
): GroupedPlacement {
  const base = place(unscheduled, perNode, allPods);
  const gridTop = base.boxes[0]?.rect.y ?? base.lane.height + 2 * BOX_PADDING + 16;
  const gridWidth = perNode.length ? perNode.length * NODE_WIDTH + (perNode.length - 1) * NODE_GAP : 0;
  const hasResources = [...resourceHeights.values()].some((h) => h > 0);
  const resourceX = gridWidth ? gridWidth + RESOURCE_COLUMN_GAP : 0;
  const right = hasResources ? resourceX + NAMESPACED_COLUMN_WIDTH : gridWidth;

  const namespaces = [...new Set([...perNode.flatMap((pods) => pods.map((p) => p.namespace)), ...resourceHeights.keys()])].sort();
  const podRects: Rect[][] = perNode.map(() => []);
  const bands: NamespaceBand[] = [];
  // Below the Node header, with room for its "No Pods on this Node" line.
  let cursor = NODE_HEADER + NS_TOP;
  for (const ns of namespaces) {
    const stacks = perNode.map((pods) => {
      const mine = pods.map((p, i) => ({ p, i })).filter(({ p }) => p.namespace === ns);
      const heights = mine.map(({ p }) => podHeight({ ...p, withReason: false }));
      return { mine, heights, ...stack(heights) };
    });
    const podsHeight = Math.max(0, ...stacks.map((s) => (s.mine.length ? s.height : 0)));
    const content = Math.max(podsHeight, resourceHeights.get(ns) ?? 0);
    const height = NS_LABEL + content + NS_BOTTOM;
    stacks.forEach((s, n) => s.mine.forEach(({ i }, j) => {
      podRects[n][i] = { x: BOX_PADDING, y: cursor + NS_LABEL + s.ys[j], width: POD_WIDTH, height: s.heights[j] };
    }));
    bands.push({
      namespace: ns,
      rect: { x: -NS_OVERHANG, y: gridTop + cursor, width: right + 2 * NS_OVERHANG, height },
      contentTop: gridTop + cursor + NS_LABEL,
    });
    cursor += height + NS_GAP;
  }
  const boxHeight = (namespaces.length ? cursor - NS_GAP : NODE_HEADER + EMPTY_BOX_BODY) + BOX_PADDING;
  const boxes = perNode.map((_, n) => ({
    rect: { x: n * (NODE_WIDTH + NODE_GAP), y: gridTop, width: NODE_WIDTH, height: boxHeight },
    pods: podRects[n],
  }));
  const bottom = perNode.length || bands.length ? gridTop + boxHeight : base.lane.height;
  return { ...base, width: Math.max(base.width, right), height: bottom, boxes, bands, resourceX };
}
