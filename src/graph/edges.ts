/**
 * Edges of the graph: ownership (owner → owned, from ownerReferences) and Service endpoints
 * (Service → Pod, from EndpointSlices). Edges come back as the same objects while they show the
 * same thing, and the list itself is the same array when no edge changed, so the canvas redraws
 * only what changed.
 */
import { englishT, type Translate } from '../i18n/translate';
import type { EndpointState, GraphEdge } from './types';

/** Handles a Pod card has: owners arrive on its left half, Services on its right half. */
export const POD_OWNER_HANDLE = 'owner';
export const POD_ENDPOINT_HANDLE = 'endpoint';

function stateText(state: EndpointState, t: Translate): string {
  if (state === 'ready') return t('common.ready');
  return state === 'notReady' ? t('common.notReady') : t('common.terminating');
}

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

/** `t` words the edges' accessible names (English by default). */
export function createEdgeBuilder(t: Translate = englishT): EdgeBuilder {
  let previous = new Map<string, GraphEdge>();
  let previousList: GraphEdge[] = [];
  let next = new Map<string, GraphEdge>();
  let list: GraphEdge[] = [];

  /** Keeps the previous edge of this id when `same` says it shows the same; else makes a new one. */
  function add(id: string, same: (old: GraphEdge) => boolean, make: () => GraphEdge): void {
    if (next.has(id)) return;
    const old = previous.get(id);
    const kept = old && same(old) ? old : make();
    next.set(id, kept);
    list.push(kept);
  }

  return {
    owns(source, target, ownerText, ownedText, ownedIsPod) {
      // Element ids carry kind, name and uid, so an edge of the same id always reads the same.
      const id = ownershipEdgeId(source, target);
      add(id, () => true, () => ({
        id, source, target, type: 'ownership',
        ...(ownedIsPod ? { targetHandle: POD_OWNER_HANDLE } : {}),
        data: { relation: 'owns' }, ariaLabel: t('graph.owns', { owner: ownerText, owned: ownedText }),
      }));
    },
    endpoint(source, target, serviceName, podName, state) {
      const id = endpointEdgeId(source, target);
      add(id, (old) => old.data?.relation === 'endpoint' && old.data.state === state, () => ({
        id, source, target, type: 'endpoint', targetHandle: POD_ENDPOINT_HANDLE,
        data: { relation: 'endpoint', state }, ariaLabel: t('graph.routesTo', { service: serviceName, pod: podName, state: stateText(state, t) }),
      }));
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
