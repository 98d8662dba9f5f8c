/**
 * One Node's rules model, built from the service ports. Per service port the result is cached by
 * input identity, so a sync re-derives only what changed (a service port that uses no Local
 * policy is shared by every Node).
 */
import type { ProxyMode } from '../api';
import { categorizeEndpoints, externallyAccessible, usesLocalEndpoints } from './categorize';
import { endpointChainName, serviceChains } from './chainNames';
import type { ProxyModel, ServicePortInfo, ServicePortRules } from './types';

const cache = new WeakMap<ServicePortInfo, Map<string, ServicePortRules>>();

/** A service port as `node`'s kube-proxy programs it. upstream: iptables proxier syncProxyRules. */
export function servicePortRules(info: ServicePortInfo, node: string): ServicePortRules {
  const nodeKey = usesLocalEndpoints(info) ? node : '*';
  let perNode = cache.get(info);
  const hit = perNode?.get(nodeKey);
  if (hit) return hit;
  const { endpoints: _all, ...rest } = info;
  const c = categorizeEndpoints(info, node);
  const hasEndpoints = c.hasAnyEndpoints;
  const rules: ServicePortRules = {
    ...rest,
    chains: serviceChains(info.name, info.protocol),
    endpoints: c.reachable.map((ep) => ({ ...ep, chain: endpointChainName(info.name, info.protocol, ep.key) })),
    clusterEndpoints: c.clusterEndpoints.map((ep) => ep.key),
    localEndpoints: c.localEndpoints.map((ep) => ep.key),
    hasEndpoints,
    hasInternalEndpoints: hasEndpoints && (!info.internalLocal || c.localEndpoints.length > 0),
    hasExternalEndpoints: hasEndpoints && (!info.externalLocal || c.localEndpoints.length > 0),
    externallyAccessible: externallyAccessible(info),
  };
  if (!perNode) cache.set(info, (perNode = new Map()));
  perNode.set(nodeKey, rules);
  return rules;
}

export interface ModelInput {
  mode: ProxyMode;
  node: string;
  nodeIPs: string[];
  clusterCIDR: string;
  scheduler?: string;
  servicePorts: readonly ServicePortInfo[];
}

const byName = (a: ServicePortRules, b: ServicePortRules) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.protocol < b.protocol ? -1 : a.protocol > b.protocol ? 1 : 0;

export function buildProxyModel(input: ModelInput): ProxyModel {
  return {
    mode: input.mode,
    node: input.node,
    nodeIPs: [...input.nodeIPs],
    clusterCIDR: input.clusterCIDR,
    scheduler: input.scheduler || 'rr',
    services: input.servicePorts.map((s) => servicePortRules(s, input.node)).sort(byName),
  };
}

/** Services and endpoints a model programs (the numbers a sync reports). */
export function modelCounts(model: ProxyModel): { services: number; endpoints: number } {
  const services = new Set(model.services.map((s) => `${s.namespace}/${s.service}`));
  let endpoints = 0;
  for (const s of model.services) endpoints += s.endpoints.length;
  return { services: services.size, endpoints };
}
