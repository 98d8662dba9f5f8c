import { Background, Controls, MiniMap, ReactFlow, ViewportPortal, type NodeTypes } from '@xyflow/react';
import { edgeTypes } from './edges/GraphEdges';
import { useCanvasEdges, useEdgeToggles } from './edges/useCanvasEdges';
import type { FlowNode } from './flowNodes';
import { GraphToolbar } from './GraphToolbar';
import { NodeBox } from './NodeBox';
import { PodNode } from './PodNode';
import { ServiceNode } from './ServiceNode';
import { UnscheduledLane } from './UnscheduledLane';
import { WorkloadNode } from './WorkloadNode';
import { FIT_VIEW_OPTIONS, useAutoFit } from './useAutoFit';
import { useCanvasNodes, useClusterGraph } from './useCanvasNodes';
import { TrafficLayer } from '../network/TrafficLayer';
import './canvas.css';

const nodeTypes: NodeTypes = { k8sNode: NodeBox, pod: PodNode, lane: UnscheduledLane, workload: WorkloadNode, service: ServiceNode };

const MINIMAP_COLOURS: Record<string, string> = {
  running: '#10b981', pending: '#f59e0b', failed: '#f43f5e', succeeded: '#0ea5e9', terminating: '#94a3b8', unknown: '#94a3b8',
};

/** React Flow's default texts mention deleting and moving nodes, which the canvas does not allow. */
const ARIA_TEXT = {
  'node.a11yDescription.default': 'Press Enter or Space to inspect it, Escape to clear the selection.',
  'node.a11yDescription.keyboardDisabled': 'Press Enter or Space to inspect it, Escape to clear the selection.',
  'controls.ariaLabel': 'Zoom controls',
  'controls.zoomIn.ariaLabel': 'Zoom in',
  'controls.zoomOut.ariaLabel': 'Zoom out',
  'controls.fitView.ariaLabel': 'Fit view',
};

function minimapColour(node: FlowNode): string {
  if (node.type === 'pod') return MINIMAP_COLOURS[node.data.tone];
  if (node.type === 'lane') return '#fef3c7';
  if (node.type === 'workload') return MINIMAP_COLOURS[node.data.tone];
  if (node.type === 'service') return '#0284c7';
  return '#e2e8f0';
}

/**
 * The cluster as a graph: Nodes as boxes holding their Pods, the Unscheduled lane above them.
 * Workloads and Services sit in a band above, linked by ownership and endpoint edges (toggled in
 * the toolbar). The view follows the cluster as it grows until the learner pans or zooms. Click
 * (or focus and press Enter on) a Pod, Node, workload or Service to inspect it.
 */
export function Canvas() {
  const graph = useClusterGraph();
  const { nodes, onNodesChange } = useCanvasNodes(graph);
  const { onInit, onMoveStart, onFitView } = useAutoFit(graph);
  const [edgeToggles, setEdgeToggle] = useEdgeToggles();
  const edges = useCanvasEdges(graph, edgeToggles);
  return (
    <div className="kp-flow flex h-full w-full flex-col" aria-label="Cluster graph" role="region">
      <GraphToolbar toggles={edgeToggles} onToggle={setEdgeToggle} />
      <div className="min-h-0 flex-1">
      <ReactFlow<FlowNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        edgesFocusable={false}
        onNodesChange={onNodesChange}
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
        ariaLabelConfig={ARIA_TEXT}
      >
        <Background gap={24} size={1} color="#cbd5e1" />
        <Controls showInteractive={false} position="bottom-left" fitViewOptions={FIT_VIEW_OPTIONS} onFitView={onFitView} />
        <MiniMap<FlowNode>
          pannable
          zoomable
          nodeColor={minimapColour}
          ariaLabel="Cluster minimap"
          position="bottom-right"
          style={{ width: 140, height: 90 }}
        />
        {/* request-rate badges and the Step's sampled requests, in flow coordinates */}
        <ViewportPortal><TrafficLayer graph={graph} /></ViewportPortal>
      </ReactFlow>
      </div>
    </div>
  );
}
