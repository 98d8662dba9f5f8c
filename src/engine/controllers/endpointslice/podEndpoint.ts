/**
 * What one Pod contributes to a Service's EndpointSlices: whether it is listed, its endpoint
 * (address, conditions, node, zone, hostname, targetRef) and its ports.
 * upstream: staging/src/k8s.io/endpointslice/utils.go (podToEndpoint, getEndpointPorts),
 * staging/src/k8s.io/endpointslice/util/controller_utils.go (ShouldPodBeInEndpoints, ShouldSetHostname),
 * pkg/api/v1/pod/util.go (FindPort)
 */
import type { Endpoint, EndpointPort } from 'kubernetes-types/discovery/v1';
import type { Container, ContainerPort, ServicePort } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api';
import { isPodReady, podPhase } from '../shared/pods';

interface PodSpecLike {
  nodeName?: string; hostname?: string; subdomain?: string;
  containers?: Container[]; initContainers?: Container[];
}
interface ServiceSpecLike {
  clusterIP?: string; ports?: ServicePort[]; publishNotReadyAddresses?: boolean; ipFamilies?: string[];
}

export const ZONE_LABEL = 'topology.kubernetes.io/zone';

const podSpec = (pod: KubeObject) => (pod.spec ?? {}) as PodSpecLike;
export const serviceSpec = (svc: KubeObject) => (svc.spec ?? {}) as ServiceSpecLike;

/** A headless Service (`clusterIP: None`) or one without an address yet. upstream: !IsServiceIPSet */
export function isHeadless(svc: KubeObject): boolean {
  const ip = serviceSpec(svc).clusterIP;
  return !ip || ip === 'None';
}

/** The Pod's IPv4 address (the family every simulated Service has), if it has one. */
export function podIPv4(pod: KubeObject): string | undefined {
  const status = (pod.status ?? {}) as { podIP?: string; podIPs?: { ip: string }[] };
  const ips = status.podIPs?.map((p) => p.ip) ?? (status.podIP ? [status.podIP] : []);
  return ips.find((ip) => !ip.includes(':'));
}

/**
 * upstream ShouldPodBeInEndpoints: never a finished Pod (Succeeded/Failed) or one without an IP;
 * a terminating Pod only when `includeTerminating` (always for EndpointSlices, which mark it).
 */
export function shouldPodBeInEndpoints(pod: KubeObject, includeTerminating: boolean): boolean {
  const phase = podPhase(pod);
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  const status = (pod.status ?? {}) as { podIP?: string; podIPs?: unknown[] };
  if (!status.podIP && !(status.podIPs?.length)) return false;
  return includeTerminating || !pod.metadata.deletionTimestamp;
}

/** upstream ShouldSetHostname: the Pod names a hostname and its subdomain is this Service. */
export function shouldSetHostname(pod: KubeObject, svc: KubeObject): boolean {
  const s = podSpec(pod);
  return !!s.hostname && s.subdomain === svc.metadata.name && pod.metadata.namespace === svc.metadata.namespace;
}

const sidecars = (s: PodSpecLike) => (s.initContainers ?? []).filter((c) => c.restartPolicy === 'Always');

/**
 * upstream FindPort: a numeric targetPort is used as is; a named one is looked up among the
 * containers' ports (then the sidecars'), matching name and protocol. Undefined when not found.
 */
export function findPort(pod: KubeObject, port: ServicePort): number | undefined {
  const target = port.targetPort ?? port.port;
  if (typeof target === 'number') return target;
  const protocol = port.protocol ?? 'TCP';
  const s = podSpec(pod);
  for (const c of [...(s.containers ?? []), ...sidecars(s)]) {
    const match = (c.ports ?? []).find((p: ContainerPort) => p.name === target && (p.protocol ?? 'TCP') === protocol);
    if (match) return match.containerPort;
  }
  return undefined;
}

/**
 * upstream getEndpointPorts: one EndpointPort per Service port the Pod resolves (name `""` when the
 * Service port is unnamed); a port the Pod cannot resolve is left out, so Pods that resolve
 * different ports land in different slices.
 */
export function endpointPorts(svc: KubeObject, pod: KubeObject): EndpointPort[] {
  const out: EndpointPort[] = [];
  for (const p of serviceSpec(svc).ports ?? []) {
    const port = findPort(pod, p);
    if (port === undefined) continue;
    const ep: EndpointPort = { name: p.name ?? '', port, protocol: p.protocol ?? 'TCP' };
    if (p.appProtocol) ep.appProtocol = p.appProtocol;
    out.push(ep);
  }
  return out;
}

/**
 * upstream podToEndpoint: serving = Pod Ready; terminating = being deleted; ready = serving and not
 * terminating, or always with publishNotReadyAddresses.
 */
export function podToEndpoint(pod: KubeObject, node: KubeObject | undefined, svc: KubeObject): Endpoint {
  const serving = isPodReady(pod);
  const terminating = !!pod.metadata.deletionTimestamp;
  const ready = !!serviceSpec(svc).publishNotReadyAddresses || (serving && !terminating);
  const ip = podIPv4(pod);
  const ep: Endpoint = {
    addresses: ip ? [ip] : [],
    conditions: { ready, serving, terminating },
    targetRef: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid },
  };
  const s = podSpec(pod);
  if (shouldSetHostname(pod, svc)) ep.hostname = s.hostname;
  if (s.nodeName) ep.nodeName = s.nodeName;
  const zone = node?.metadata.labels?.[ZONE_LABEL];
  if (zone) ep.zone = zone;
  return ep;
}

/** upstream hashEndpoint: an endpoint's identity across syncs (addresses, hostname, target Pod). */
export function endpointKey(ep: Endpoint): string {
  return `${[...ep.addresses].sort().join(',')}|${ep.hostname ?? ''}|${ep.targetRef?.namespace ?? ''}/${ep.targetRef?.name ?? ''}`;
}

/** upstream NewPortMapKey: the identity of a set of ports, order ignored. */
export function portMapKey(ports: readonly EndpointPort[] | undefined | null): string {
  return (ports ?? []).map((p) => `${p.name ?? ''}/${p.port ?? ''}/${p.protocol ?? 'TCP'}/${p.appProtocol ?? ''}`).sort().join(';');
}
