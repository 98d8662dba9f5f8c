/**
 * The storage and configuration part of the graph for one snapshot: elements (memoized per object)
 * placed below the Node grid, or in their namespace's box when grouped, and their edges. Used by
 * projectGraph; pure like the rest of src/graph.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { ClusterView } from '../engine/api';
import { englishT, type Translate } from '../i18n/translate';
import type { NamespaceBand } from './namespacesLayout';
import type { Rect } from './placement';
import { collectResources, type ResourceItem, type ResourceSnapshot } from './storageCollect';
import { configEdges, createEdgeMemo, storageEdges } from './storageEdges';
import { placeClusterScoped, placeResourceArea, stackHeight, stackNamespaced, type PlacedResource } from './storageLayout';
import type { ConfigData, StorageData } from './storageTypes';
import type { GraphEdge } from './types';

export interface ResourceElement {
  id: string;
  type: 'storage' | 'config';
  data: StorageData | ConfigData;
  rect: Rect;
}

export type ResourceLayoutInput =
  | { grouped: false; top: number }
  | { grouped: true; top: number; bands: readonly NamespaceBand[]; resourceX: number };

export interface ResourcesFrame {
  /** Per namespace, the height of its column of claims, ConfigMaps and Secrets (grouped layout). */
  namespacedHeights(): Map<string, number>;
  /** Places the elements; `top` is where the area below the Node grid starts. */
  layout(input: ResourceLayoutInput): { elements: ResourceElement[]; width: number; height: number };
  /**
   * The storage and config edges after `base` (the same array when nothing changed). `podCentres`:
   * the absolute x of each drawn Pod's centre, by uid (an edge leaves a Pod on the side facing its card).
   */
  edges(drawnPods: ReadonlyMap<string, string>, podCentres: ReadonlyMap<string, number>, base: GraphEdge[]): GraphEdge[];
}

function namespacedItems(snapshot: ResourceSnapshot): Map<string, ResourceItem[]> {
  const out = new Map<string, ResourceItem[]>();
  for (const item of [...snapshot.claims, ...snapshot.configs]) {
    const ns = item.data.namespace ?? 'default';
    out.set(ns, [...(out.get(ns) ?? []), item]);
  }
  return out;
}

/** `t` words the cards, edge labels and accessible names (one projector per language; English by default). */
export function createResourcesProjector(t: Translate = englishT): { frame(view: ClusterView, pods: readonly Pod[], namespaceFilter: string | null): ResourcesFrame } {
  let memo = new Map<string, StorageData | ConfigData>();
  const edgeMemo = createEdgeMemo();
  let last: { base: GraphEdge[]; mine: GraphEdge[]; out: GraphEdge[] } | undefined;

  function frame(view: ClusterView, pods: readonly Pod[], namespaceFilter: string | null): ResourcesFrame {
    const next = new Map<string, StorageData | ConfigData>();
    const cached = <D extends StorageData | ConfigData>(key: string, make: () => D): D => {
      const data = (memo.get(key) as D | undefined) ?? make();
      next.set(key, data);
      return data;
    };
    const snapshot = collectResources(view, pods, namespaceFilter, { storage: cached, config: cached, t });
    memo = next;
    const byNamespace = namespacedItems(snapshot);
    let drawn = new Set<string>();
    let centres = new Map<string, number>(); // x of each placed card's centre
    let grouped = false;

    return {
      namespacedHeights: () => new Map([...byNamespace].map(([ns, items]) => [ns, stackHeight(items)])),
      layout(input) {
        grouped = input.grouped;
        let placed: PlacedResource[];
        let width: number;
        let height: number;
        if (!input.grouped) {
          ({ placed, width, height } = placeResourceArea(snapshot, input.top));
        } else {
          const area = placeClusterScoped(snapshot, input.resourceX, input.top);
          placed = [...area.placed];
          for (const band of input.bands) placed.push(...stackNamespaced(byNamespace.get(band.namespace) ?? [], input.resourceX, band.contentTop));
          ({ width, height } = area);
        }
        drawn = new Set(placed.map((p) => p.item.id));
        centres = new Map(placed.map((p) => [p.item.id, p.rect.x + p.rect.width / 2]));
        return { elements: placed.map((p) => ({ id: p.item.id, type: p.item.type, data: p.item.data, rect: p.rect })), width, height };
      },
      edges(drawnPods, podCentres, base) {
        const side = (podUid: string, card: string): 'left' | 'right' =>
          (centres.get(card) ?? 0) < (podCentres.get(podUid) ?? 0) ? 'left' : 'right';
        const input = { snapshot, drawnPods, drawn, grouped, side, t };
        storageEdges(input, edgeMemo);
        configEdges(input, edgeMemo);
        const mine = edgeMemo.finish();
        if (!mine.length) return base;
        if (last && last.base === base && last.mine === mine) return last.out;
        last = { base, mine, out: [...base, ...mine] };
        return last.out;
      },
    };
  }

  return { frame };
}
