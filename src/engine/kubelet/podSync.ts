import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject, RuntimeContainer, RuntimeSandbox } from '../api';
import type { NodeRuntimeStore, ReconcileContext } from '../controllers/types';
import type { NodeMemo, PodMemo } from './podMemo';
import type { ProbeState } from './probeState';
import { isSidecar } from './phase';

export type ContainerType = RuntimeContainer['type'];

/** One container of the pod spec, with where it sits. */
export interface ContainerRef {
  spec: Container;
  type: ContainerType;
  /** `spec.initContainers{name}` or `spec.containers{name}`: the Event fieldPath. */
  fieldPath: string;
}

export type PodObject = KubeObject & Pod;

/**
 * Everything one sync of one pod works on. The memo copies are replaced, never mutated, and
 * written back only when the sync took an action (so a sync that does nothing writes nothing).
 */
export interface PodSync {
  ctx: ReconcileContext;
  node: string;
  nodeObject: KubeObject | undefined;
  pod: PodObject;
  uid: string;
  now: number;
  rt: NodeRuntimeStore;
  memo: PodMemo;
  nodeMemo: NodeMemo;
  /** Probe results evaluated up to now, per running container id. */
  probes: Map<string, ProbeState>;
  hostIP: string;
  /** Virtual times at which this pod needs another sync. */
  wakes: number[];
  /** The message of the action this sync took, if it took one. */
  acted?: string;
  /** The sync deleted the pod object: nothing more to write for it. */
  removed?: boolean;
  /** The sync changed what the Node reports (memory pressure): post the Node status after the pod's. */
  postNodeStatus?: boolean;
}

export function containerRefs(pod: Pod): ContainerRef[] {
  const init = (pod.spec?.initContainers ?? []).map((spec): ContainerRef => ({
    spec, type: isSidecar(spec) ? 'sidecar' : 'init', fieldPath: `spec.initContainers{${spec.name}}`,
  }));
  const regular = (pod.spec?.containers ?? []).map((spec): ContainerRef => ({
    spec, type: 'regular', fieldPath: `spec.containers{${spec.name}}`,
  }));
  return [...init, ...regular];
}

export function findRef(pod: Pod, name: string): ContainerRef | undefined {
  return containerRefs(pod).find((r) => r.spec.name === name);
}

/** The pod's newest sandbox on this node. */
export function sandboxOf(s: Pick<PodSync, 'rt' | 'uid'>): RuntimeSandbox | undefined {
  const all = s.rt.sandboxes().filter((b) => b.podUid === s.uid);
  return all.sort((a, b) => b.createdAt - a.createdAt)[0];
}

/** The pod's container records (all attempts), oldest attempt first. */
export function recordsOf(s: Pick<PodSync, 'rt' | 'uid'>, name?: string): RuntimeContainer[] {
  const sandboxes = new Set(s.rt.sandboxes().filter((b) => b.podUid === s.uid).map((b) => b.id));
  return s.rt.containers()
    .filter((c) => sandboxes.has(c.sandboxId) && (name === undefined || c.name === name))
    .sort((a, b) => a.attempt - b.attempt || a.createdAt - b.createdAt);
}

export function latestRecord(s: Pick<PodSync, 'rt' | 'uid'>, name: string): RuntimeContainer | undefined {
  const all = recordsOf(s, name);
  return all[all.length - 1];
}

export function previousRecord(s: Pick<PodSync, 'rt' | 'uid'>, name: string): RuntimeContainer | undefined {
  const all = recordsOf(s, name);
  return all[all.length - 2];
}

export function isLive(c: RuntimeContainer | undefined): boolean {
  return c?.state === 'CONTAINER_RUNNING' || c?.state === 'CONTAINER_CREATED';
}

export function wake(s: PodSync, at: number): void {
  s.wakes.push(Math.max(at, s.now));
}

/** Marks the action this sync took and names its Step. */
export function act(s: PodSync, message: string): void {
  if (s.acted === undefined) s.acted = message;
  s.ctx.describe(s.acted);
}

/** An Event about the pod, or about one of its containers (with the container's fieldPath). */
export function podEvent(s: PodSync, type: 'Normal' | 'Warning', reason: string, message: string, ref?: ContainerRef): void {
  s.ctx.event(s.pod, type, reason, message, {
    component: 'kubelet', host: s.node, ...(ref ? { fieldPath: ref.fieldPath } : {}),
  });
}

/** `name_namespace(uid)`: how the kubelet names a pod in messages. upstream: pkg/kubelet/util/format/pod.go */
export function formatPod(pod: Pod): string {
  return `${pod.metadata?.name}_${pod.metadata?.namespace ?? 'default'}(${pod.metadata?.uid})`;
}

/** The grace period for stopping this pod's containers, in seconds. */
export function podGraceSeconds(pod: Pod): number {
  return pod.metadata?.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
}
