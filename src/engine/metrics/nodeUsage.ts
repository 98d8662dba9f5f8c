/**
 * Node usage as metrics-server reports it: the Node's own system share (kubelet, container
 * runtime, kube-proxy, the OS — a steady 90m CPU and 450Mi here) plus its Pods' usage. A Node
 * is reported once its kubelet has been Ready for a whole window (two samples).
 */
import type { KubeObject } from '../api';
import { virtualMs } from '../core/time';
import { METRIC_RESOLUTION_MS, type NodeMetrics, type PodMetrics, type Usage } from './types';

export const NODE_SYSTEM_CPU_MILLI = 90;
export const NODE_SYSTEM_MEMORY_BYTES = 450 * 1024 * 1024;

const readySince = (node: KubeObject): number | undefined => {
  const ready = ((node.status as { conditions?: { type: string; status: string; lastTransitionTime?: string }[] } | undefined)
    ?.conditions ?? []).find((c) => c.type === 'Ready' && c.status === 'True');
  return ready ? virtualMs(ready.lastTransitionTime) ?? 0 : undefined;
};

/** Usage of every reportable Node; `pending` when a Ready Node has not been Ready for a whole window yet. */
export function nodeMetrics(nodes: KubeObject[], pods: PodMetrics[], now: number): { metrics: Map<string, NodeMetrics>; pending: boolean } {
  const out = new Map<string, NodeMetrics>();
  let pending = false;
  for (const node of nodes) {
    const since = readySince(node);
    if (since !== undefined && now - since < METRIC_RESOLUTION_MS) pending = true;
    if (since === undefined || now - since < METRIC_RESOLUTION_MS) continue;
    const name = node.metadata.name;
    out.set(name, { name, cpuMilli: NODE_SYSTEM_CPU_MILLI, memoryBytes: NODE_SYSTEM_MEMORY_BYTES, window: METRIC_RESOLUTION_MS, timestamp: now });
  }
  for (const p of pods) {
    const n = out.get(p.node);
    if (!n) continue;
    n.cpuMilli += p.cpuMilli;
    n.memoryBytes += p.memoryBytes;
  }
  return { metrics: out, pending };
}

export function sameUsage(a: Usage & { containers?: Record<string, Usage> }, b: Usage & { containers?: Record<string, Usage> }): boolean {
  if (a.cpuMilli !== b.cpuMilli || a.memoryBytes !== b.memoryBytes) return false;
  const ca = Object.entries(a.containers ?? {});
  const cb = b.containers ?? {};
  if (ca.length !== Object.keys(cb).length) return false;
  return ca.every(([name, u]) => cb[name]?.cpuMilli === u.cpuMilli && cb[name]?.memoryBytes === u.memoryBytes);
}
