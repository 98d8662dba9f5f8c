/**
 * `kubectl top pod` / `kubectl top node` from the metrics tables of a view (upstream:
 * staging/src/k8s.io/kubectl/pkg/cmd/top, metricsutil/metrics_printer.go): CPU as `%vm`
 * millicores, memory as `%vMi` (whole mebibytes, rounded down), percentages of allocatable.
 */
import type { ClusterView, KubeObject } from '../api';
import { formatGoDuration } from '../kubelet/goDuration';
import { virtualMs } from '../core/time';
import { parseQuantity } from '../util/quantity';
import { tabWrite } from './tabWriter';
import { NODE_METRICS_TABLE, POD_METRICS_TABLE, type NodeMetrics, type PodMetrics } from './types';

/** kubectl: metrics of a Pod younger than this are "not available yet" rather than missing. */
const METRICS_CREATION_DELAY_MS = 2 * 60 * 1000;

const cpu = (milli: number) => `${milli}m`;
const mem = (bytes: number) => `${Math.floor(bytes / (1024 * 1024))}Mi`;

export interface TopPodOptions {
  /** `--containers`: one line per container. */
  containers?: boolean;
}

/**
 * `kubectl top pod -n <namespace>`; all namespaces (`-A`, with a NAMESPACE column) when
 * `namespace` is omitted. Returns what kubectl prints, errors included.
 */
export function topPods(view: ClusterView, namespace?: string, options: TopPodOptions = {}): string {
  const all = namespace === undefined;
  const metrics = view.table<PodMetrics>(POD_METRICS_TABLE).map(([, m]) => m)
    .filter((m) => all || m.namespace === namespace)
    .sort((a, b) => (a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (metrics.length === 0) return emptyPodMetrics(view, namespace);
  const header = [...(all ? ['NAMESPACE'] : []), ...(options.containers ? ['POD'] : []), 'NAME', 'CPU(cores)', 'MEMORY(bytes)'];
  const rows: string[][] = [header];
  for (const m of metrics) {
    const prefix = all ? [m.namespace] : [];
    if (!options.containers) {
      rows.push([...prefix, m.name, cpu(m.cpuMilli), mem(m.memoryBytes)]);
      continue;
    }
    for (const [name, u] of Object.entries(m.containers).sort(([a], [b]) => (a < b ? -1 : 1))) {
      rows.push([...prefix, m.name, name, cpu(u.cpuMilli), mem(u.memoryBytes)]);
    }
  }
  return tabWrite(rows);
}

/** upstream verifyEmptyMetrics / checkPodAge. */
function emptyPodMetrics(view: ClusterView, namespace: string | undefined): string {
  const pods = view.list('Pod', namespace);
  if (pods.length === 0) return namespace === undefined ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`;
  for (const pod of pods) {
    const age = view.now - (virtualMs(pod.metadata.creationTimestamp) ?? view.now);
    if (age > METRICS_CREATION_DELAY_MS) {
      return `error: Metrics not available for pod ${pod.metadata.namespace}/${pod.metadata.name}, age: ${formatGoDuration(age)}\n`;
    }
  }
  return 'error: metrics not available yet\n';
}

/** `kubectl top node`: Nodes without metrics print `<unknown>`. */
export function topNodes(view: ClusterView): string {
  const nodes = view.list('Node').sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  if (nodes.length === 0) return 'No resources found\n';
  const metrics = new Map(view.table<NodeMetrics>(NODE_METRICS_TABLE));
  if (metrics.size === 0) return 'error: metrics not available yet\n';
  const rows: string[][] = [['NAME', 'CPU(cores)', 'CPU%', 'MEMORY(bytes)', 'MEMORY%']];
  for (const node of nodes) {
    const m = metrics.get(node.metadata.name);
    if (!m) {
      rows.push([node.metadata.name, '<unknown>', '<unknown>', '<unknown>', '<unknown>']);
      continue;
    }
    const { cpuMilli, memoryBytes } = allocatable(node);
    rows.push([node.metadata.name, cpu(m.cpuMilli), `${Math.floor((m.cpuMilli / cpuMilli) * 100)}%`,
      mem(m.memoryBytes), `${Math.floor((m.memoryBytes / memoryBytes) * 100)}%`]);
  }
  return tabWrite(rows);
}

function allocatable(node: KubeObject): { cpuMilli: number; memoryBytes: number } {
  const a = (node.status as { allocatable?: Record<string, string> } | undefined)?.allocatable ?? {};
  return { cpuMilli: (parseQuantity(a.cpu) ?? 1) * 1000, memoryBytes: parseQuantity(a.memory) ?? 1 };
}
