/**
 * Graph nodes → React Flow nodes: adds the selection, the known size as `measured` (our sizes are
 * exact, so React Flow need not wait for a measurement), and the wrapper's ARIA attributes.
 * Unchanged graph nodes map to the same React Flow node objects.
 */
import type { GraphNode } from '../../graph/types';
import { englishT, type Translate } from '../../i18n/translate';
import type { LaneFlowNode } from './UnscheduledLane';
import type { NodeFlowNode } from './NodeBox';
import type { PodFlowNode } from './PodNode';
import type { ServiceFlowNode } from './ServiceNode';
import type { WorkloadFlowNode } from './WorkloadNode';
import type { ConfigFlowNode } from './ConfigNode';
import type { StorageFlowNode } from './StorageNode';
import type { NamespaceFlowNode } from '../namespaces/NamespaceBox';

export type FlowNode = PodFlowNode | NodeFlowNode | LaneFlowNode | WorkloadFlowNode | ServiceFlowNode
  | StorageFlowNode | ConfigFlowNode | NamespaceFlowNode;

/** Role descriptions in the UI's language (a storage or config card's is its kind, as Kubernetes spells it). */
function domAttributes(n: GraphNode, selected: boolean, t: Translate): FlowNode['domAttributes'] {
  if (n.type === 'pod') return { 'aria-roledescription': t('canvas.rolePod'), 'aria-pressed': selected };
  if (n.type === 'workload' || n.type === 'service') {
    return { 'aria-roledescription': n.type === 'service' ? t('canvas.roleService') : t('canvas.roleWorkload'), 'aria-pressed': selected };
  }
  if (n.type === 'storage' || n.type === 'config') return { 'aria-roledescription': n.data.kind, 'aria-pressed': selected };
  if (n.type === 'namespace') return { 'aria-roledescription': t('canvas.roleNamespace') };
  if (n.type === 'k8sNode') return { 'aria-roledescription': t('canvas.roleNode'), ...(selected ? { 'aria-current': true } : {}) };
  return { 'aria-roledescription': t('canvas.roleLane') };
}

export function toFlowNode(n: GraphNode, selected: boolean, t: Translate = englishT): FlowNode {
  return {
    id: n.id,
    type: n.type,
    position: n.position,
    width: n.width,
    height: n.height,
    measured: { width: n.width, height: n.height },
    ...(n.parentId ? { parentId: n.parentId } : {}),
    // Workload and Service cards sit above the edges that pass them on the way to the Pods.
    ...(n.type === 'workload' || n.type === 'service' || n.type === 'storage' || n.type === 'config' ? { zIndex: 2 } : {}),
    // Namespace boxes lie over the Node boxes and under the Pods (which come later at the same z).
    ...(n.type === 'namespace' ? { zIndex: 1 } : {}),
    data: n.data,
    ariaLabel: n.ariaLabel,
    ariaRole: n.ariaRole,
    selectable: n.selectable,
    focusable: n.selectable,
    draggable: false,
    connectable: false,
    selected,
    domAttributes: domAttributes(n, selected, t),
  } as FlowNode;
}

/** Memoizes toFlowNode per graph node object and selection state. */
export function createFlowNodeCache(t: Translate = englishT): (n: GraphNode, selected: boolean) => FlowNode {
  const cache = new WeakMap<GraphNode, { selected: boolean; flow: FlowNode }>();
  return (n, selected) => {
    const hit = cache.get(n);
    if (hit && hit.selected === selected) return hit.flow;
    const flow = toFlowNode(n, selected, t);
    cache.set(n, { selected, flow });
    return flow;
  };
}
