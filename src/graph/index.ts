/** The cluster graph: pure projection of a ClusterView into React-Flow-shaped nodes and edges. */
export { createGraphProjector, projectGraph, type GraphProjector, type ProjectOptions } from './projectGraph';
export { laneId, matchesRef, nodeId, podId, refOf } from './ids';
export * from './layout';
export { place, type Placement, type Rect } from './placement';
export type * from './types';
