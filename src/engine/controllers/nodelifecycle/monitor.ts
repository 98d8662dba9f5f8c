import type { KubeObject } from '../../api';
import { timestamp } from '../../core/time';
import type { ReconcileContext, ReconcileResult } from '../types';
import { nextMonitorTick } from './heartbeat';
import { checkNodeHealth } from './nodeHealth';
import { syncNoExecuteTaint } from './noExecute';
import { noScheduleTaintChange } from './taints';
import { planZones } from './zones';

const byName = (a: KubeObject, b: KubeObject) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0);

/**
 * One pass of the node monitor (upstream monitorNodeHealth), on the 5s --node-monitor-period grid:
 * heartbeats first, then the NoExecute taints. Nothing polls while every kubelet is healthy: the pass
 * runs when a Node changes or a kubelet stops, and asks to be requeued only for what is due later.
 */
export function monitorNodes(ctx: ReconcileContext): ReconcileResult | void {
  const tick = nextMonitorTick(ctx.now);
  if (tick !== ctx.now) return { requeueAfter: tick - ctx.now };
  const wakes: number[] = [];
  // the mode is announced as its own Step, from what the pass starts with (the write that changes it comes later)
  noteMasterDisruption(ctx, planZones(ctx.list('Node'), ctx.now).masterDisruption);
  for (const node of ctx.list('Node').sort(byName)) {
    const at = checkNodeHealth(ctx, node);
    if (at !== undefined) wakes.push(at);
  }
  // the condition taints follow at once (upstream: the node-update worker, concurrently with the monitor)
  for (const node of ctx.list('Node').sort(byName)) syncNoScheduleTaints(ctx, node.metadata.name);
  const nodes = ctx.list('Node').sort(byName);
  const zones = planZones(nodes, ctx.now);
  if (zones.masterDisruption !== (ctx.memo.get<boolean>('masterDisruption') ?? false)) wakes.push(ctx.now);
  for (const node of nodes) {
    const at = syncNoExecuteTaint(ctx, ctx.get('Node', node.metadata.name) ?? node, zones);
    if (at !== undefined) wakes.push(at);
  }
  if (!wakes.length) return;
  return { requeueAfter: Math.max(0, Math.min(...wakes) - ctx.now) };
}

/** upstream handleDisruption logs entering and leaving master disruption mode; here it is a Step. */
function noteMasterDisruption(ctx: ReconcileContext, active: boolean): void {
  if ((ctx.memo.get<boolean>('masterDisruption') ?? false) === active) return;
  ctx.memo.set('masterDisruption', active);
  ctx.describe(active
    ? 'Controller detected that all Nodes are not-Ready. Entering master disruption mode: with no Node Ready the ' +
      'controller suspects its own connectivity, so it adds no NoExecute taints and evicts no Pods'
    : 'Controller detected that some Nodes are Ready. Exiting master disruption mode');
}

/** The NoSchedule tainting pass for one Node (upstream doNoScheduleTaintingPass): event-driven. */
export function syncNoScheduleTaints(ctx: ReconcileContext, name: string): void {
  const node = ctx.get('Node', name);
  if (!node) return;
  const change = noScheduleTaintChange(node, timestamp(ctx.now));
  if (!change) return;
  const updated = { ...node, spec: { ...(node.spec as object) } } as KubeObject & { spec: Record<string, unknown> };
  if (change.taints.length) updated.spec.taints = change.taints;
  else delete updated.spec.taints;
  const what = [...change.added.map((k) => `added taint ${k}:NoSchedule`), ...change.removed.map((k) => `removed taint ${k}:NoSchedule`)];
  ctx.update(updated, `Node ${name}: ${what.join(', ')}`);
}
