/**
 * Pod and Node resource arithmetic, as the scheduler and kubelet see it.
 * cpu is in millicores; memory, ephemeral-storage and every scalar resource in whole units
 * (bytes, devices), rounded up like upstream `Quantity.Value()`.
 * upstream: k8s.io/component-helpers/resource (PodRequests, PodLimits), pkg/scheduler/framework/types.go
 */
import type { Container, Node, Pod } from 'kubernetes-types/core/v1';
import { parseQuantity, toMilli } from './quantity';

export interface ResourceAmounts {
  /** millicores */
  cpu: number;
  /** bytes */
  memory: number;
  /** bytes */
  ephemeralStorage: number;
  pods: number;
  /** extended resources (`example.com/gpu`), hugepages-*, attachable-volumes-*, prefixed native ones */
  scalar: Record<string, number>;
}

/** A ResourceList in canonical units, keyed by resource name. */
export type ResourceList = Record<string, number>;

type RawList = Record<string, string | number> | undefined;

/** upstream schedutil.DefaultMilliCPURequest / DefaultMemoryRequest: what scoring assumes for a container without requests. */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

/** Whole units, rounded up (upstream `Quantity.Value()`); cpu in millicores. */
export function resourceAmount(name: string, quantity: string | number | undefined): number {
  if (name === 'cpu') return toMilli(quantity);
  const v = parseQuantity(quantity);
  return v === undefined ? 0 : Math.ceil(Math.round(v * 1e3) / 1e3);
}

export function toResourceList(raw: RawList): ResourceList {
  const out: ResourceList = {};
  for (const [name, q] of Object.entries(raw ?? {})) out[name] = resourceAmount(name, q);
  return out;
}

/** upstream v1helper: resources the scheduler accounts for besides cpu, memory, ephemeral-storage and pods. */
export function isScalarResourceName(name: string): boolean {
  if (name.startsWith('hugepages-') || name.startsWith('attachable-volumes-')) return true;
  if (name.includes('kubernetes.io/')) return true; // prefixed native resource
  return name.includes('/') && !name.startsWith('requests.'); // extended resource
}

/** How to add and compare amounts: plain numbers here, exact quantities where quota messages need them. */
export interface Amounts<V> {
  add(a: V, b: V): V;
  greater(a: V, b: V): boolean;
}

const NUMBERS: Amounts<number> = { add: (a, b) => a + b, greater: (a, b) => a > b };

function addInto<V>(into: Record<string, V>, more: Record<string, V>, ops: Amounts<V>): void {
  for (const [k, v] of Object.entries(more)) into[k] = k in into ? ops.add(into[k], v) : v;
}

function maxInto<V>(into: Record<string, V>, other: Record<string, V>, ops: Amounts<V>): void {
  for (const [k, v] of Object.entries(other)) if (!(k in into) || ops.greater(v, into[k])) into[k] = v;
}

/** A container's requests; upstream's API server defaulting copies a limit into a missing request. */
export function containerRequests(container: Container): ResourceList {
  const requests = toResourceList(container.resources?.requests);
  const limits = toResourceList(container.resources?.limits);
  for (const [k, v] of Object.entries(limits)) if (!(k in requests)) requests[k] = v;
  return requests;
}

export function containerLimits(container: Container): ResourceList {
  return toResourceList(container.resources?.limits);
}

/**
 * upstream PodRequests/PodLimits: max(sum(regular) + sum(sidecars),
 * max over init containers of (its amount + the sidecars started before it)).
 */
export function aggregatePodResources<V>(pod: Pod, per: (c: Container) => Record<string, V>, ops: Amounts<V>): Record<string, V> {
  const total: Record<string, V> = {};
  for (const c of pod.spec?.containers ?? []) addInto(total, per(c), ops);
  const sidecars: Record<string, V> = {};
  const initPeak: Record<string, V> = {};
  for (const c of pod.spec?.initContainers ?? []) {
    const own = per(c);
    let inUse: Record<string, V>;
    if (c.restartPolicy === 'Always') {
      addInto(total, own, ops);
      addInto(sidecars, own, ops);
      inUse = { ...sidecars };
    } else {
      inUse = { ...own };
      addInto(inUse, sidecars, ops);
    }
    maxInto(initPeak, inUse, ops);
  }
  maxInto(total, initPeak, ops);
  return total;
}

const aggregate = (pod: Pod, per: (c: Container) => ResourceList): ResourceList => aggregatePodResources(pod, per, NUMBERS);

/** The effective request per resource name, `spec.overhead` included. */
export function podRequestList(pod: Pod): ResourceList {
  const total = aggregate(pod, containerRequests);
  addInto(total, toResourceList(pod.spec?.overhead), NUMBERS);
  return total;
}

/** The effective limit per resource name; upstream adds overhead only to limits that are set. */
export function podLimitList(pod: Pod): ResourceList {
  const total = aggregate(pod, containerLimits);
  for (const [k, v] of Object.entries(toResourceList(pod.spec?.overhead))) if (k in total) total[k] += v;
  return total;
}

export function toResourceAmounts(list: ResourceList): ResourceAmounts {
  const scalar: Record<string, number> = {};
  for (const [k, v] of Object.entries(list)) if (isScalarResourceName(k)) scalar[k] = v;
  return {
    cpu: list.cpu ?? 0,
    memory: list.memory ?? 0,
    ephemeralStorage: list['ephemeral-storage'] ?? 0,
    pods: list.pods ?? 0,
    scalar,
  };
}

/**
 * Results per pod spec object. Stored objects are frozen and a status write keeps the spec object,
 * so a spec seen once is never recomputed; the cached results are frozen too.
 */
function memoBySpec<T extends object>(compute: (pod: Pod) => T): (pod: Pod) => T {
  const cache = new WeakMap<object, T>();
  return (pod) => {
    const spec = pod.spec;
    if (!spec || !Object.isFrozen(spec)) return compute(pod);
    let hit = cache.get(spec);
    if (!hit) {
      hit = Object.freeze(compute(pod));
      cache.set(spec, hit);
    }
    return hit;
  };
}

/** What a Pod takes from a Node for fit checks; it always takes one pod slot. */
export const podRequests = memoBySpec((pod: Pod): ResourceAmounts & { pods: 1 } =>
  ({ ...toResourceAmounts(podRequestList(pod)), pods: 1 }));

export const podLimits = memoBySpec((pod: Pod): ResourceAmounts & { pods: 1 } =>
  ({ ...toResourceAmounts(podLimitList(pod)), pods: 1 }));

/**
 * Requests for scoring: a container without a cpu (memory) request counts 100m (200Mi), so that
 * BestEffort pods do not all pile onto one node. upstream: NonMissingContainerRequests.
 */
export const nonZeroRequests = memoBySpec(nonZeroRequestsOf);

function nonZeroRequestsOf(pod: Pod): { cpu: number; memory: number } {
  const withDefaults = (c: Container): ResourceList => {
    const r = containerRequests(c);
    if (!('cpu' in r)) r.cpu = DEFAULT_MILLI_CPU_REQUEST;
    if (!('memory' in r)) r.memory = DEFAULT_MEMORY_REQUEST;
    return r;
  };
  const total = aggregate(pod, withDefaults);
  addInto(total, toResourceList(pod.spec?.overhead), NUMBERS);
  return { cpu: total.cpu ?? 0, memory: total.memory ?? 0 };
}

/** `status.allocatable`; the API server defaults a missing allocatable to the capacity. */
export function nodeAllocatable(node: Node): ResourceAmounts {
  const raw = node.status?.allocatable ?? node.status?.capacity;
  return toResourceAmounts(toResourceList(raw));
}
