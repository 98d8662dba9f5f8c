/**
 * Zone disruption states, which decide how fast Nodes get NoExecute taints.
 * upstream: node_lifecycle_controller.go ComputeZoneState, handleDisruption, setLimiterInZone
 */
import type { KubeObject } from '../../api';
import { observedReady, readyCondition } from './taints';

export type ZoneState = 'Normal' | 'PartialDisruption' | 'FullDisruption';

/** --node-eviction-rate, --secondary-node-eviction-rate, --unhealthy-zone-threshold, --large-cluster-size-threshold. */
export const EVICTION_QPS = 0.1;
export const SECONDARY_EVICTION_QPS = 0.01;
export const UNHEALTHY_ZONE_THRESHOLD = 0.55;
export const LARGE_CLUSTER_THRESHOLD = 50;

/** upstream utilnode.GetZoneKey: region and zone labels; Nodes without them share one zone. */
export function zoneKey(node: KubeObject): string {
  const labels = node.metadata.labels ?? {};
  const region = labels['topology.kubernetes.io/region'] ?? labels['failure-domain.beta.kubernetes.io/region'] ?? '';
  const zone = labels['topology.kubernetes.io/zone'] ?? labels['failure-domain.beta.kubernetes.io/zone'] ?? '';
  return `${region}:\u0000:${zone}`;
}

export function zoneState(nodes: readonly KubeObject[]): ZoneState {
  const ready = nodes.filter((n) => readyCondition(n)?.status === 'True').length;
  const notReady = nodes.length - ready;
  if (ready === 0 && notReady > 0) return 'FullDisruption';
  if (notReady > 2 && notReady / nodes.length >= UNHEALTHY_ZONE_THRESHOLD) return 'PartialDisruption';
  return 'Normal';
}

/** NoExecute taints per second a zone may receive (0: tainting is halted there). */
export function zoneTaintQps(state: ZoneState, zoneSize: number): number {
  if (state === 'PartialDisruption') return zoneSize > LARGE_CLUSTER_THRESHOLD ? SECONDARY_EVICTION_QPS : 0;
  return EVICTION_QPS;
}

export interface ZonePlan {
  /** Every zone is fully disrupted: the controller assumes its own connectivity is at fault and taints nothing. */
  masterDisruption: boolean;
  qps: Map<string, number>;
}

export function planZones(nodes: readonly KubeObject[], now: number): ZonePlan {
  const byZone = new Map<string, KubeObject[]>();
  // a Node still registering (nothing posted yet, or NotReady only since this instant) counts nowhere
  for (const n of nodes.filter((node) => !['pending', undefined].includes(observedReady(node, now)))) {
    const key = zoneKey(n);
    byZone.set(key, [...(byZone.get(key) ?? []), n]);
  }
  const qps = new Map<string, number>();
  let allFull = byZone.size > 0;
  for (const [key, members] of byZone) {
    const state = zoneState(members);
    if (state !== 'FullDisruption') allFull = false;
    qps.set(key, zoneTaintQps(state, members.length));
  }
  return { masterDisruption: allFull, qps };
}
