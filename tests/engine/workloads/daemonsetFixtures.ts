import type { Cluster, KubeObject } from '../../../src/engine';
import { runUntil } from '../helpers';

/** A DaemonSet `agent` of nginx; `podSpec` lines go into the template's spec, `spec` lines into the DaemonSet's. */
export function dsYaml({ image = 'nginx:1.27', podSpec = '', spec = '' } = {}): string {
  return `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels: {app: agent}
${spec}  template:
    metadata:
      labels: {app: agent}
    spec:
${podSpec}      containers:
      - name: agent
        image: ${image}
`;
}

/** A Node manifest (created, or applied over a Node that exists). */
export function nodeYaml(name: string, { labels = '', taints = '' } = {}): string {
  return `apiVersion: v1
kind: Node
metadata:
  name: ${name}
${labels ? `  labels:\n${labels}` : ''}${taints ? `spec:\n  taints:\n${taints}` : ''}`;
}

export interface DsStatus {
  currentNumberScheduled: number; numberMisscheduled: number; desiredNumberScheduled: number; numberReady: number;
  observedGeneration?: number; updatedNumberScheduled?: number; numberAvailable?: number; numberUnavailable?: number;
}

export const dsStatus = (c: Pick<Cluster, 'get'>) => c.get('DaemonSet', 'agent')?.status as DsStatus | undefined;

export const nodeOf = (pod: KubeObject) => (pod.spec as { nodeName?: string }).nodeName;

export const isReady = (pod: KubeObject | undefined) =>
  ((pod?.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? [])
    .some((c) => c.type === 'Ready' && c.status === 'True');

/** Node name → names of the live (not terminating) daemon Pods bound there. */
export function podsByNode(c: Pick<Cluster, 'list'>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const pod of c.list('Pod')) {
    if (pod.metadata.deletionTimestamp || !pod.metadata.name.startsWith('agent-')) continue;
    (out[nodeOf(pod) ?? '<unbound>'] ??= []).push(pod.metadata.name);
  }
  return out;
}

/** Runs until the DaemonSet runs a Ready, up-to-date Pod on `n` Nodes and says so. */
export function runUntilRolledOut(c: Cluster, n: number, maxMs = 120_000): void {
  runUntil(c, () => {
    const s = dsStatus(c);
    return !!s && s.desiredNumberScheduled === n && s.numberReady === n && s.updatedNumberScheduled === n &&
      s.numberAvailable === n && c.list('Pod').filter((p) => p.metadata.name.startsWith('agent-')).length === n;
  }, maxMs);
}
