/**
 * The kubelet's heartbeat, kept without a Step per renewal: a running kubelet renews its Lease in
 * `kube-node-lease` every 10s from the moment it started, so the last renewal is a pure function of
 * (start, now). Only starting and stopping a kubelet is recorded (versioned table
 * `kubelet/heartbeats`, one record per Node, tied to the Node's uid); a Node without a record has
 * had its kubelet running since the Node was registered.
 */
import type { KubeObject } from '../../api';
import { virtualMs } from '../../core/time';
import type { ReconcileContext } from '../types';

export const HEARTBEATS_TABLE = 'kubelet/heartbeats';

/** upstream kubelet: nodeLeaseDurationSeconds 40, renewed every 0.25 × duration. */
export const LEASE_DURATION_SECONDS = 40;
export const LEASE_RENEW_MS = 10_000;
/** upstream kube-controller-manager: --node-monitor-period. */
export const NODE_MONITOR_PERIOD_MS = 5_000;
/** upstream --node-monitor-grace-period: 50s since 1.32 (40s before); we follow 1.32+. */
export const NODE_MONITOR_GRACE_MS = 50_000;

export interface KubeletHeartbeat {
  /** The Node object this record is about (a Node re-created under the same name starts afresh). */
  uid: string;
  /** When the kubelet (re)started: its Lease renewals are on a 10s grid from here. */
  startedAt: number;
  /** Set while the kubelet is stopped. */
  stoppedAt?: number;
}

type TableReader = Pick<ReconcileContext, 'table'>;

/** The heartbeat record of `node`, if it is about this very Node object. */
export function heartbeatOf(ctx: TableReader, node: KubeObject): KubeletHeartbeat | undefined {
  const hb = ctx.table<KubeletHeartbeat>(HEARTBEATS_TABLE).get(node.metadata.name);
  return hb && hb.uid === node.metadata.uid ? hb : undefined;
}

export function kubeletStopped(ctx: TableReader & Pick<ReconcileContext, 'get'>, nodeName: string): boolean {
  const node = ctx.get('Node', nodeName);
  return !!node && heartbeatOf(ctx, node)?.stoppedAt !== undefined;
}

/** When the kubelet of `node` started: its restart, else the Node's registration. */
export function kubeletStart(node: KubeObject, hb: KubeletHeartbeat | undefined): number {
  return hb?.startedAt ?? virtualMs(node.metadata.creationTimestamp) ?? 0;
}

/** The last Lease renewal at or before `now` (renewals stop when the kubelet stops). */
export function lastRenewal(node: KubeObject, hb: KubeletHeartbeat | undefined, now: number): number {
  const start = kubeletStart(node, hb);
  const until = Math.min(now, hb?.stoppedAt ?? now);
  if (until < start) return start;
  return start + Math.floor((until - start) / LEASE_RENEW_MS) * LEASE_RENEW_MS;
}

/** The first node-monitor tick at or after `t` (ticks every 5s from the controller's start at 0). */
export function nextMonitorTick(t: number): number {
  return Math.ceil(t / NODE_MONITOR_PERIOD_MS) * NODE_MONITOR_PERIOD_MS;
}

/**
 * When the node lifecycle controller gives up on a stopped kubelet: it saw the last renewal at its
 * next tick (the probe timestamp), and marks the Node Unknown once the grace period has passed since.
 * upstream: node_lifecycle_controller.go tryUpdateNodeHealth (now after probeTimestamp + gracePeriod)
 */
export function unknownAt(node: KubeObject, hb: KubeletHeartbeat): number {
  return nextMonitorTick(lastRenewal(node, hb, hb.stoppedAt ?? Infinity)) + NODE_MONITOR_GRACE_MS;
}
