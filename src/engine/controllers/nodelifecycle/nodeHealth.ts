/**
 * The health half of the node lifecycle controller: a Node whose kubelet stopped renewing its Lease
 * gets every condition set to Unknown after the grace period, an event, and its Pods marked not Ready.
 * upstream: node_lifecycle_controller.go tryUpdateNodeHealth, monitorNodeHealth;
 * pkg/controller/util/node/controller_utils.go MarkPodsNotReady, RecordNodeStatusChange
 */
import type { NodeCondition, PodCondition } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api';
import { timestamp } from '../../core/time';
import type { ReconcileContext } from '../types';
import { heartbeatOf, lastRenewal, NODE_MONITOR_GRACE_MS, unknownAt } from './heartbeat';
import { conditionsOf, readyCondition } from './taints';

/** Events of the node lifecycle controller carry upstream's source component. */
export const NODE_CONTROLLER_COMPONENT = 'node-controller';

const REMAINING = ['MemoryPressure', 'DiskPressure', 'PIDPressure'];

/** Every condition Unknown: `NodeStatusUnknown` where the kubelet had posted one, `NodeStatusNeverUpdated` where not. */
export function unknownConditions(conditions: readonly NodeCondition[], now: string): NodeCondition[] {
  const types = ['Ready', ...REMAINING];
  const out = conditions.map((c): NodeCondition => (!types.includes(c.type) || c.status === 'Unknown' ? c : {
    ...c, status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: now,
  }));
  for (const type of types) {
    if (out.some((c) => c.type === type)) continue;
    out.push({ type, status: 'Unknown', reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.',
      lastHeartbeatTime: now, lastTransitionTime: now });
  }
  return out;
}

/**
 * Checks one Node's heartbeat. Returns when it must be looked at again (the moment the grace
 * period runs out), or undefined. Writes the Unknown conditions and marks its Pods when due.
 */
export function checkNodeHealth(ctx: ReconcileContext, node: KubeObject): number | undefined {
  const hb = heartbeatOf(ctx, node);
  if (hb?.stoppedAt === undefined) return undefined;
  const due = unknownAt(node, hb);
  if (ctx.now < due) return due;
  const conditions = conditionsOf(node);
  const wasReady = readyCondition(node)?.status === 'True';
  if (conditions.length && conditions.every((c) => c.status === 'Unknown' || !['Ready', ...REMAINING].includes(c.type))) return undefined;
  const silentFor = Math.round((ctx.now - lastRenewal(node, hb, ctx.now)) / 1000);
  const status = { ...(node.status as object), conditions: unknownConditions(conditions, timestamp(ctx.now)) };
  const name = node.metadata.name;
  const result = ctx.updateStatus({ ...node, status } as KubeObject,
    `Node ${name} is NotReady: its kubelet has not renewed its Lease for ${silentFor}s (node-monitor-grace-period ` +
    `${NODE_MONITOR_GRACE_MS / 1000}s), so every condition is now Unknown`);
  if (!result.ok) return undefined;
  if (wasReady) {
    ctx.event(result.object, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`, { component: NODE_CONTROLLER_COMPONENT });
  }
  markPodsNotReady(ctx, name);
  return undefined;
}

/** upstream MarkPodsNotReady: only the Ready condition flips (to False), with a `NodeNotReady` event per Pod. */
export function markPodsNotReady(ctx: ReconcileContext, nodeName: string): void {
  const pods = ctx.list('Pod', undefined, { field: 'spec.nodeName', value: nodeName })
    .sort((a, b) => (`${a.metadata.namespace}/${a.metadata.name}` < `${b.metadata.namespace}/${b.metadata.name}` ? -1 : 1));
  for (const pod of pods) {
    const conditions = (pod.status as { conditions?: PodCondition[] } | undefined)?.conditions ?? [];
    const ready = conditions.find((c) => c.type === 'Ready');
    if (!ready || ready.status === 'False') continue;
    const next = conditions.map((c) => (c === ready ? { ...c, status: 'False', lastTransitionTime: timestamp(ctx.now) } : c));
    const ref = `${pod.metadata.namespace}/${pod.metadata.name}`;
    const result = ctx.updateStatus({ ...pod, status: { ...(pod.status as object), conditions: next } } as KubeObject,
      `Pod ${ref} is no longer Ready: its Node ${nodeName} is NotReady (the Pod may still be running, nobody can tell)`);
    if (result.ok) ctx.event(result.object, 'Warning', 'NodeNotReady', 'Node is not ready', { component: NODE_CONTROLLER_COMPONENT });
  }
}
