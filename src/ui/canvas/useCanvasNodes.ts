import { useCallback, useEffect, useMemo } from 'react';
import { useNodesState, type NodeChange } from '@xyflow/react';
import { createGraphProjector } from '../../graph/projectGraph';
import { matchesRef, refOf } from '../../graph/ids';
import type { ClusterGraph, GraphNode } from '../../graph/types';
import { useT } from '../../i18n/useT';
import { usePlayground, useView } from '../../store';
import { createFlowNodeCache, type FlowNode } from './flowNodes';

/** The graph of the Step at the cursor, memoized per canvas across Steps. */
export function useClusterGraph(): ClusterGraph {
  const view = useView();
  const t = useT();
  const projector = useMemo(() => createGraphProjector({ t }), [t]);
  return useMemo(() => projector.project(view), [projector, view]);
}

/**
 * React Flow nodes for the graph, driven through useNodesState/onNodesChange. Selection lives in
 * the store: a click or Enter on a Pod/Node selects it there, and the store's selection is what is
 * highlighted (so the inspector and the canvas always agree).
 */
export function useCanvasNodes(graph: ClusterGraph) {
  const selection = usePlayground((s) => s.selection);
  const select = usePlayground((s) => s.select);
  const t = useT();
  const toFlow = useMemo(() => createFlowNodeCache(t), [t]);
  const derived = useMemo(
    () => graph.nodes.map((n) => toFlow(n, matchesRef(n, selection))),
    [graph, selection, toFlow],
  );
  const [nodes, setNodes, applyChanges] = useNodesState<FlowNode>(derived);
  useEffect(() => setNodes(derived), [derived, setNodes]);
  const byId = useMemo(() => new Map<string, GraphNode>(graph.nodes.map((n) => [n.id, n])), [graph]);

  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => {
    const picked = changes.find((c) => c.type === 'select' && c.selected);
    if (picked) {
      const node = byId.get(picked.type === 'select' ? picked.id : '');
      const ref = node && refOf(node);
      if (ref) select(ref);
    } else if (changes.some((c) => c.type === 'select' && !c.selected && isSelected(byId.get(c.id), selection))) {
      select(null); // Escape, or a click on the empty pane
    }
    const rest = changes.filter((c) => c.type !== 'select');
    if (rest.length) applyChanges(rest);
  }, [applyChanges, byId, select, selection]);

  return { nodes, onNodesChange };
}

function isSelected(node: GraphNode | undefined, selection: Parameters<typeof matchesRef>[1]): boolean {
  return node !== undefined && matchesRef(node, selection);
}
