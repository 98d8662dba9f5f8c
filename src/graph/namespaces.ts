/**
 * Namespaces in the graph: the namespace filter (a view of the snapshot that hides what belongs to
 * other namespaces, so every projection built on it is filtered alike) and the namespace boxes
 * drawn when the graph is grouped by namespace.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { ClusterView, KubeObject } from '../engine/api';
import { podRequests } from '../engine/util/resources';
import { englishT, type Translate } from '../i18n/translate';
import { countsAgainstNode, type Requested } from './nodeView';
import type { NamespaceBoxData } from './storageTypes';

/**
 * The snapshot as seen with one namespace picked: namespaced objects of other namespaces are left
 * out of `list` and `get`; cluster-scoped objects (Nodes, PersistentVolumes, StorageClasses,
 * Namespaces) stay. `null` returns the view itself.
 */
export function scopeView(view: ClusterView, namespace: string | null): ClusterView {
  if (namespace === null) return view;
  const keep = (o: KubeObject | undefined) => o && (o.metadata.namespace === undefined || o.metadata.namespace === namespace) ? o : undefined;
  return {
    now: view.now,
    stepIndex: view.stepIndex,
    get: (kind, name, ns) => keep(view.get(kind, name, ns)),
    list: (kind, ns) => (ns !== undefined && ns !== namespace ? [] : view.list(kind, ns).filter((o) => keep(o))),
    events: () => view.events().filter((e) => e.metadata.namespace === undefined || e.metadata.namespace === namespace),
    runtime: (node) => {
      const rt = view.runtime(node);
      return { sandboxes: rt.sandboxes.filter((s) => s.namespace === namespace), containers: rt.containers.filter((c) => c.namespace === namespace) };
    },
    table: (name) => view.table(name),
  };
}

/**
 * What the Pods of every namespace request on each Node: a Node's usage stays the Node's, whatever
 * namespace the picker shows.
 */
export function requestsByNode(view: ClusterView): Map<string, Requested> {
  const out = new Map<string, Requested>();
  for (const pod of view.list('Pod') as unknown as Pod[]) {
    const node = pod.spec?.nodeName;
    if (!node || !countsAgainstNode(pod.status?.phase ?? 'Pending')) continue;
    const req = podRequests(pod);
    const sum = out.get(node) ?? { cpu: 0, memory: 0, pods: 0 };
    sum.cpu += req.cpu;
    sum.memory += req.memory;
    sum.pods += 1;
    out.set(node, sum);
  }
  return out;
}

export const NAMESPACE_NOT_FOUND = 'not found';

/** `t` words the accessible name (English by default); the phase stays as the Namespace has it. */
export function namespaceBoxData(name: string, ns: KubeObject | undefined, pods: number, t: Translate = englishT): NamespaceBoxData {
  const deleting = !!ns?.metadata.deletionTimestamp;
  const phase = (ns?.status as { phase?: string } | undefined)?.phase ?? (deleting ? 'Terminating' : ns ? 'Active' : NAMESPACE_NOT_FOUND);
  return {
    kind: 'Namespace',
    name,
    phase,
    pods,
    ref: { kind: 'Namespace', name },
    ariaLabel: phase === NAMESPACE_NOT_FOUND ? t('graph.namespaceBoxNotFound', { name }) : t('graph.namespaceBox', { name, phase }),
  };
}

export function namespaceBoxId(name: string): string {
  return `namespace/${name}`;
}

export interface NamespaceOption {
  name: string;
  /** `default`, `team-a (Terminating)`, `team-a (not found)` (only the last has words to translate). */
  label: string;
  /** The Namespace's phase, or `not found` (NAMESPACE_NOT_FOUND). */
  phase: string;
}

/**
 * The namespace picker's choices at this Step: every Namespace in name order (as `kubectl get
 * namespaces` lists them), a Terminating one marked; the picked one is kept even when it is gone
 * (deleted, or not created yet at this Step), so the choice survives time travel.
 */
export function namespaceOptions(view: Pick<ClusterView, 'list'>, picked: string | null, t: Translate = englishT): NamespaceOption[] {
  const options = view.list('Namespace').map((ns) => {
    const phase = (ns.status as { phase?: string } | undefined)?.phase ?? (ns.metadata.deletionTimestamp ? 'Terminating' : 'Active');
    const name = ns.metadata.name;
    return { name, phase, label: phase === 'Active' ? name : t('graph.namespaceOption', { name, phase }) };
  });
  if (picked !== null && !options.some((o) => o.name === picked)) {
    options.push({ name: picked, phase: NAMESPACE_NOT_FOUND, label: t('graph.namespaceOptionNotFound', { name: picked }) });
  }
  return options.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
