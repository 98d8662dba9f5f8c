/**
 * Which endpoints a Node's rules lead to, by traffic policy. upstream: pkg/proxy/topology.go
 * CategorizeEndpoints — ready endpoints, falling back to serving+terminating ones when none is
 * ready; Local policies use only this Node's endpoints. (Topology hints are not modelled.)
 */
import type { ProxyEndpoint, ServicePortInfo } from './types';

export interface Categorized {
  clusterEndpoints: ProxyEndpoint[];
  localEndpoints: ProxyEndpoint[];
  /** Everything some rule leads to (cluster ∪ local), sorted by `ip:port`. */
  reachable: ProxyEndpoint[];
  hasAnyEndpoints: boolean;
}

export const externallyAccessible = (s: ServicePortInfo): boolean =>
  !!s.nodePort || s.loadBalancerIPs.length > 0 || s.externalIPs.length > 0;

export const usesClusterEndpoints = (s: ServicePortInfo): boolean =>
  !s.internalLocal || (externallyAccessible(s) && !s.externalLocal);

export const usesLocalEndpoints = (s: ServicePortInfo): boolean =>
  s.internalLocal || (externallyAccessible(s) && s.externalLocal);

const servingTerminating = (ep: ProxyEndpoint) => ep.serving && ep.terminating;

export function categorizeEndpoints(s: ServicePortInfo, node: string): Categorized {
  const all = s.endpoints;
  let clusterEndpoints: ProxyEndpoint[] = [];
  let localEndpoints: ProxyEndpoint[] = [];
  let hasAnyEndpoints = false;
  if (usesClusterEndpoints(s)) {
    clusterEndpoints = all.filter((ep) => ep.ready);
    if (clusterEndpoints.length === 0) clusterEndpoints = all.filter(servingTerminating);
    hasAnyEndpoints = clusterEndpoints.length > 0;
  }
  if (!usesLocalEndpoints(s)) return { clusterEndpoints, localEndpoints, reachable: clusterEndpoints, hasAnyEndpoints };

  const local = (ep: ProxyEndpoint) => ep.nodeName === node;
  if (all.some((ep) => ep.ready || servingTerminating(ep))) hasAnyEndpoints = true;
  localEndpoints = all.filter((ep) => local(ep) && ep.ready);
  if (localEndpoints.length === 0) localEndpoints = all.filter((ep) => local(ep) && servingTerminating(ep));
  if (!usesClusterEndpoints(s)) return { clusterEndpoints, localEndpoints, reachable: localEndpoints, hasAnyEndpoints };

  const union = new Map<string, ProxyEndpoint>();
  for (const ep of [...clusterEndpoints, ...localEndpoints]) union.set(ep.key, ep);
  const reachable = [...union.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { clusterEndpoints, localEndpoints, reachable, hasAnyEndpoints };
}
