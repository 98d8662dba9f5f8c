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

function usedClusterIPs(store: Pick<ObjectStore, 'list'>): Set<string> {
  return new Set(store.list('Service').map((s) => (s.spec as { clusterIP?: string }).clusterIP).filter((ip): ip is string => !!ip));
}

function usedNodePorts(store: Pick<ObjectStore, 'list'>): Set<number> {
  const used = new Set<number>();
  for (const s of store.list('Service')) for (const p of ((s.spec as { ports?: Port[] }).ports ?? [])) if (p.nodePort) used.add(p.nodePort);
  return used;
}

/**
 * The Service REST storage's allocation on create: a ClusterIP (random, upper band first) unless
 * headless or ExternalName, and NodePorts for NodePort/LoadBalancer Services.
 */
export function allocateServiceAddresses(service: KubeObject, store: Pick<ObjectStore, 'list'>, rng: Random):
  { ok: true; object: KubeObject } | { ok: false; message: string } {
  const svc = clone(service);
  const spec = svc.spec as { type?: string; clusterIP?: string; clusterIPs?: string[]; ports?: Port[];
    allocateLoadBalancerNodePorts?: boolean; ipFamilies?: string[]; ipFamilyPolicy?: string };
  const name = svc.metadata.name;
  const type = spec.type ?? 'ClusterIP';
  if (type !== 'ExternalName') {
    const used = usedClusterIPs(store);
    if (spec.clusterIP && spec.clusterIP !== 'None') {
      const n = ipToNumber(spec.clusterIP);
      if (n === undefined || n < BASE || n >= BASE + SIZE) {
        return invalid(name, `spec.clusterIPs: Invalid value: []string{"${spec.clusterIP}"}: failed to allocate IP ${spec.clusterIP}: the provided IP (${spec.clusterIP}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`);
      }
      if (used.has(spec.clusterIP)) {
        return invalid(name, `spec.clusterIPs: Invalid value: []string{"${spec.clusterIP}"}: failed to allocate IP ${spec.clusterIP}: provided IP is already allocated`);
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
  }
  const wantsNodePorts = type === 'NodePort' || (type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);
  if (wantsNodePorts) {
    const used = usedNodePorts(store);
    for (const [i, port] of (spec.ports ?? []).entries()) {
      if (port.nodePort) {
        if (used.has(port.nodePort)) {
          return invalid(name, `spec.ports[${i}].nodePort: Invalid value: ${port.nodePort}: provided port is already allocated`);
        }
      } else {
        const span = NODE_PORT_RANGE.max - NODE_PORT_RANGE.min + 1;
        let candidate: number;
        do candidate = NODE_PORT_RANGE.min + rng.int(span); while (used.has(candidate));
        port.nodePort = candidate;
      }
      used.add(port.nodePort);
    }
  }
  return { ok: true, object: svc };
}

function invalid(name: string, cause: string): { ok: false; message: string } {
  return { ok: false, message: `The Service "${name}" is invalid: ${cause}` };
}
