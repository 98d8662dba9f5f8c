/**
 * Edges of the graph: ownership (owner → owned, from ownerReferences) and Service endpoints
 * (Service → Pod, from EndpointSlices). Edges come back as the same objects while they show the
 * same thing, and the list itself is the same array when no edge changed, so the canvas redraws
 * only what changed.
 */
import type { EndpointState, GraphEdge } from './types';

/** Handles a Pod card has: owners arrive on its left half, Services on its right half. */
export const POD_OWNER_HANDLE = 'owner';
export const POD_ENDPOINT_HANDLE = 'endpoint';

const STATE_TEXT: Record<EndpointState, string> = { ready: 'ready', notReady: 'not ready', terminating: 'terminating' };

export function ownershipEdgeId(source: string, target: string): string {
  return `owns:${source}>${target}`;
}

export function endpointEdgeId(source: string, target: string): string {
  return `endpoint:${source}>${target}`;
}

export interface EdgeBuilder {
  /** `owner` owns `owned`; `ownedIsPod` picks the Pod's owner handle. */
  owns(source: string, target: string, ownerText: string, ownedText: string, ownedIsPod: boolean): void;
  endpoint(source: string, target: string, serviceName: string, podName: string, state: EndpointState): void;
  /** The edges added since the last `finish()`, reusing unchanged ones. */
  finish(): GraphEdge[];
}

export function createEdgeBuilder(): EdgeBuilder {
  let previous = new Map<string, GraphEdge>();
  let previousList: GraphEdge[] = [];
  let next = new Map<string, GraphEdge>();
  let list: GraphEdge[] = [];

  function add(edge: GraphEdge, same: (old: GraphEdge) => boolean): void {
    if (next.has(edge.id)) return;
    const old = previous.get(edge.id);
    const kept = old && same(old) ? old : edge;
    next.set(edge.id, kept);
    list.push(kept);
  }

  return {
    owns(source, target, ownerText, ownedText, ownedIsPod) {
      const ariaLabel = `${ownerText} owns ${ownedText}`;
      add({
        id: ownershipEdgeId(source, target), source, target, type: 'ownership',
        ...(ownedIsPod ? { targetHandle: POD_OWNER_HANDLE } : {}),
        data: { relation: 'owns' }, ariaLabel,
      }, (old) => old.ariaLabel === ariaLabel);
    },
    endpoint(source, target, serviceName, podName, state) {
      const ariaLabel = `Service ${serviceName} routes to Pod ${podName}, ${STATE_TEXT[state]}`;
      add({
        id: endpointEdgeId(source, target), source, target, type: 'endpoint', targetHandle: POD_ENDPOINT_HANDLE,
        data: { relation: 'endpoint', state }, ariaLabel,
      }, (old) => old.ariaLabel === ariaLabel);
    },
    finish() {
      const unchanged = list.length === previousList.length && list.every((e, i) => e === previousList[i]);
      const out = unchanged ? previousList : list;
      previous = next;
      previousList = out;
      next = new Map();
      list = [];
      return out;
    },
  };
}
