/**
 * What the fault menu offers for a Pod, a Node or the empty canvas, read from the cluster as it is
 * now (commands act on the newest Step). Pure: the menu and the inspector render these items.
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { ClusterView, ProbeType } from '../../engine/api';
import { messageParts, partsText, wordParts, type TextPart } from '../../i18n/textParts';
import { englishT, type Translate } from '../../i18n/translate';
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
  /** Stable across languages (`deletePod`, `kill`, `cordon`, …). */
  id: string;
  /** The item's name in the UI's language… */
  label: string;
  /** …as words and data (a container's name stays as it is). */
  parts: TextPart[];
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
  titleParts?: TextPart[];
  items: FaultItem[];
}

/** An item whose name is words only. */
function words(id: string, label: string, rest: Omit<FaultItem, 'id' | 'label' | 'parts'>): FaultItem {
  return { id, label, parts: wordParts(label), ...rest };
}

/** An item whose name carries data. */
function withParts(id: string, parts: TextPart[], rest: Omit<FaultItem, 'id' | 'label' | 'parts'>): FaultItem {
  return { id, label: partsText(parts), parts, ...rest };
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

function probeLabel(probe: ProbeType, failing: boolean, t: Translate): string {
  if (probe === 'liveness') return failing ? t('faults.livenessRecover') : t('faults.livenessFail');
  if (probe === 'readiness') return failing ? t('faults.readinessRecover') : t('faults.readinessFail');
  return failing ? t('faults.startupRecover') : t('faults.startupFail');
}

/** Containers a learner can fault: sidecars (restartable init containers) and app containers. */
function faultableContainers(pod: Pod): Container[] {
  const sidecars = (pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always');
  return [...sidecars, ...(pod.spec?.containers ?? [])];
}

function containerItems(view: ClusterView, pod: Pod, c: Container, t: Translate): FaultItem[] {
  const name = pod.metadata?.name ?? '';
  const namespace = pod.metadata?.namespace ?? 'default';
  const target = { pod: name, namespace, container: c.name };
  const kill = messageParts((mark) => t('faults.killContainer', { container: mark(c.name) }));
  const items: FaultItem[] = [withParts('kill', kill, { danger: true, form: { form: 'kill', ...target } })];
  for (const p of PROBES) {
    if (!c[p.field]) continue;
    const failing = probeFailing(view, pod.metadata?.uid ?? '', c.name, p.type);
    items.push(words(`probe:${p.type}`, probeLabel(p.type, failing, t), { run: (a) => a.failProbe(target, p.type, !failing) }));
  }
  items.push(words('exhaustMemory', t('faults.exhaustMemory'), { danger: true, run: (a) => a.exhaustMemory(target) }));
  return items;
}

/** `t` words the items (English by default); container names stay as they are. */
export function podGroups(view: ClusterView, pod: Pod, only?: string, t: Translate = englishT): FaultGroup[] {
  const name = pod.metadata?.name ?? '';
  const namespace = pod.metadata?.namespace ?? 'default';
  const groups: FaultGroup[] = [{ items: [words('deletePod', t('faults.deletePod'), { danger: true, run: (a) => a.deletePod(name, namespace) })] }];
  const terminating = pod.metadata?.deletionTimestamp !== undefined;
  if (terminating || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return groups;
  for (const c of faultableContainers(pod)) {
    if (only && c.name !== only) continue;
    const titleParts = messageParts((mark) => t('faults.containerGroup', { container: mark(c.name) }));
    groups.push({ title: partsText(titleParts), titleParts, items: containerItems(view, pod, c, t) });
  }
  return groups;
}

export function nodeGroups(view: ClusterView, name: string, t: Translate = englishT): FaultGroup[] {
  const node = view.get('Node', name) as { spec?: { unschedulable?: boolean } } | undefined;
  const stopped = kubeletStopped(view, name);
  return [{
    items: [
      stopped
        ? words('startKubelet', t('faults.startKubelet'), { run: (a) => a.startKubelet(name) })
        : words('stopKubelet', t('faults.stopKubelet'), { danger: true, run: (a) => a.stopKubelet(name) }),
      node?.spec?.unschedulable
        ? words('uncordon', t('faults.uncordon'), { run: (a) => a.uncordon(name) })
        : words('cordon', t('faults.cordon'), { run: (a) => a.cordon(name) }),
      words('drain', t('faults.drainItem'), { danger: true, form: { form: 'drain', node: name } }),
      words('removeNode', t('faults.removeNode'), { danger: true, run: (a) => a.removeNode(name) }),
    ],
  }];
}

/** The menu for a target, or no groups when the object is gone; `t` words it (English by default). */
export function faultGroups(view: ClusterView, target: FaultTarget, t: Translate = englishT): FaultGroup[] {
  if (target.type === 'canvas') return [{ items: [words('addNode', t('faults.addNodeItem'), { form: { form: 'addNode' } })] }];
  if (target.type === 'node') return view.get('Node', target.name) ? nodeGroups(view, target.name, t) : [];
  const pod = view.get('Pod', target.name, target.namespace) as Pod | undefined;
  return pod ? podGroups(view, pod, target.container, t) : [];
}
