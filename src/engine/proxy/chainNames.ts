/**
 * kube-proxy's chain names: a prefix plus the first 16 characters of
 * base32(sha256(servicePortName + protocol [+ endpoint])).
 * upstream: pkg/proxy/iptables/proxier.go portProtoHash, servicePortEndpointChainName
 */
import { base32, sha256 } from './sha256';

const encoder = new TextEncoder();
/** Chain names are pure functions of their input: memoised, bounded (benchmarks hash 11,000 per sync). */
const cache = new Map<string, string>();
const CACHE_LIMIT = 50_000;

function hash16(input: string): string {
  let hit = cache.get(input);
  if (hit === undefined) {
    hit = base32(sha256(encoder.encode(input))).slice(0, 16);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(input, hit);
  }
  return hit;
}

/** `ns/svc` or `ns/svc:portName`: how kube-proxy names a service port (ServicePortName.String()). */
export function servicePortName(namespace: string, service: string, portName?: string): string {
  return `${namespace}/${service}${portName ? `:${portName}` : ''}`;
}

/** The hash shared by KUBE-SVC-, KUBE-SVL-, KUBE-EXT- and KUBE-FW- (protocol lowercase). */
export function portProtoHash(svcPortName: string, protocol: string): string {
  return hash16(svcPortName + protocol.toLowerCase());
}

export interface ServiceChains {
  /** Cluster policy chain: every usable endpoint. */
  svc: string;
  /** Local policy chain: the endpoints on this Node. */
  svl: string;
  /** External destinations (NodePort, LoadBalancer IP, externalIPs). */
  ext: string;
  /** LoadBalancer source ranges. */
  fw: string;
}

export function serviceChains(svcPortName: string, protocol: string): ServiceChains {
  const h = portProtoHash(svcPortName, protocol);
  return { svc: `KUBE-SVC-${h}`, svl: `KUBE-SVL-${h}`, ext: `KUBE-EXT-${h}`, fw: `KUBE-FW-${h}` };
}

/** KUBE-SEP- of one endpoint (`ip:port`) of a service port. */
export function endpointChainName(svcPortName: string, protocol: string, endpoint: string): string {
  return `KUBE-SEP-${hash16(svcPortName + protocol.toLowerCase() + endpoint)}`;
}
