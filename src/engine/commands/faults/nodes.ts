import type { AddNodeOptions, CommandResult, KubeObject } from '../../api';
import type { ReconcileContext } from '../../controllers/types';
import { DEFAULT_NODE_CAPACITY } from '../../nodes/nodeDefaults';


/** The first `node-N` no Node has. */
function freeName(ctx: ReconcileContext): string {
  const used = new Set(ctx.list('Node').map((n) => n.metadata.name));
  let i = 1;
  while (used.has(`node-${i}`)) i++;
  return `node-${i}`;
}

/** A machine joins the cluster: its kubelet registers the Node (labels, taints, capacity), then runs Pods there. */
export function addNode(ctx: ReconcileContext, name: string | undefined, options: AddNodeOptions = {}): CommandResult {
  const nodeName = name ?? freeName(ctx);
  if (ctx.get('Node', nodeName)) return { ok: false, message: `Error from server (AlreadyExists): nodes "${nodeName}" already exists` };
  const capacity: Record<string, string> = {
    ...DEFAULT_NODE_CAPACITY,
    ...(options.cpu !== undefined ? { cpu: String(options.cpu) } : {}),
    ...(options.memory !== undefined ? { memory: options.memory } : {}),
    ...(options.pods !== undefined ? { pods: String(options.pods) } : {}),
  };
  const node = {
    apiVersion: 'v1', kind: 'Node',
    metadata: { name: nodeName, ...(options.labels ? { labels: { ...options.labels } } : {}) } as KubeObject['metadata'],
    spec: options.taints?.length ? { taints: options.taints.map((t) => ({ ...t })) } : {},
    status: { capacity, allocatable: { ...capacity } },
  };
  const result = ctx.create(node, `Node ${nodeName} joined the cluster (${capacity.cpu} CPU, ${capacity.memory} memory, ` +
    `${capacity.pods} Pods): its kubelet registered it`);
  if (!result.ok) return { ok: false, message: `Error from server: ${result.message}` };
  return { ok: true, message: `node/${nodeName} created` };
}

/** `kubectl delete node <name>`: the Node object goes; Pods bound to it are force-deleted by PodGC 40s later. */
export function removeNode(ctx: ReconcileContext, name: string): CommandResult {
  const node = ctx.get('Node', name);
  if (!node) return { ok: false, message: `Error from server (NotFound): nodes "${name}" not found` };
  const pods = ctx.list('Pod', undefined, { field: 'spec.nodeName', value: name }).length;
  const result = ctx.delete('Node', name, undefined, {}, `node "${name}" deleted` +
    (pods ? `: its ${pods} Pod${pods === 1 ? '' : 's'} stay bound to it until PodGC force-deletes them (40s)` : ''));
  return result.ok ? { ok: true, message: `node "${name}" deleted` } : { ok: false, message: `Error from server: ${result.message}` };
}
