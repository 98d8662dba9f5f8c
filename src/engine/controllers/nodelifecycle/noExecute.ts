/**
 * The NoExecute half of the node lifecycle controller: `not-ready` / `unreachable` NoExecute taints
 * (with timeAdded) follow the Ready condition, new ones no faster than the zone's rate (one Node per
 * 10s normally), none at all while every zone is fully disrupted.
 * upstream: node_lifecycle_controller.go processTaintBaseEviction, doNoExecuteTaintingPass,
 * markNodeAsReachable; controller_utils.go SwapNodeControllerTaint
 */
import type { Taint } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api';
import { timestamp } from '../../core/time';
import type { ReconcileContext } from '../types';
import { isControllerNoExecute, noExecuteKeyFor, observedReady, taintsOf } from './taints';
import { zoneKey, type ZonePlan } from './zones';

const slotKey = (zone: string) => `tainter/${zone}`;

function describe(taints: Taint[]): string {
  return taints.map((t) => `${t.key}:NoExecute`).join(', ');
}

/** Brings one Node's NoExecute taints in line; returns when it must be looked at again (rate-limited), if ever. */
export function syncNoExecuteTaint(ctx: ReconcileContext, node: KubeObject, zones: ZonePlan): number | undefined {
  const observed = observedReady(node, ctx.now);
  // the Node changed at this instant: its next change (or the kubelet's next post) brings the monitor back
  if (observed === 'pending') return undefined;
  const wantedKey = zones.masterDisruption ? undefined : noExecuteKeyFor(observed);
  const taints = taintsOf(node);
  const current = taints.filter(isControllerNoExecute);
  if (current.length === 1 && current[0].key === wantedKey) return undefined;
  if (!wantedKey && current.length === 0) return undefined;
  const name = node.metadata.name;
  const others = taints.filter((t) => !isControllerNoExecute(t));
  const write = (next: Taint[], message: string) => {
    const updated = { ...node, spec: { ...(node.spec as object) } } as KubeObject & { spec: { taints?: Taint[] } };
    if (next.length) updated.spec.taints = next;
    else delete updated.spec.taints;
    ctx.update(updated, message);
  };
  if (!wantedKey) {
    write(others, `Node ${name} is Ready again: removed taint ${describe(current)}`);
    return undefined;
  }
  const added: Taint = { key: wantedKey, effect: 'NoExecute', timeAdded: timestamp(ctx.now) };
  if (current.length) {
    // upstream SwapNodeControllerTaint: the opposite taint is swapped at once, outside the rate limit
    write([...others, added], `Node ${name}: swapped taint ${describe(current)} for ${wantedKey}:NoExecute`);
    return undefined;
  }
  const zone = zoneKey(node);
  const qps = zones.qps.get(zone) ?? 0;
  if (qps <= 0) return undefined;
  const slot = ctx.memo.get<number>(slotKey(zone)) ?? -Infinity;
  if (ctx.now < slot) return slot;
  ctx.memo.set(slotKey(zone), ctx.now + 1000 / qps);
  const why = wantedKey.endsWith('unreachable') ? 'its kubelet stopped reporting' : 'its kubelet reports it not Ready';
  write([...others, added], `Node ${name}: added taint ${wantedKey}:NoExecute (${why}); Pods that do not tolerate it are ` +
    'evicted, those with the default toleration after 300s');
  return undefined;
}
