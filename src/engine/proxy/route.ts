/**
 * Where one new connection goes on one Node, decided the way the kernel would with that Node's
 * rules: iptables walks KUBE-SERVICES → (KUBE-NODEPORTS →) KUBE-EXT → KUBE-SVC/SVL → KUBE-SEP,
 * drawing each `statistic --mode random` match from the seeded rng; IPVS looks up the virtual
 * server and takes the next real server round-robin (or the client's persistence template).
 */
import type { Random } from '../core/random';
import { kernelProbability } from './iptablesRules';
import { virtualServers, type VirtualServer } from './ipvs';
import { routeIpvs } from './routeIpvs';
import type { Protocol, ProxyModel, RuleEndpoint, ServicePortRules } from './types';
import { inCidr } from './cidr';

export interface RouteRequest {
  /** The destination the client dialled. */
  ip: string;
  port: number;
  protocol: Protocol;
  clientIP: string;
  /** How the packet meets the Node's netfilter: from one of its Pods, from the Node itself, or from outside. */
  source: 'pod' | 'host' | 'external';
  now: number;
}

/** Kernel state a router keeps between connections (per Node). JSON-like, mutated in place. */
export interface RouteState {
  /** iptables `-m recent` lists: KUBE-SEP chain → client IP → last seen (virtual ms). */
  recent: Record<string, Record<string, number>>;
  /** IPVS rr: virtual server → the destination chosen last. */
  rr: Record<string, string>;
  /** IPVS persistence templates: `vs|client` → destination and last use. */
  persist: Record<string, { dest: string; lastSeen: number }>;
}

export const emptyRouteState = (): RouteState => ({ recent: {}, rr: {}, persist: {} });

export type RouteResult =
  | { ok: true; path: string[]; service: string; endpoint: RuleEndpoint }
  | { ok: false; path: string[]; service?: string; action: 'REJECT' | 'DROP' | 'NO-RULE'; at: string; reason: string };

export function routeRequest(model: ProxyModel, req: RouteRequest, rng: Random, state: RouteState): RouteResult {
  if (model.mode !== 'ipvs') return routeIptables(model, req, rng, state);
  const m = findService(model, req);
  return m ? routeIpvs(m.s.name, m.vs, req, state) : noRule([], req);
}

type Match = { s: ServicePortRules; kind: VirtualServer['kind']; vs: VirtualServer };

/** Per model: `PROTO|ip:port` → the service port (and its IPVS virtual server) that address belongs to. */
const indexes = new WeakMap<ProxyModel, Map<string, Match>>();

function findService(model: ProxyModel, req: RouteRequest): Match | undefined {
  let index = indexes.get(model);
  if (!index) {
    index = new Map();
    for (const s of model.services) {
      for (const vs of virtualServers(s, model)) {
        const id = `${vs.protocol}|${vs.address}`;
        if (!index.has(id)) index.set(id, { s, kind: vs.kind, vs });
      }
    }
    indexes.set(model, index);
  }
  return index.get(`${req.protocol}|${req.ip}:${req.port}`);
}

/** The endpoints a KUBE-SVC / KUBE-SVL chain balances over, in rule order. */
const chainEndpoints = new WeakMap<ServicePortRules, { svc: RuleEndpoint[]; svl: RuleEndpoint[] }>();

function endpointsOf(s: ServicePortRules, which: 'svc' | 'svl'): RuleEndpoint[] {
  let e = chainEndpoints.get(s);
  if (!e) {
    const byKey = new Map(s.endpoints.map((ep) => [ep.key, ep]));
    e = { svc: s.clusterEndpoints.map((k) => byKey.get(k)!), svl: s.localEndpoints.map((k) => byKey.get(k)!) };
    chainEndpoints.set(s, e);
  }
  return e[which];
}

const noRule = (path: string[], req: RouteRequest): RouteResult => ({
  ok: false, path, action: 'NO-RULE', at: path[path.length - 1] ?? 'KUBE-SERVICES',
  reason: `no rule matches ${req.ip}:${req.port}/${req.protocol}`,
});

function routeIptables(model: ProxyModel, req: RouteRequest, rng: Random, state: RouteState): RouteResult {
  const m = findService(model, req);
  if (!m) return noRule(['KUBE-SERVICES'], req);
  const { s } = m;
  const filtered = (path: string[], chain: string): RouteResult => ({
    ok: false, path: [...path, chain], service: s.name, action: s.hasEndpoints ? 'DROP' : 'REJECT', at: chain,
    reason: s.hasEndpoints ? `${s.name} has no local endpoints` : `${s.name} has no endpoints`,
  });
  if (m.kind === 'ClusterIP') {
    if (!s.hasInternalEndpoints) return filtered([], 'KUBE-SERVICES');
    return balance(s, ['KUBE-SERVICES'], s.internalLocal ? 'svl' : 'svc', req, rng, state);
  }
  const path = m.kind === 'NodePort' ? ['KUBE-SERVICES', 'KUBE-NODEPORTS'] : ['KUBE-SERVICES'];
  if (!s.hasEndpoints) return filtered(path, 'KUBE-EXTERNAL-SERVICES');
  if (m.kind === 'LoadBalancer' && s.loadBalancerSourceRanges.length > 0) {
    path.push(s.chains.fw);
    if (!s.loadBalancerSourceRanges.some((cidr) => inCidr(req.clientIP, cidr))) {
      return { ok: false, path: [...path, 'KUBE-PROXY-FIREWALL'], service: s.name, action: 'DROP', at: 'KUBE-PROXY-FIREWALL',
        reason: `${s.name} traffic not accepted by ${s.chains.fw}` };
    }
  }
  path.push(s.chains.ext);
  if (!s.externalLocal) return balance(s, path, 'svc', req, rng, state);
  // upstream: Pod and Node-local clients of a Local external destination short-circuit to the cluster chain
  if (req.source === 'pod' || req.source === 'host') return balance(s, path, 'svc', req, rng, state);
  if (!s.hasExternalEndpoints) return filtered(path, 'KUBE-EXTERNAL-SERVICES');
  return balance(s, path, 'svl', req, rng, state);
}

function balance(s: ServicePortRules, path: string[], which: 'svc' | 'svl', req: RouteRequest, rng: Random, state: RouteState): RouteResult {
  const chain = s.chains[which];
  const endpoints = endpointsOf(s, which);
  let chosen: RuleEndpoint | undefined;
  if (s.affinitySeconds !== undefined) {
    const horizon = req.now - s.affinitySeconds * 1000;
    chosen = endpoints.find((ep) => {
      const seen = state.recent[ep.chain]?.[req.clientIP];
      if (seen !== undefined && seen < horizon) delete state.recent[ep.chain][req.clientIP]; // --reap
      return seen !== undefined && seen >= horizon;
    });
  }
  const n = endpoints.length;
  for (let i = 0; !chosen && i < n; i++) {
    if (i === n - 1 || rng.next() < kernelProbability(n - i)) chosen = endpoints[i];
  }
  if (!chosen) return { ok: false, path: [...path, chain], service: s.name, action: 'DROP', at: chain, reason: `${chain} has no rules` };
  if (s.affinitySeconds !== undefined) (state.recent[chosen.chain] ??= {})[req.clientIP] = req.now;
  return { ok: true, path: [...path, chain, chosen.chain], service: s.name, endpoint: chosen };
}
