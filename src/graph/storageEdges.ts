/**
 * Edges of the storage and configuration part: Pod volume → its claim, claim → its volume (drawn
 * in when the binding happens: a new edge id per link state), volume → its class, a waiting claim
 * → its class; ConfigMap or Secret → the Pod volume or the container env that reads it. Edges are
 * the same objects while they show the same thing.
 */
import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { Translate } from '../i18n/translate';
import { classOf } from './storage';
import { containerHandleId, volumeHandleId } from './storageMounts';
import type { ResourceSnapshot } from './storageCollect';
import type { StorageLink } from './storageTypes';
import type { GraphEdge } from './types';

/** Handles on storage and config cards. */
export const CARD_HANDLES = { inTop: 'in-top', inLeft: 'in-left', outRight: 'out-right', outBottom: 'out-bottom', outTop: 'out-top', outLeft: 'out-left' } as const;

export interface EdgeMemo {
  add(edge: GraphEdge): void;
  finish(): GraphEdge[];
}

/** Keeps an edge object while an edge of the same id reads the same (label and data). */
export function createEdgeMemo(): EdgeMemo {
  let previous = new Map<string, GraphEdge>();
  let next = new Map<string, GraphEdge>();
  let previousList: GraphEdge[] = [];
  let list: GraphEdge[] = [];
  return {
    add(edge) {
      if (next.has(edge.id)) return;
      const old = previous.get(edge.id);
      const same = old && old.ariaLabel === edge.ariaLabel && old.label === edge.label && JSON.stringify(old.data) === JSON.stringify(edge.data) &&
        old.sourceHandle === edge.sourceHandle && old.targetHandle === edge.targetHandle;
      const kept = same ? old : edge;
      next.set(edge.id, kept);
      list.push(kept);
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

export interface StorageEdgeInput {
  snapshot: ResourceSnapshot;
  /** Graph ids of the drawn Pods, by uid. */
  drawnPods: ReadonlyMap<string, string>;
  /** Graph ids of the drawn storage and config elements. */
  drawn: ReadonlySet<string>;
  /** Grouped by namespace, claims and config sit right of the Pods (edges enter from the left), else below. */
  grouped: boolean;
  /** Which side of the Pod card faces the card (an edge leaves or enters the Pod there). */
  side(podUid: string, card: string): 'left' | 'right';
  /** Words the edge labels and accessible names. */
  t: Translate;
}

function linkOf(pvc: PersistentVolumeClaim | undefined, pv: PersistentVolume): StorageLink | undefined {
  const ref = pv.spec?.claimRef;
  if (!pvc || !ref) return undefined;
  const matches = ref.name === pvc.metadata?.name && (ref.namespace ?? 'default') === (pvc.metadata?.namespace ?? 'default') &&
    (!ref.uid || ref.uid === pvc.metadata?.uid);
  if (!matches) return undefined;
  return pvc.spec?.volumeName === pv.metadata?.name && pvc.status?.phase === 'Bound' ? 'bound' : 'binding';
}

const nameOf = (id: string, snapshot: ResourceSnapshot) => snapshot.names.get(id) ?? id;

/** Words on the claim → volume edge (the binding's state) and on a waiting claim's edge to its class. */
function linkLabel(link: StorageLink, t: Translate): string | undefined {
  if (link === 'bound') return t('graph.edgeBound');
  if (link === 'binding') return t('graph.edgeBinding');
  return link === 'waits' ? t('graph.edgeWaits') : undefined;
}

export function storageEdges(input: StorageEdgeInput, memo: EdgeMemo): void {
  const { snapshot, drawn, drawnPods, grouped, t } = input;
  const edge = (source: string, target: string, link: StorageLink, ariaLabel: string, handles: Pick<GraphEdge, 'sourceHandle' | 'targetHandle'>, missing = false) => {
    const label = linkLabel(link, t);
    memo.add({ id: `storage:${source}>${target}:${link}`, source, target, type: 'storage', ...handles, ...(label ? { label } : {}),
      data: { relation: 'storage', link, ...(missing ? { missing } : {}) }, ariaLabel });
  };
  const claimIn = grouped ? CARD_HANDLES.inLeft : CARD_HANDLES.inTop;

  for (const use of snapshot.claimUses) {
    const pod = drawnPods.get(use.pod.metadata?.uid ?? '');
    if (!pod || !drawn.has(use.claimId)) continue;
    const claim = nameOf(use.claimId, snapshot);
    edge(pod, use.claimId, 'uses', t('graph.podUsesClaim', { pod: use.pod.metadata?.name ?? '', claim, volume: use.volume }),
      { sourceHandle: volumeHandleId(use.volume, input.side(use.pod.metadata?.uid ?? '', use.claimId)), targetHandle: claimIn }, snapshot.missing.has(use.claimId));
  }

  const claimByKey = new Map<string, [string, PersistentVolumeClaim]>();
  for (const [id, pvc] of snapshot.claimObjects) claimByKey.set(`${pvc.metadata?.namespace ?? 'default'}/${pvc.metadata?.name}`, [id, pvc]);
  const classByName = new Map(snapshot.classes.map((c) => [c.data.name, c.id]));
  const side = { sourceHandle: CARD_HANDLES.outRight, targetHandle: CARD_HANDLES.inLeft };
  const boundClaims = new Set<string>();

  for (const [pvId, pv] of snapshot.volumeObjects) {
    if (!drawn.has(pvId)) continue;
    const ref = pv.spec?.claimRef;
    const found = ref ? claimByKey.get(`${ref.namespace ?? 'default'}/${ref.name}`) : undefined;
    const link = found ? linkOf(found[1], pv) : undefined;
    if (found && link && drawn.has(found[0])) {
      boundClaims.add(found[0]);
      const names = { claim: found[1].metadata?.name ?? '', volume: pv.metadata?.name ?? '' };
      edge(found[0], pvId, link, link === 'bound' ? t('graph.claimBoundTo', names) : t('graph.claimBeingBound', names),
        grouped ? { sourceHandle: CARD_HANDLES.outBottom, targetHandle: CARD_HANDLES.inTop } : side);
    }
    const cls = classByName.get(classOf(pv));
    if (cls && drawn.has(cls)) edge(pvId, cls, 'class', t('graph.volumeHasClass', { volume: pv.metadata?.name ?? '', storageClass: classOf(pv) }), side);
  }

  // A claim naming its volume (pre-bound by the learner) before the volume points back at it.
  const volumeByName = new Map([...snapshot.volumeObjects].map(([id, pv]) => [pv.metadata?.name ?? '', id]));
  for (const [id, pvc] of snapshot.claimObjects) {
    const pvId = pvc.spec?.volumeName ? volumeByName.get(pvc.spec.volumeName) : undefined;
    if (boundClaims.has(id) || !pvId || !drawn.has(id) || !drawn.has(pvId)) continue;
    edge(id, pvId, 'binding', t('graph.claimBeingBound', { claim: pvc.metadata?.name ?? '', volume: pvc.spec?.volumeName ?? '' }),
      grouped ? { sourceHandle: CARD_HANDLES.outBottom, targetHandle: CARD_HANDLES.inTop } : side);
  }

  // A claim not (yet) bound points at the class that will provision or match its volume.
  for (const [id, pvc] of snapshot.claimObjects) {
    if (boundClaims.has(id) || pvc.spec?.volumeName || !drawn.has(id)) continue;
    const cls = classByName.get(classOf(pvc));
    if (cls && drawn.has(cls)) {
      edge(id, cls, 'waits', t('graph.claimWaitsForClass', { claim: pvc.metadata?.name ?? '', storageClass: classOf(pvc) }),
        grouped ? { sourceHandle: CARD_HANDLES.outRight, targetHandle: CARD_HANDLES.inTop } : side);
    }
  }
}

/** ConfigMap or Secret → each Pod volume that reads it, and each container whose env or envFrom does (one edge, its uses listed). */
export function configEdges(input: StorageEdgeInput, memo: EdgeMemo): void {
  const { snapshot, drawn, drawnPods, grouped } = input;
  const edges = new Map<string, { source: string; target: string; handle: string; kind: string; name: string; envs: string[]; part: Part; pod: string }>();
  for (const link of snapshot.configLinks) {
    const pod = drawnPods.get(link.pod.metadata?.uid ?? '');
    if (!pod || !drawn.has(link.configId)) continue;
    const target = link.use.target;
    const side = input.side(link.pod.metadata?.uid ?? '', link.configId);
    const handle = target.type === 'volume' ? volumeHandleId(target.volume, side) : containerHandleId(target.container, side);
    const key = `${link.configId}>${pod}:${handle}`;
    const part: Part = target.type === 'volume' ? { volume: target.volume } : { container: target.container };
    const entry = edges.get(key) ?? { source: link.configId, target: pod, handle, kind: link.use.kind, name: link.use.name, envs: [], part, pod: link.pod.metadata?.name ?? '' };
    if (target.type === 'env' && !entry.envs.includes(target.what)) entry.envs.push(target.what);
    edges.set(key, entry);
  }
  const slots = new Map<string, number>();
  for (const [key, e] of edges) {
    const usage = e.envs.length ? 'env' : 'volume';
    const slot = slots.get(`${e.target}:${e.handle}`) ?? 0;
    slots.set(`${e.target}:${e.handle}`, slot + 1);
    const missing = snapshot.missing.has(e.source);
    memo.add({
      id: `config:${key}`, source: e.source, target: e.target, type: 'config',
      sourceHandle: grouped ? CARD_HANDLES.outLeft : CARD_HANDLES.outTop, targetHandle: e.handle,
      ...(usage === 'env' ? { label: e.envs.join(', ') } : {}),
      data: { relation: 'config', usage, secret: e.kind === 'Secret', missing, slot },
      ariaLabel: configEdgeLabel(e, missing, input.t),
    });
  }
}

/** The part of a Pod a ConfigMap or Secret feeds: a volume, or a container (env, envFrom). */
type Part = { volume: string } | { container: string };

/** `Secret creds provides env PASSWORD to container app of Pod web`, `ConfigMap cfg is missing for volume cfg of Pod web`. */
function configEdgeLabel(e: { kind: string; name: string; envs: string[]; part: Part; pod: string }, missing: boolean, t: Translate): string {
  const base = { kind: e.kind, name: e.name, pod: e.pod };
  if ('volume' in e.part) {
    const p = { ...base, volume: e.part.volume };
    return missing ? t('graph.configMissingForVolume', p) : t('graph.configProvidesVolume', p);
  }
  const container = e.part.container;
  if (!e.envs.length) {
    const p = { ...base, container };
    return missing ? t('graph.configMissingForContainer', p) : t('graph.configProvidesContainer', p);
  }
  const p = { ...base, container, envs: e.envs.join(', ') };
  return missing ? t('graph.configMissingForEnv', p) : t('graph.configProvidesEnv', p);
}
