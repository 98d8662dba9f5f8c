import { useCallback, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { ClusterGraph } from '../../graph/types';
import type { FaultMenuState } from './FaultMenu';
import type { FaultTarget } from './faultItems';

/** The fault target of a graph node (Pods and Nodes have menus; a container row narrows a Pod's). */
function targetOf(graph: ClusterGraph, id: string, container?: string): FaultTarget | undefined {
  const n = graph.nodes.find((g) => g.id === id);
  const data = n?.data;
  if (data?.kind === 'Pod') return { type: 'pod', name: data.name, namespace: data.namespace, ...(container ? { container } : {}) };
  if (data?.kind === 'Node') return { type: 'node', name: data.name };
  return undefined;
}

const containerOf = (el: Element | null): string | undefined =>
  el?.closest<HTMLElement>('[data-container]')?.dataset.container;

/**
 * Opens the fault menu of the canvas: right-click on a Pod (or one of its containers), a Node or
 * the background, or the ContextMenu key / Shift+F10 on a focused one.
 */
export function useFaultMenu(graph: ClusterGraph) {
  const [menu, setMenu] = useState<FaultMenuState | null>(null);
  const close = useCallback(() => setMenu(null), []);

  const onNodeContextMenu = useCallback((e: MouseEvent, node: { id: string }) => {
    const target = targetOf(graph, node.id, containerOf(e.target as Element));
    if (!target) return;
    e.preventDefault();
    setMenu({ target, x: e.clientX, y: e.clientY, returnFocus: (e.target as Element).closest<HTMLElement>('.react-flow__node') });
  }, [graph]);

  const onPaneContextMenu = useCallback((e: MouseEvent | globalThis.MouseEvent) => {
    e.preventDefault();
    setMenu({ target: { type: 'canvas' }, x: e.clientX, y: e.clientY });
  }, []);

  const onKeyDown = useCallback((e: KeyboardEvent) => {
    if (!(e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10'))) return;
    const el = e.target as HTMLElement;
    const flowNode = el.closest<HTMLElement>('.react-flow__node');
    const target: FaultTarget | undefined = flowNode?.dataset.id ? targetOf(graph, flowNode.dataset.id) : { type: 'canvas' };
    if (!target) return;
    e.preventDefault();
    const r = (flowNode ?? el).getBoundingClientRect();
    setMenu({ target, x: r.left + Math.min(24, r.width / 2), y: r.top + Math.min(24, r.height / 2), returnFocus: flowNode ?? el });
  }, [graph]);

  return { menu, close, onNodeContextMenu, onPaneContextMenu, onKeyDown };
}
