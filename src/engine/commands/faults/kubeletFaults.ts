import type { CommandResult, KubeObject } from '../../api';
import { NODE_MONITOR_KEY } from '../../controllers/nodeLifecycleController';
import {
  heartbeatOf, HEARTBEATS_TABLE, kubeletStart, lastRenewal, NODE_MONITOR_GRACE_MS, unknownAt, type KubeletHeartbeat,
} from '../../controllers/nodelifecycle/heartbeat';
import type { ReconcileContext } from '../../controllers/types';
import { kubeletKeys } from '../../kubelet/kubelet';

const nodeNotFound = (name: string): CommandResult => ({ ok: false, message: `Error from server (NotFound): nodes "${name}" not found` });

/** `systemctl stop kubelet` on a Node: no more status posts nor Lease renewals; the containers keep running. */
export function stopKubelet(ctx: ReconcileContext, name: string): CommandResult {
  const node = ctx.get('Node', name);
  if (!node) return nodeNotFound(name);
  const hb = heartbeatOf(ctx, node);
  if (hb?.stoppedAt !== undefined) return { ok: true, message: `kubelet on node ${name} is already stopped` };
  const next: KubeletHeartbeat = { uid: node.metadata.uid, startedAt: kubeletStart(node, hb), stoppedAt: ctx.now };
  ctx.table<KubeletHeartbeat>(HEARTBEATS_TABLE).set(name, next);
  const last = lastRenewal(node, next, ctx.now);
  const at = unknownAt(node, next);
  ctx.describe(`Stopped the kubelet on ${name}: it no longer posts Node status nor renews its Lease (last renewal ` +
    `${(ctx.now - last) / 1000}s ago); its containers keep running. The node lifecycle controller will mark the Node ` +
    `NotReady at +${(at - ctx.now) / 1000}s (node-monitor-grace-period ${NODE_MONITOR_GRACE_MS / 1000}s, checked every 5s)`);
  ctx.wake('node-lifecycle-controller', NODE_MONITOR_KEY);
  return { ok: true, message: `kubelet on node ${name} stopped` };
}

/** `systemctl start kubelet`: it boots, posts the Node Ready again and resumes its Pods (cleaning up deleted ones). */
export function startKubelet(ctx: ReconcileContext, name: string): CommandResult {
  const node = ctx.get('Node', name);
  if (!node) return nodeNotFound(name);
  const hb = heartbeatOf(ctx, node);
  if (hb?.stoppedAt === undefined) return { ok: true, message: `kubelet on node ${name} is already running` };
  ctx.table<KubeletHeartbeat>(HEARTBEATS_TABLE).set(name, { uid: node.metadata.uid, startedAt: ctx.now });
  ctx.describe(`Started the kubelet on ${name} again after ${(ctx.now - hb.stoppedAt) / 1000}s: it renews its Lease, ` +
    'posts the Node status and syncs every Pod bound to the Node');
  for (const key of restartKeys(ctx, node)) ctx.wake(`kubelet/${name}`, key);
  ctx.wake('node-lifecycle-controller', NODE_MONITOR_KEY);
  return { ok: true, message: `kubelet on node ${name} started` };
}

/** Everything a restarted kubelet looks at: its Node, the Pods bound to it, and sandboxes of Pods deleted meanwhile. */
function restartKeys(ctx: ReconcileContext, node: KubeObject): string[] {
  const name = node.metadata.name;
  const keys = kubeletKeys(name, ctx.list('Pod', undefined, { field: 'spec.nodeName', value: name }));
  for (const sandbox of ctx.runtime(name).sandboxes()) {
    const key = `pod/${sandbox.namespace}/${sandbox.pod}`;
    if (!keys.includes(key)) keys.push(key);
  }
  return keys;
}
