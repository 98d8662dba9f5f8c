import { useCallback, useMemo, useState } from 'react';
import { MarkerType } from '@xyflow/react';
import type { ClusterGraph, GraphEdge } from '../../../graph/types';
import { englishT, type Translate } from '../../../i18n/translate';
import { useT } from '../../../i18n/useT';
import type { FlowEdge } from './GraphEdges';
import { resourceEdgeColour } from '../StorageNode';

/** Which kinds of edges the canvas draws (the toolbar's switches). */
export interface EdgeToggles {
  ownership: boolean;
  endpoints: boolean;
}

export function useEdgeToggles(): [EdgeToggles, (key: keyof EdgeToggles, on: boolean) => void] {
  const [toggles, setToggles] = useState<EdgeToggles>({ ownership: true, endpoints: true });
  const set = useCallback((key: keyof EdgeToggles, on: boolean) => setToggles((t) => ({ ...t, [key]: on })), []);
  return [toggles, set];
}

const MARKER_COLOURS: Record<string, string> = {
  owns: '#64748b', ready: '#0284c7', notReady: '#d97706', terminating: '#94a3b8',
};

/** `t` words the edge's role description (React Flow's own is English). */
export function toFlowEdge(e: GraphEdge, t: Translate = englishT): FlowEdge {
  const colour = e.data?.relation === 'storage' || e.data?.relation === 'config' ? resourceEdgeColour(e.data)
    : MARKER_COLOURS[e.data?.relation === 'endpoint' ? e.data.state : 'owns'];
  return {
    id: e.id,
    source: e.source,
    target: e.target,
    type: e.type,
    ...(e.sourceHandle ? { sourceHandle: e.sourceHandle } : {}),
    ...(e.targetHandle ? { targetHandle: e.targetHandle } : {}),
    ...(e.label ? { label: e.label } : {}),
    data: e.data,
    ariaLabel: e.ariaLabel,
    domAttributes: { 'aria-roledescription': t('canvas.roleEdge') },
    markerEnd: { type: MarkerType.ArrowClosed, color: colour, width: 14, height: 14 },
    selectable: false,
    focusable: false,
    deletable: false,
  } as FlowEdge;
}

/**
 * React Flow edges for the graph, filtered by the toggles. Unchanged graph edges map to the same
 * React Flow edge objects, so React Flow redraws only edges that changed.
 */
export function useCanvasEdges(graph: ClusterGraph, toggles: EdgeToggles): FlowEdge[] {
  const t = useT();
  // one cache per language: a cached edge carries its words
  const cache = useMemo(() => ({ t, edges: new WeakMap<GraphEdge, FlowEdge>() }), [t]);
  return useMemo(() => {
    const out: FlowEdge[] = [];
    for (const e of graph.edges) {
      const relation = e.data?.relation;
      if ((relation === 'owns' && !toggles.ownership) || (relation === 'endpoint' && !toggles.endpoints)) continue;
      let flow = cache.edges.get(e);
      if (!flow) {
        flow = toFlowEdge(e, cache.t);
        cache.edges.set(e, flow);
      }
      out.push(flow);
    }
    return out;
  }, [graph.edges, toggles, cache]);
}
