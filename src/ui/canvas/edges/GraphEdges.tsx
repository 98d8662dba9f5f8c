import { memo } from 'react';
import { BaseEdge, getBezierPath, type Edge, type EdgeProps } from '@xyflow/react';
import type { EdgeData } from '../../../graph/types';
import './edges.css';

export type OwnershipFlowEdge = Edge<Extract<EdgeData, { relation: 'owns' }>, 'ownership'>;
export type EndpointFlowEdge = Edge<Extract<EdgeData, { relation: 'endpoint' }>, 'endpoint'>;
export type FlowEdge = OwnershipFlowEdge | EndpointFlowEdge;

type PathProps = Pick<EdgeProps, 'sourceX' | 'sourceY' | 'targetX' | 'targetY' | 'sourcePosition' | 'targetPosition'>;

function path(p: PathProps): string {
  return getBezierPath(p)[0];
}

/** owner → owned (from the owned object's controller ownerReference). */
export const OwnershipEdge = memo(function OwnershipEdge(props: EdgeProps<OwnershipFlowEdge>) {
  return <BaseEdge id={props.id} path={path(props)} markerEnd={props.markerEnd} interactionWidth={0} className="kp-edge kp-edge-owns" />;
});

/** Service → Pod (an endpoint of one of its EndpointSlices): ready solid, not ready dashed, terminating fading. */
export const EndpointEdge = memo(function EndpointEdge(props: EdgeProps<EndpointFlowEdge>) {
  const state = props.data?.state ?? 'ready';
  return <BaseEdge id={props.id} path={path(props)} markerEnd={props.markerEnd} interactionWidth={0} className={`kp-edge kp-edge-${state}`} />;
});

export const edgeTypes = { ownership: OwnershipEdge, endpoint: EndpointEdge };
