import { useEffect, useMemo, useRef } from 'react';
import { Background, Controls, MiniMap, ReactFlow, ViewportPortal, useReactFlow, type NodeTypes } from '@xyflow/react';
import { usePlayground } from '../../store';
import type { Translate } from '../../i18n/types';
import { useT } from '../../i18n/useT';
import { edgeTypes as graphEdgeTypes } from './edges/GraphEdges';
import { useCanvasEdges, useEdgeToggles } from './edges/useCanvasEdges';
import type { FlowNode } from './flowNodes';
import { GraphToolbar } from './GraphToolbar';
import { NodeBox } from './NodeBox';
import { PodNode } from './PodNode';
import { ServiceNode } from './ServiceNode';
import { UnscheduledLane } from './UnscheduledLane';
import { WorkloadNode } from './WorkloadNode';
import { FIT_VIEW_OPTIONS, useAutoFit } from './useAutoFit';
import { useCanvasNodes } from './useCanvasNodes';
import { ConfigEdge, ConfigNode } from './ConfigNode';
import { StorageEdge, StorageNode } from './StorageNode';
import { NamespaceBox } from '../namespaces/NamespaceBox';
import { useNamespaceGraph } from '../namespaces/useNamespaceGraph';
import { GroupByNamespaceSwitch } from '../namespaces/NamespaceControls';
import { TrafficLayer } from '../network/TrafficLayer';
import { FaultMenu } from '../faults/FaultMenu';
import { useFaultMenu } from '../faults/useFaultMenu';
import './canvas.css';

const nodeTypes: NodeTypes = {
  k8sNode: NodeBox, pod: PodNode, lane: UnscheduledLane, workload: WorkloadNode, service: ServiceNode,
  storage: StorageNode, config: ConfigNode, namespace: NamespaceBox,
};
const edgeTypes = { ...graphEdgeTypes, storage: StorageEdge, config: ConfigEdge };

const MINIMAP_COLOURS: Record<string, string> = {
  running: '#10b981', pending: '#f59e0b', failed: '#f43f5e', succeeded: '#0ea5e9', terminating: '#94a3b8', unknown: '#94a3b8',
};

/** React Flow's default texts mention deleting and moving nodes, which the canvas does not allow. */
function ariaText(t: Translate) {
  return {
    'node.a11yDescription.default': t('canvas.nodeHelp'),
    'node.a11yDescription.keyboardDisabled': t('canvas.nodeHelp'),
    'controls.ariaLabel': t('canvas.zoomControls'),
    'controls.zoomIn.ariaLabel': t('canvas.zoomIn'),
    'controls.zoomOut.ariaLabel': t('canvas.zoomOut'),
    'controls.fitView.ariaLabel': t('canvas.fitView'),
    'minimap.ariaLabel': t('canvas.minimap'),
  };
}

function minimapColour(node: FlowNode): string {
  if (node.type === 'pod') return MINIMAP_COLOURS[node.data.tone];
  if (node.type === 'lane') return '#fef3c7';
  if (node.type === 'workload') return MINIMAP_COLOURS[node.data.tone];
  if (node.type === 'service') return '#0284c7';
  if (node.type === 'storage') return '#8b5cf6';
  if (node.type === 'config') return node.data.kind === 'Secret' ? '#e11d48' : '#d97706';
  if (node.type === 'namespace') return 'transparent';
  return '#e2e8f0';
}

/** Refits the view when presentation mode folds the editor away or back: the pane resizes, the graph does not. */
function FitOnPresentation() {
  const presenting = usePlayground((s) => s.presentation);
  const flow = useReactFlow();
  const initial = useRef(presenting);
  useEffect(() => {
    if (presenting === initial.current) return;
    initial.current = presenting;
    const timer = setTimeout(() => void flow.fitView({ ...FIT_VIEW_OPTIONS, duration: 300 }), 80); // after React Flow measured the new size
    return () => clearTimeout(timer);
  }, [presenting, flow]);
  return null;
}

/**
 * The cluster as a graph: Nodes as boxes holding their Pods, the Unscheduled lane above them.
 * Workloads and Services sit in a band above, linked by ownership and endpoint edges (toggled in
 * the toolbar). The view follows the cluster as it grows until the learner pans or zooms. Click
 * (or focus and press Enter on) a Pod, Node, workload or Service to inspect it.
 */
export function Canvas() {
  const t = useT();
  const ariaLabelConfig = useMemo(() => ariaText(t), [t]);
  const graph = useNamespaceGraph();
  const { nodes, onNodesChange } = useCanvasNodes(graph);
  const { onInit, onMoveStart, onFitView } = useAutoFit(graph);
  const [edgeToggles, setEdgeToggle] = useEdgeToggles();
  const edges = useCanvasEdges(graph, edgeToggles);
  const faults = useFaultMenu(graph);
  return (
    <div className="kp-flow flex h-full w-full flex-col" aria-label={t('canvas.region')} role="region" onKeyDown={faults.onKeyDown}>
      <div className="flex shrink-0">
        <div className="min-w-0 flex-1"><GraphToolbar toggles={edgeToggles} onToggle={setEdgeToggle} /></div>
        <div className="flex h-9 shrink-0 items-center border-b border-slate-200 bg-white/90 pr-2"><GroupByNamespaceSwitch /></div>
      </div>
      <div className="min-h-0 flex-1">
      <ReactFlow<FlowNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        edgesFocusable={false}
        onNodesChange={onNodesChange}
        onNodeContextMenu={faults.onNodeContextMenu}
        onPaneContextMenu={faults.onPaneContextMenu}
        nodesDraggable={false}
        nodesConnectable={false}
        onInit={onInit}
        onMoveStart={onMoveStart}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.05}
        maxZoom={2}
        zoomOnDoubleClick={false}
        deleteKeyCode={null}
        ariaLabelConfig={ariaLabelConfig}
      >
        <Background gap={24} size={1} color="#cbd5e1" />
        <Controls showInteractive={false} position="bottom-left" fitViewOptions={FIT_VIEW_OPTIONS} onFitView={onFitView} />
        <MiniMap<FlowNode>
          pannable
          zoomable
          nodeColor={minimapColour}
          ariaLabel={t('canvas.minimap')}
          position="bottom-right"
          style={{ width: 140, height: 90 }}
        />
        {/* request-rate badges and the Step's sampled requests, in flow coordinates */}
        <ViewportPortal><TrafficLayer graph={graph} /></ViewportPortal>
        <FitOnPresentation />
      </ReactFlow>
      </div>
      {faults.menu && <FaultMenu state={faults.menu} onClose={faults.close} />}
    </div>
  );
}
