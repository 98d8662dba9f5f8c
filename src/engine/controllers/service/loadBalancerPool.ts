/**
 * The simulated cloud's pool of load-balancer addresses, like cloud-provider-kind / MetalLB on a
 * kind network: 172.18.255.200 upward. An address is in use while a Service's status shows it, so
 * the pool needs no state of its own and time-travels with the Services.
 */
import type { KubeObject } from '../../api';

export const LB_POOL_FIRST = '172.18.255.200';
export const LB_POOL_LAST = '172.18.255.250';
const PREFIX = '172.18.255.';
const FIRST = 200;
const LAST = 250;

export interface IngressStatus { ip?: string; hostname?: string; ipMode?: string }

/** The ingress entries of a Service's status (`status.loadBalancer.ingress`). */
export function ingressOf(svc: KubeObject): IngressStatus[] {
  return ((svc.status as { loadBalancer?: { ingress?: IngressStatus[] } } | undefined)?.loadBalancer?.ingress) ?? [];
}

/** Addresses other Services hold. */
function inUse(services: KubeObject[], except: KubeObject): Set<string> {
  const used = new Set<string>();
  for (const s of services) {
    if (s.metadata.uid === except.metadata.uid) continue;
    for (const i of ingressOf(s)) if (i.ip) used.add(i.ip);
  }
  return used;
}

export type Allocation = { ok: true; ip: string } | { ok: false; message: string };

/**
 * The address for `svc`: the one it already has; else the `spec.loadBalancerIP` it asks for (when
 * no other Service holds it); else the lowest free address of the pool.
 */
export function allocateLoadBalancerIP(svc: KubeObject, services: KubeObject[]): Allocation {
  const used = inUse(services, svc);
  const current = ingressOf(svc).find((i) => i.ip)?.ip;
  const requested = (svc.spec as { loadBalancerIP?: string } | undefined)?.loadBalancerIP;
  if (requested) {
    if (used.has(requested)) return { ok: false, message: `requested IP ${requested} is already in use by another Service` };
    return { ok: true, ip: requested };
  }
  if (current && !used.has(current)) return { ok: true, ip: current };
  for (let n = FIRST; n <= LAST; n++) if (!used.has(PREFIX + n)) return { ok: true, ip: PREFIX + n };
  return { ok: false, message: `no free address left in the pool ${LB_POOL_FIRST}-${LB_POOL_LAST}` };
}
