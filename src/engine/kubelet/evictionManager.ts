/**
 * The kubelet's eviction manager, for memory: a container without a memory limit that keeps
 * allocating (exhaustMemory) drives the Node's memory.available under the hard threshold; at its
 * next 10s check the manager records EvictionThresholdMet, evicts the Pod using the most memory
 * above its request (that container's Pod) with a 1s grace period, and the Node reports
 * MemoryPressure for the 5 minute pressure transition period.
 * upstream: pkg/kubelet/eviction/eviction_manager.go synchronize/evictPod, helpers.go evictionMessage
 */
import type { Container, Node, PodCondition } from 'kubernetes-types/core/v1';
import type { RuntimeContainer } from '../api';
import { timestamp } from '../core/time';
import { residentBytes } from '../metrics/usage';
import { formatBytes, parseQuantity } from '../util/quantity';
import { FAULTS_TABLE, memoryFault, memoryFaultKey } from './faults';
import { containerRefs, latestRecord, podEvent, wake, type PodSync } from './podSync';
import { beginStop } from './podStop';

/** --housekeeping / eviction monitoring interval. */
export const EVICTION_MONITORING_MS = 10_000;
/** Hard eviction default: memory.available<100Mi. */
export const MEMORY_THRESHOLD_BYTES = 100 * 1024 * 1024;
/** --eviction-pressure-transition-period. */
export const PRESSURE_TRANSITION_MS = 5 * 60_000;
/** How much the leaking process takes per allocation. */
const ALLOCATION_BYTES = 64 * 1024 * 1024;

/** The eviction manager's first look at or after `t` + 1ms (it runs every 10s). */
export function evictionCheckAfter(t: number): number {
  return (Math.floor(t / EVICTION_MONITORING_MS) + 1) * EVICTION_MONITORING_MS;
}

/** Usage of the other running containers on the Node (their steady resident memory). */
function othersUsage(s: PodSync, victim: RuntimeContainer): number {
  return s.rt.containers().filter((c) => c.state === 'CONTAINER_RUNNING' && c.id !== victim.id)
    .reduce((sum, c) => sum + residentBytes(c.image), 0);
}

export interface MemoryEvictionFigures {
  available: number;
  /** Working set per container of the evicted Pod. */
  usage: Record<string, number>;
}

/** What the eviction manager observes when the leaking container pushed memory.available under the threshold. */
export function memoryFigures(capacity: number, others: number, victimBase: number, victim: string,
  podContainers: Record<string, number>): MemoryEvictionFigures {
  const room = capacity - others - victimBase - MEMORY_THRESHOLD_BYTES;
  const steps = room < 0 ? 0 : Math.floor(room / ALLOCATION_BYTES) + 1;
  const used = victimBase + steps * ALLOCATION_BYTES;
  return { available: capacity - others - used, usage: { ...podContainers, [victim]: used } };
}

/** upstream evictionMessage: the node, the threshold, then every container above its request. */
export function evictionMessage(figures: MemoryEvictionFigures, containers: readonly Container[]): string {
  let message = 'The node was low on resource: memory. ';
  message += `Threshold quantity: ${formatBytes(MEMORY_THRESHOLD_BYTES)}, available: ${formatBytes(figures.available)}. `;
  for (const c of containers) {
    const usage = figures.usage[c.name];
    if (usage === undefined) continue;
    const request = c.resources?.requests?.memory;
    if (usage <= (parseQuantity(request) ?? 0)) continue;
    message += `Container ${c.name} was using ${formatBytes(usage)}, request is ${request ?? '0'}, has larger consumption of memory. `;
  }
  return message;
}

/** Evicts the pod when one of its containers has exhausted the Node's memory and the manager's check is due. */
export function memoryEviction(s: PodSync): boolean {
  for (const ref of containerRefs(s.pod)) {
    const fault = memoryFault(s.ctx, s.uid, ref.spec.name);
    const record = latestRecord(s, ref.spec.name);
    if (!fault || record?.id !== fault.containerId || record.state !== 'CONTAINER_RUNNING') continue;
    const due = evictionCheckAfter(fault.at);
    if (s.now < due) {
      wake(s, due);
      continue;
    }
    evict(s, record);
    s.ctx.table(FAULTS_TABLE).set(memoryFaultKey(s.uid, ref.spec.name), undefined);
    return true;
  }
  return false;
}

function evict(s: PodSync, victim: RuntimeContainer): void {
  const node = s.nodeObject as (Node & typeof s.nodeObject) | undefined;
  const capacity = parseQuantity(node?.status?.capacity?.memory) ?? 0;
  const running: Record<string, number> = {};
  for (const ref of containerRefs(s.pod).filter((r) => r.type === 'regular')) {
    const record = latestRecord(s, ref.spec.name);
    if (record?.state === 'CONTAINER_RUNNING') running[ref.spec.name] = residentBytes(record.image);
  }
  const figures = memoryFigures(capacity, othersUsage(s, victim), residentBytes(victim.image), victim.name, running);
  const message = evictionMessage(figures, s.pod.spec?.containers ?? []);
  if (s.nodeObject) {
    s.ctx.event(s.nodeObject, 'Warning', 'EvictionThresholdMet', 'Attempting to reclaim memory', { component: 'kubelet', host: s.node });
  }
  podEvent(s, 'Warning', 'Evicted', message);
  s.memo = { ...s.memo, evicted: { message, at: s.now } };
  s.nodeMemo = { ...s.nodeMemo, memoryPressureUntil: s.now + PRESSURE_TRANSITION_MS };
  s.postNodeStatus = true;
  beginStop(s, 'evicted');
}

/** upstream: the eviction manager's DisruptionTarget condition (PodDisruptionConditions, GA in 1.31). */
export function evictionCondition(message: string, now: number): PodCondition {
  return { type: 'DisruptionTarget', status: 'True', lastProbeTime: null as unknown as undefined,
    lastTransitionTime: timestamp(now), reason: 'TerminationByKubelet', message };
}
