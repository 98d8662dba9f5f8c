import { useCallback, useEffect, useRef } from 'react';
import type { OnMoveStart, ReactFlowInstance } from '@xyflow/react';
import type { ClusterGraph } from '../../graph/types';
import type { FlowNode } from './flowNodes';

export const FIT_VIEW_OPTIONS = { padding: 0.06, maxZoom: 1 };

/**
 * Keeps the whole cluster in view as it grows (Pods landing, Nodes added), until the learner pans
 * or zooms; "Fit view" hands the view back to the canvas. Refits only when the graph's size
 * changes, so nothing moves on Steps that change no size.
 */
export function useAutoFit(graph: ClusterGraph) {
  const instance = useRef<ReactFlowInstance<FlowNode> | null>(null);
  const userMoved = useRef(false);
  const { width, height } = graph;

  useEffect(() => {
    if (!instance.current || userMoved.current) return;
    // After React Flow has the new nodes (the effect that sets them runs in the same commit).
    const frame = requestAnimationFrame(() => {
      void instance.current?.fitView({ ...FIT_VIEW_OPTIONS, duration: 300 });
    });
    return () => cancelAnimationFrame(frame);
  }, [width, height]);

  const onInit = useCallback((flow: ReactFlowInstance<FlowNode>) => {
    instance.current = flow;
  }, []);
  const onMoveStart: OnMoveStart = useCallback((event) => {
    if (event) userMoved.current = true; // programmatic moves (fitView) come without an event
  }, []);
  const onFitView = useCallback(() => {
    userMoved.current = false;
  }, []);
  return { onInit, onMoveStart, onFitView };
}
