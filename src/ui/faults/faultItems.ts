/**
 * What the fault menu offers for a Pod, a Node or the empty canvas, read from the cluster as it is
 * now (commands act on the newest Step). Pure: the menu and the inspector render these items.
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { ClusterView, ProbeType } from '../../engine/api';
import type { FaultsSlice } from '../../store/faultsSlice';

/** The right-clicked thing. `container` narrows a Pod's menu to one container. */
export type FaultTarget =
  | { type: 'pod'; name: string; namespace: string; container?: string }
  | { type: 'node'; name: string }
  | { type: 'canvas' };

export type FaultForm =
  | { form: 'kill'; pod: string; namespace: string; container: string }
  | { form: 'drain'; node: string }
  | { form: 'addNode' };

export interface FaultItem {
  label: string;
  /** Shown as a destructive action. */
  danger?: boolean;
  /** Runs at once… */
  run?: (actions: FaultsSlice) => void;
  /** …or opens a small form first (exit code, drain flags, Node size). */
  form?: FaultForm;
}

export interface FaultGroup {
  /** Heading, e.g. `Container app`; none for the first group. */
  title?: string;
  items: FaultItem[];
}

const PROBES: { type: ProbeType; field: 'livenessProbe' | 'readinessProbe' | 'startupProbe' }[] = [
  { type: 'liveness', field: 'livenessProbe' },
  { type: 'readiness', field: 'readinessProbe' },
  { type: 'startup', field: 'startupProbe' },
];

interface ProbeInterval { from: number; until?: number }

/** A probe is failing now when its last failing interval (in the `faults` table) is open. */
export function probeFailing(view: ClusterView, podUid: string, container: string, probe: ProbeType): boolean {
  const record = new Map(view.table<Partial<Record<ProbeType, ProbeInterval[]>>>('faults')).get(`probe/${podUid}/${container}`);
  const intervals = record?.[probe] ?? [];
  const last = intervals[intervals.length - 1];
  return last !== undefined && (last.until === undefined || last.until > view.now);
}

/** The kubelet is stopped when its heartbeat record says so (`kubelet/heartbeats`). */
export function kubeletStopped(view: ClusterView, node: string): boolean {
  const hb = new Map(view.table<{ stoppedAt?: number }>('kubelet/heartbeats')).get(node);
  return hb?.stoppedAt !== undefined;
}

/** Containers a learner can fault: sidecars (restartable init containers) and app containers. */
function faultableContainers(pod: Pod): Container[] {
  const sidecars = (pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always');
  return [...sidecars, ...(pod.spec?.containers ?? [])];
}

function containerItems(view: ClusterView, pod: Pod, c: Container): FaultItem[] {
  const name = pod.metadata?.name ?? '';
  const namespace = pod.metadata?.namespace ?? 'default';
  const target = { pod: name, namespace, container: c.name };
  const items: FaultItem[] = [{ label: `Kill container ${c.name}…`, danger: true, form: { form: 'kill', ...target } }];
  for (const p of PROBES) {
    if (!c[p.field]) continue;
    const failing = probeFailing(view, pod.metadata?.uid ?? '', c.name, p.type);
    items.push(failing
      ? { label: `Make ${p.type} probe recover`, run: (a) => a.failProbe(target, p.type, false) }
      : { label: `Make ${p.type} probe fail`, run: (a) => a.failProbe(target, p.type, true) });
  }
  items.push({ label: 'Exceed memory limit (OOMKilled)', danger: true, run: (a) => a.exhaustMemory(target) });
  return items;
}

export function podGroups(view: ClusterView, pod: Pod, only?: string): FaultGroup[] {
  const name = pod.metadata?.name ?? '';
  const namespace = pod.metadata?.namespace ?? 'default';
  const groups: FaultGroup[] = [{ items: [{ label: 'Delete Pod', danger: true, run: (a) => a.deletePod(name, namespace) }] }];
  const terminating = pod.metadata?.deletionTimestamp !== undefined;
  if (terminating || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return groups;
  for (const c of faultableContainers(pod)) {
    if (only && c.name !== only) continue;
    groups.push({ title: `Container ${c.name}`, items: containerItems(view, pod, c) });
  }
  return groups;
}

export function nodeGroups(view: ClusterView, name: string): FaultGroup[] {
  const node = view.get('Node', name) as { spec?: { unschedulable?: boolean } } | undefined;
  const stopped = kubeletStopped(view, name);
  return [{
    items: [
      stopped
        ? { label: 'Start kubelet', run: (a) => a.startKubelet(name) }
        : { label: 'Stop kubelet', danger: true, run: (a) => a.stopKubelet(name) },
      node?.spec?.unschedulable
        ? { label: 'Uncordon', run: (a) => a.uncordon(name) }
        : { label: 'Cordon', run: (a) => a.cordon(name) },
      { label: 'Drain…', danger: true, form: { form: 'drain', node: name } },
      { label: 'Remove Node', danger: true, run: (a) => a.removeNode(name) },
    ],
  }];
}

/** The menu for a target, or no groups when the object is gone. */
export function faultGroups(view: ClusterView, target: FaultTarget): FaultGroup[] {
  if (target.type === 'canvas') return [{ items: [{ label: 'Add Node…', form: { form: 'addNode' } }] }];
  if (target.type === 'node') return view.get('Node', target.name) ? nodeGroups(view, target.name) : [];
  const pod = view.get('Pod', target.name, target.namespace) as Pod | undefined;
  return pod ? podGroups(view, pod, target.container) : [];
}
