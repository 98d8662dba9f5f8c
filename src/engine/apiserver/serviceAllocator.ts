import type { KubeObject } from '../api';
import type { Random } from '../core/random';
import { clone } from '../util/objects';
import type { ObjectStore } from './objectStore';

/** The default service CIDR (kube-apiserver --service-cluster-ip-range). */
export const SERVICE_CIDR = '10.96.0.0/12';
const BASE = (10 << 24) | (96 << 16);
const SIZE = 1 << 20;
/** upstream: the first addresses (min(max(16, size/16), 256)) are kept for static assignment */
const STATIC_BAND = 256;
export const NODE_PORT_RANGE = { min: 30000, max: 32767 };

export function ipToString(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export function ipToNumber(ip: string): number | undefined {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return undefined;
  return ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
}

interface Port { name?: string; port: number; protocol?: string; nodePort?: number }
interface Spec {
  type?: string; clusterIP?: string; clusterIPs?: string[]; ports?: Port[]; allocateLoadBalancerNodePorts?: boolean;
  ipFamilies?: string[]; ipFamilyPolicy?: string; externalTrafficPolicy?: string; healthCheckNodePort?: number;
  loadBalancerClass?: string;
}

const specOf = (svc: KubeObject) => (svc.spec ?? {}) as Spec;
const isOther = (self?: KubeObject) => (s: KubeObject) =>
  !self || s.metadata.name !== self.metadata.name || s.metadata.namespace !== self.metadata.namespace;

function usedClusterIPs(store: Pick<ObjectStore, 'list'>, self?: KubeObject): Set<string> {
  return new Set(store.list('Service').filter(isOther(self)).map((s) => specOf(s).clusterIP).filter((ip): ip is string => !!ip));
}

/** NodePorts and health-check NodePorts held by Services (other than `self`). */
function usedNodePorts(store: Pick<ObjectStore, 'list'>, self?: KubeObject): Set<number> {
  const used = new Set<number>();
  for (const s of store.list('Service').filter(isOther(self))) {
    for (const p of specOf(s).ports ?? []) if (p.nodePort) used.add(p.nodePort);
    if (specOf(s).healthCheckNodePort) used.add(specOf(s).healthCheckNodePort!);
  }
  return used;
}

/** upstream needsClusterIP / needsNodePort / needsHCNodePort (pkg/registry/core/service/storage). */
const needsClusterIP = (s: Spec) => (s.type ?? 'ClusterIP') !== 'ExternalName';
const needsNodePorts = (s: Spec) => s.type === 'NodePort' || (s.type === 'LoadBalancer' && s.allocateLoadBalancerNodePorts !== false);
const needsHealthCheckPort = (s: Spec) => s.type === 'LoadBalancer' && s.externalTrafficPolicy === 'Local';

function randomNodePort(used: Set<number>, rng: Random): number {
  const span = NODE_PORT_RANGE.max - NODE_PORT_RANGE.min + 1;
  let candidate: number;
  do candidate = NODE_PORT_RANGE.min + rng.int(span); while (used.has(candidate));
  return candidate;
}

/** upstream healthCheckNodePort allocation: from the NodePort range, for LoadBalancer + externalTrafficPolicy Local. */
function allocateHealthCheckPort(name: string, spec: Spec, used: Set<number>, rng: Random): string | undefined {
  if (!needsHealthCheckPort(spec)) return undefined;
  const port = spec.healthCheckNodePort;
  if (!port) {
    spec.healthCheckNodePort = randomNodePort(used, rng);
    return undefined;
  }
  if (port < NODE_PORT_RANGE.min || port > NODE_PORT_RANGE.max) {
    return invalid(name, `spec.healthCheckNodePort: Invalid value: ${port}: provided port is not in the valid range. ` +
      `The range of valid ports is ${NODE_PORT_RANGE.min}-${NODE_PORT_RANGE.max}`).message;
  }
  return used.has(port) ? invalid(name, `spec.healthCheckNodePort: Invalid value: ${port}: provided port is already allocated`).message : undefined;
}

/** A requested ClusterIP checked (in range, free), or a random one from above the static band. */
function assignClusterIP(name: string, spec: Spec, used: Set<string>, rng: Random): string | undefined {
  if (spec.clusterIP && spec.clusterIP !== 'None') {
    const n = ipToNumber(spec.clusterIP);
    if (n === undefined || n < BASE || n >= BASE + SIZE) {
      return invalid(name, `spec.clusterIPs: Invalid value: []string{"${spec.clusterIP}"}: failed to allocate IP ${spec.clusterIP}: the provided IP (${spec.clusterIP}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`).message;
    }
    if (used.has(spec.clusterIP)) {
      return invalid(name, `spec.clusterIPs: Invalid value: []string{"${spec.clusterIP}"}: failed to allocate IP ${spec.clusterIP}: provided IP is already allocated`).message;
    }
  } else if (!spec.clusterIP) {
    let ip: string;
    do ip = ipToString(BASE + STATIC_BAND + rng.int(SIZE - STATIC_BAND - 1)); while (used.has(ip));
    spec.clusterIP = ip;
  }
  spec.clusterIPs = [spec.clusterIP];
  if (spec.clusterIP !== 'None' || spec.ipFamilies === undefined) {
    spec.ipFamilies = spec.ipFamilies ?? ['IPv4'];
    spec.ipFamilyPolicy = spec.ipFamilyPolicy ?? 'SingleStack';
  }
  return undefined;
}

/**
 * The Service REST storage's allocation on create: a ClusterIP (random, upper band first) unless
 * headless or ExternalName, NodePorts for NodePort/LoadBalancer Services, and a health-check
 * NodePort for LoadBalancer Services with externalTrafficPolicy Local.
 */
export function allocateServiceAddresses(service: KubeObject, store: Pick<ObjectStore, 'list'>, rng: Random):
  { ok: true; object: KubeObject } | { ok: false; message: string } {
  const svc = clone(service);
  const spec = specOf(svc);
  const name = svc.metadata.name;
  const ipError = needsClusterIP(spec) ? assignClusterIP(name, spec, usedClusterIPs(store), rng) : undefined;
  if (ipError) return { ok: false, message: ipError };
  const used = usedNodePorts(store);
  if (needsNodePorts(spec)) {
    for (const [i, port] of (spec.ports ?? []).entries()) {
      if (port.nodePort) {
        if (used.has(port.nodePort)) {
          return invalid(name, `spec.ports[${i}].nodePort: Invalid value: ${port.nodePort}: provided port is already allocated`);
        }
      } else port.nodePort = randomNodePort(used, rng);
      used.add(port.nodePort);
    }
  }
  const hcError = allocateHealthCheckPort(name, spec, used, rng);
  if (hcError) return { ok: false, message: hcError };
  return { ok: true, object: svc };
}

function invalid(name: string, cause: string): { ok: false; message: string } {
  return { ok: false, message: `The Service "${name}" is invalid: ${cause}` };
}

const externallyAccessible = (s: Spec & { externalIPs?: string[] }) =>
  s.type === 'LoadBalancer' || s.type === 'NodePort' || ((s.type ?? 'ClusterIP') === 'ClusterIP' && (s.externalIPs?.length ?? 0) > 0);
const sameJSON = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Fields an update leaves out keep their allocated values while the new type still uses them. */
function keepAllocated(spec: Spec, prev: Spec): void {
  if (needsClusterIP(spec) && needsClusterIP(prev)) {
    for (const f of ['clusterIP', 'clusterIPs', 'ipFamilies', 'ipFamilyPolicy'] as const) {
      if (spec[f] === undefined && prev[f] !== undefined) (spec as Record<string, unknown>)[f] = structuredClone(prev[f]);
    }
  }
  if (needsNodePorts(spec)) {
    for (const port of spec.ports ?? []) {
      const match = (prev.ports ?? []).find((p) => p.port === port.port && (p.protocol ?? 'TCP') === (port.protocol ?? 'TCP'));
      if (!port.nodePort && match?.nodePort) port.nodePort = match.nodePort;
    }
  }
  if (needsHealthCheckPort(spec) && needsHealthCheckPort(prev) && !spec.healthCheckNodePort) spec.healthCheckNodePort = prev.healthCheckNodePort;
}

/** upstream dropTypeDependentFields: what the old type had allocated and the new type does not use, unless the user changed it. */
function dropTypeDependentFields(spec: Spec & { externalIPs?: string[] }, prev: Spec & { externalIPs?: string[] }): void {
  if (needsClusterIP(prev) && !needsClusterIP(spec)) {
    if (sameJSON(spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : undefined), prev.clusterIPs)) {
      delete spec.clusterIP;
      delete spec.clusterIPs;
    }
    if (sameJSON(spec.ipFamilies, prev.ipFamilies)) delete spec.ipFamilies;
    if (sameJSON(spec.ipFamilyPolicy, prev.ipFamilyPolicy)) delete spec.ipFamilyPolicy;
  }
  if (needsNodePorts(prev) && !needsNodePorts(spec) &&
    sameJSON((spec.ports ?? []).map((p) => p.nodePort ?? 0), (prev.ports ?? []).map((p) => p.nodePort ?? 0))) {
    for (const p of spec.ports ?? []) delete p.nodePort;
  }
  if (needsHealthCheckPort(prev) && !needsHealthCheckPort(spec) && spec.healthCheckNodePort === prev.healthCheckNodePort) delete spec.healthCheckNodePort;
  if (prev.type === 'LoadBalancer' && spec.type !== 'LoadBalancer') {
    if (spec.allocateLoadBalancerNodePorts !== undefined && spec.allocateLoadBalancerNodePorts === prev.allocateLoadBalancerNodePorts) delete spec.allocateLoadBalancerNodePorts;
    if (sameJSON(spec.loadBalancerClass, prev.loadBalancerClass)) delete spec.loadBalancerClass;
  }
  if (externallyAccessible(prev) && !externallyAccessible(spec) && spec.externalTrafficPolicy === prev.externalTrafficPolicy) delete spec.externalTrafficPolicy;
}

