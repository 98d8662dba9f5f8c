/**
 * A Node as the graph shows it: kubectl's STATUS and ROLES, taints, and what is in use — the summed
 * requests of its non-terminated Pods against allocatable, like `kubectl describe node`'s
 * "Allocated resources".
 */
import type { Node } from 'kubernetes-types/core/v1';
import { formatBytesApprox, formatCpu } from '../engine/util/quantity';
import { nodeAllocatable } from '../engine/util/resources';
import type { NodeBoxData, Tone, Usage } from './types';

export interface Requested {
  cpu: number;
  memory: number;
  pods: number;
}

export function usage(used: number, total: number, format: (n: number) => string): Usage {
  const fraction = total > 0 ? Math.min(1, Math.max(0, used / total)) : 0;
  return { used, total, text: `${format(used)} / ${format(total)}`, fraction };
}

/** upstream kubectl: Ready / NotReady / Unknown, then `,SchedulingDisabled` when cordoned. */
export function nodeStatusColumn(node: Node): { ready: NodeBoxData['ready']; status: string } {
  const cond = node.status?.conditions?.find((c) => c.type === 'Ready');
  const ready = cond?.status === 'True' || cond?.status === 'False' ? cond.status : 'Unknown';
  const text = ready === 'True' ? 'Ready' : ready === 'False' ? 'NotReady' : 'Unknown';
  return { ready, status: node.spec?.unschedulable ? `${text},SchedulingDisabled` : text };
}

/** upstream kubectl: `node-role.kubernetes.io/<role>` labels (and `kubernetes.io/role`), else `<none>`. */
export function nodeRoles(node: Node): string {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata?.labels ?? {})) {
    if (key.startsWith('node-role.kubernetes.io/')) roles.add(key.slice('node-role.kubernetes.io/'.length));
    else if (key === 'kubernetes.io/role' && value) roles.add(value);
  }
  return roles.size ? [...roles].sort().join(',') : '<none>';
}

function formatTaint(t: { key: string; value?: string; effect: string }): string {
  return `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`;
}

function nodeTone(ready: NodeBoxData['ready'], terminating: boolean): Tone {
  if (terminating) return 'terminating';
  return ready === 'True' ? 'running' : ready === 'False' ? 'failed' : 'unknown';
}

export function nodeData(node: Node, requested: Requested, shown: number): NodeBoxData {
  const name = node.metadata?.name ?? '';
  const alloc = nodeAllocatable(node);
  const { ready, status } = nodeStatusColumn(node);
  return {
    kind: 'Node',
    name,
    ready,
    status,
    tone: nodeTone(ready, Boolean(node.metadata?.deletionTimestamp)),
    roles: nodeRoles(node),
    taints: (node.spec?.taints ?? []).map(formatTaint),
    cpu: usage(requested.cpu, alloc.cpu, formatCpu),
    memory: usage(requested.memory, alloc.memory, formatBytesApprox),
    pods: usage(requested.pods, alloc.pods, String),
    shown,
    ariaLabel: `Node ${name}`,
  };
}

/** Pods that count against a Node's resources: assigned and not terminated (upstream describe). */
export function countsAgainstNode(phase: string): boolean {
  return phase !== 'Succeeded' && phase !== 'Failed';
}
