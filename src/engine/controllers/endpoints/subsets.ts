/**
 * The legacy v1 Endpoints `subsets`: each Pod's address as ready or not ready, per Service port,
 * repacked into the canonical form (addresses that offer the same ports share one subset).
 * upstream: pkg/controller/endpoint/endpoints_controller.go (syncService, addEndpointSubset,
 * podToEndpointAddressForService, truncateEndpoints), pkg/api/v1/endpoints/util.go (RepackSubsets,
 * SortSubsets)
 */
import type { EndpointAddress, EndpointPort, EndpointSubset } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api';
import { isPodReady } from '../shared/pods';
import { findPort, podIPv4, serviceSpec, shouldPodBeInEndpoints, shouldSetHostname } from '../endpointslice/podEndpoint';

/** upstream maxCapacity: an Endpoints object lists at most 1000 addresses. */
export const MAX_ENDPOINTS_CAPACITY = 1000;

interface Entry { address: EndpointAddress; ready: boolean; port?: EndpointPort }

/** upstream podToEndpointAddressForService (+ hostname when the Pod's subdomain is this Service). */
function podAddress(svc: KubeObject, pod: KubeObject): EndpointAddress | undefined {
  const ip = podIPv4(pod);
  if (!ip) return undefined;
  const address: EndpointAddress = { ip };
  if (shouldSetHostname(pod, svc)) address.hostname = (pod.spec as { hostname?: string }).hostname;
  address.nodeName = (pod.spec as { nodeName?: string }).nodeName ?? '';
  address.targetRef = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid };
  return address;
}

/** Every (address, readiness, port) the selected Pods offer, before repacking. */
function entries(svc: KubeObject, pods: KubeObject[]): Entry[] {
  const spec = serviceSpec(svc);
  const publish = !!spec.publishNotReadyAddresses;
  const out: Entry[] = [];
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, publish)) continue;
    const address = podAddress(svc, pod);
    if (!address) continue;
    const ready = publish || isPodReady(pod);
    // upstream: a headless Service may have no ports; its addresses are listed without any
    if (!spec.ports?.length) {
      if (spec.clusterIP === 'None') out.push({ address, ready });
      continue;
    }
    for (const p of spec.ports) {
      const port = findPort(pod, p);
      if (port === undefined) continue;
      const ep: EndpointPort = { port, protocol: p.protocol ?? 'TCP' };
      if (p.name) ep.name = p.name;
      if (p.appProtocol) ep.appProtocol = p.appProtocol;
      out.push({ address, ready, port: ep });
    }
  }
  return out;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const addressKey = (a: EndpointAddress) => `${a.ip}|${a.targetRef?.uid ?? ''}`;
const portKey = (p: EndpointPort | undefined) => (p ? `${p.name ?? ''}|${p.port}|${p.protocol}|${p.appProtocol ?? ''}` : '');
/** upstream LessEndpointAddress: by IP (as bytes), then target uid. */
const byAddress = (a: EndpointAddress, b: EndpointAddress) => cmp(a.ip, b.ip) || cmp(a.targetRef?.uid ?? '', b.targetRef?.uid ?? '');

/** upstream RepackSubsets + SortSubsets: ports that reach the same addresses (same readiness) share a subset. */
export function repack(list: Entry[]): EndpointSubset[] {
  const addresses = new Map<string, EndpointAddress>();
  const byPort = new Map<string, { port?: EndpointPort; ready: Map<string, boolean> }>();
  for (const e of list) {
    const ak = addressKey(e.address);
    if (!addresses.has(ak)) addresses.set(ak, e.address);
    const pk = portKey(e.port);
    const group = byPort.get(pk) ?? { port: e.port, ready: new Map<string, boolean>() };
    byPort.set(pk, group);
    // upstream: an address ready for a port in one subset stays ready for it
    if (!group.ready.get(ak)) group.ready.set(ak, e.ready);
  }
  const subsets = new Map<string, { ready: Map<string, boolean>; ports: EndpointPort[] }>();
  for (const group of byPort.values()) {
    const setKey = [...group.ready].map(([k, r]) => `${k}=${r}`).sort().join(';');
    const subset = subsets.get(setKey) ?? { ready: group.ready, ports: [] };
    subsets.set(setKey, subset);
    if (group.port) subset.ports.push(group.port);
  }
  const out: EndpointSubset[] = [];
  for (const { ready, ports } of subsets.values()) {
    const subset: EndpointSubset = {};
    const readyAddrs = [...ready].filter(([, r]) => r).map(([k]) => addresses.get(k)!).sort(byAddress);
    const notReady = [...ready].filter(([, r]) => !r).map(([k]) => addresses.get(k)!).sort(byAddress);
    if (readyAddrs.length) subset.addresses = readyAddrs;
    if (notReady.length) subset.notReadyAddresses = notReady;
    if (ports.length) subset.ports = ports.sort((a, b) => cmp(a.name ?? '', b.name ?? '') || a.port - b.port);
    out.push(subset);
  }
  const first = (s: EndpointSubset) => (s.addresses ?? s.notReadyAddresses ?? [])[0]?.ip ?? '';
  return out.sort((a, b) => cmp(first(a), first(b)) || cmp(portKey(a.ports?.[0]), portKey(b.ports?.[0])));
}

/** upstream RepackSubsets of subsets as written (by hand): the canonical layout of the same addresses and ports. */
export function repackSubsets(subsets: EndpointSubset[]): EndpointSubset[] {
  const list: Entry[] = [];
  for (const s of subsets) {
    for (const port of s.ports?.length ? s.ports : [undefined]) {
      for (const address of s.addresses ?? []) list.push({ address, ready: true, port });
      for (const address of s.notReadyAddresses ?? []) list.push({ address, ready: false, port });
    }
  }
  return repack(list);
}

/** The repacked subsets of a Service's selected Pods (not yet truncated). */
export function endpointSubsets(svc: KubeObject, pods: KubeObject[]): EndpointSubset[] {
  return repack(entries(svc, pods));
}

/**
 * upstream truncateEndpoints: over 1000 addresses, keep each subset's proportional share (rounded
 * up), ready addresses first; returns whether anything was cut.
 */
export function truncateSubsets(subsets: EndpointSubset[]): boolean {
  const totalReady = subsets.reduce((n, s) => n + (s.addresses?.length ?? 0), 0);
  const totalNotReady = subsets.reduce((n, s) => n + (s.notReadyAddresses?.length ?? 0), 0);
  if (totalReady + totalNotReady <= MAX_ENDPOINTS_CAPACITY) return false;
  const truncateReady = totalReady > MAX_ENDPOINTS_CAPACITY;
  const max = truncateReady ? MAX_ENDPOINTS_CAPACITY : MAX_ENDPOINTS_CAPACITY - totalReady;
  const total = truncateReady ? totalReady : totalNotReady;
  let room = max;
  for (const s of subsets) {
    const inSubset = (truncateReady ? s.addresses : s.notReadyAddresses)?.length ?? 0;
    const share = Math.min(Math.ceil((inSubset / total) * max), room);
    if (truncateReady) {
      s.addresses = (s.addresses ?? []).slice(0, share);
      delete s.notReadyAddresses;
      room -= s.addresses.length;
    } else {
      s.notReadyAddresses = (s.notReadyAddresses ?? []).slice(0, share);
      room -= s.notReadyAddresses.length;
    }
    if (!s.addresses?.length) delete s.addresses;
    if (!s.notReadyAddresses?.length) delete s.notReadyAddresses;
  }
  return true;
}