/**
 * The Service REST storage's update: keep the addresses an update leaves out, drop those the new
 * type no longer uses (upstream dropTypeDependentFields), and allocate what it newly needs — a
 * ClusterIP when leaving ExternalName, NodePorts when becoming NodePort/LoadBalancer, a health-check
 * NodePort for LoadBalancer + externalTrafficPolicy Local. Run before validation.
 * (status.loadBalancer, which upstream also clears on leaving LoadBalancer, is the status writers' to clear.)
 */
export function prepareServiceUpdate(next: KubeObject, old: KubeObject, store: Pick<ObjectStore, 'list'>, rng: Random):
  { ok: true; object: KubeObject } | { ok: false; message: string } {
  const svc = clone(next);
  const spec = specOf(svc);
  const prev = specOf(old);
  const name = svc.metadata.name;
  keepAllocated(spec, prev);
  dropTypeDependentFields(spec, prev);
  if (needsClusterIP(spec) && !spec.clusterIP) {
    const error = assignClusterIP(name, spec, usedClusterIPs(store, old), rng);
    if (error) return { ok: false, message: error };
  }
  const used = usedNodePorts(store, old);
  if (needsNodePorts(spec)) {
    const mine = new Set((prev.ports ?? []).map((p) => p.nodePort).filter(Boolean));
    for (const [i, port] of (spec.ports ?? []).entries()) {
      if (!port.nodePort) port.nodePort = randomNodePort(used, rng);
      else if (used.has(port.nodePort) && !mine.has(port.nodePort)) {
        return invalid(name, `spec.ports[${i}].nodePort: Invalid value: ${port.nodePort}: provided port is already allocated`);
      }
      used.add(port.nodePort);
    }
  }
  const hcError = allocateHealthCheckPort(name, spec, used, rng);
  return hcError ? { ok: false, message: hcError } : { ok: true, object: svc };
}
