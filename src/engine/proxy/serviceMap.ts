/**
 * kube-proxy's view of the cluster: Services turned into service ports, EndpointSlices merged per
 * port (upstream: pkg/proxy/servicechangetracker.go, pkg/proxy/endpointslicecache.go).
 */
import type { KubeObject } from '../api';
import { servicePortName } from './chainNames';
import type { Protocol, ProxyEndpoint, ServicePortInfo } from './types';

interface ServicePortSpec { name?: string; protocol?: string; port: number; nodePort?: number }
interface ServiceSpec {
  type?: string;
  clusterIP?: string;
  ports?: ServicePortSpec[];
  externalIPs?: string[];
  loadBalancerSourceRanges?: string[];
  healthCheckNodePort?: number;
  sessionAffinity?: string;
  sessionAffinityConfig?: { clientIP?: { timeoutSeconds?: number } };
  internalTrafficPolicy?: string;
  externalTrafficPolicy?: string;
}
interface SliceEndpoint {
  addresses?: string[];
  conditions?: { ready?: boolean; serving?: boolean; terminating?: boolean };
  nodeName?: string;
  zone?: string;
  targetRef?: { kind?: string; name?: string; namespace?: string };
}
interface Slice { addressType?: string; endpoints?: SliceEndpoint[]; ports?: { name?: string; port?: number; protocol?: string }[] }

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
/** upstream: Services labelled for another proxy are ignored (service.kubernetes.io/service-proxy-name). */
const PROXY_NAME_LABEL = 'service.kubernetes.io/service-proxy-name';
const DEFAULT_AFFINITY_SECONDS = 10800;

/** Whether kube-proxy programs rules for this Service at all (not headless, not ExternalName). */
export function isProxied(service: KubeObject): boolean {
  const spec = service.spec as ServiceSpec | undefined;
  if (!spec || spec.type === 'ExternalName') return false;
  if (!spec.clusterIP || spec.clusterIP === 'None') return false;
  return !service.metadata.labels?.[PROXY_NAME_LABEL];
}

/** The Service's service ports with their endpoints from `slices` (the Service's own slices). */
export function servicePortInfos(service: KubeObject, slices: readonly KubeObject[]): ServicePortInfo[] {
  if (!isProxied(service)) return [];
  const spec = service.spec as ServiceSpec;
  const namespace = service.metadata.namespace ?? 'default';
  const lbIPs = ((service.status as { loadBalancer?: { ingress?: { ip?: string }[] } } | undefined)?.loadBalancer?.ingress ?? [])
    .map((i) => i.ip).filter((ip): ip is string => !!ip);
  const externallyAccessible = (p: ServicePortSpec) => !!p.nodePort || lbIPs.length > 0 || (spec.externalIPs?.length ?? 0) > 0;
  return (spec.ports ?? []).map((p): ServicePortInfo => {
    const protocol = (p.protocol ?? 'TCP') as Protocol;
    const portName = p.name ?? '';
    return {
      name: servicePortName(namespace, service.metadata.name, portName),
      namespace, service: service.metadata.name, portName, protocol,
      clusterIP: spec.clusterIP!, port: p.port,
      ...(p.nodePort && (spec.type === 'NodePort' || spec.type === 'LoadBalancer') ? { nodePort: p.nodePort } : {}),
      externalIPs: [...(spec.externalIPs ?? [])],
      loadBalancerIPs: spec.type === 'LoadBalancer' ? lbIPs : [],
      loadBalancerSourceRanges: spec.type === 'LoadBalancer' ? [...(spec.loadBalancerSourceRanges ?? [])] : [],
      ...(spec.healthCheckNodePort ? { healthCheckNodePort: spec.healthCheckNodePort } : {}),
      ...(spec.sessionAffinity === 'ClientIP'
        ? { affinitySeconds: spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_SECONDS } : {}),
      internalLocal: spec.internalTrafficPolicy === 'Local',
      externalLocal: spec.externalTrafficPolicy === 'Local' && externallyAccessible(p),
      endpoints: portEndpoints(slices, portName, protocol),
    };
  });
}

/**
 * The endpoints of one service port across the Service's slices: the slice port with the same
 * name and protocol gives the number; only `addresses[0]` counts; duplicates of `ip:port` keep
 * the local-looking one; sorted by the string `ip:port` (so 10.244.1.12 sorts before 10.244.1.5).
 * upstream: ready and serving default to true when unset, terminating to false.
 */
export function portEndpoints(slices: readonly KubeObject[], portName: string, protocol: Protocol): ProxyEndpoint[] {
  const byKey = new Map<string, ProxyEndpoint>();
  for (const obj of slices) {
    const slice = obj as unknown as Slice;
    if (slice.addressType !== undefined && slice.addressType !== 'IPv4') continue;
    const port = (slice.ports ?? []).find((sp) => (sp.name ?? '') === portName && (sp.protocol ?? 'TCP') === protocol);
    if (port?.port === undefined) continue;
    for (const ep of slice.endpoints ?? []) {
      const ip = ep.addresses?.[0];
      if (!ip) continue;
      const key = `${ip}:${port.port}`;
      if (byKey.has(key) && !ep.nodeName) continue;
      const c = ep.conditions ?? {};
      const ready = c.ready !== false;
      const ref = ep.targetRef;
      byKey.set(key, {
        ip, port: port.port, key,
        ...(ep.nodeName ? { nodeName: ep.nodeName } : {}),
        ...(ep.zone ? { zone: ep.zone } : {}),
        ready, serving: c.serving !== false, terminating: c.terminating === true,
        ...(ref?.kind === 'Pod' && ref.name ? { pod: { namespace: ref.namespace ?? obj.metadata.namespace ?? 'default', name: ref.name } } : {}),
      });
    }
  }
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
