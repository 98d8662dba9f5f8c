/**
 * What one kube-proxy reads from the API: its configuration (ConfigMap kube-system/kube-proxy),
 * its Node's addresses, the Services and their EndpointSlices.
 */
import type { KubeObject, ProxyMode } from '../api';
import { KUBE_PROXY_CONFIGMAP, proxyModeOf } from '../commands/proxyMode';
import type { StoreReader } from '../controllers/types';
import type { ModelInput } from './model';
import { SERVICE_NAME_LABEL, servicePortInfos } from './serviceMap';
import type { ServicePortInfo } from './types';

export interface ProxyConfig {
  mode: ProxyMode;
  clusterCIDR: string;
  /** IPVS scheduler; `rr` when unset. */
  scheduler: string;
  /** iptables.minSyncPeriod (ms). */
  minSyncPeriodMs: number;
}

const DEFAULT_CLUSTER_CIDR = '10.244.0.0/16';

/** The control plane's address: where `default/kubernetes` leads while no EndpointSlice names it. */
export const API_SERVER_ENDPOINT = { ip: '172.18.0.1', port: 6443 };

export function proxyConfig(configMap: KubeObject | undefined): ProxyConfig {
  const conf = (configMap?.data as Record<string, string> | undefined)?.['config.conf'] ?? '';
  const cidr = /^clusterCIDR:\s*"?([0-9./]+)"?\s*$/m.exec(conf)?.[1];
  const scheduler = /^ipvs:\s*\n(?:[ \t]+.*\n)*?[ \t]+scheduler:\s*"?([a-z]*)"?/m.exec(conf)?.[1];
  const minSync = /^iptables:\s*\n(?:[ \t]+.*\n)*?[ \t]+minSyncPeriod:\s*"?(\d+(?:\.\d+)?)(ms|s|m)"?/m.exec(conf);
  const unit = { ms: 1, s: 1000, m: 60_000 } as const;
  return {
    mode: proxyModeOf(configMap),
    clusterCIDR: cidr ?? DEFAULT_CLUSTER_CIDR,
    scheduler: scheduler || 'rr',
    minSyncPeriodMs: minSync ? Number(minSync[1]) * unit[minSync[2] as keyof typeof unit] : 1000,
  };
}

export function readProxyConfig(reader: StoreReader): ProxyConfig {
  return proxyConfig(reader.get('ConfigMap', KUBE_PROXY_CONFIGMAP.name, KUBE_PROXY_CONFIGMAP.namespace));
}

export function nodeAddresses(node: KubeObject | undefined): string[] {
  const addresses = (node?.status as { addresses?: { type: string; address: string }[] } | undefined)?.addresses ?? [];
  return addresses.filter((a) => a.type === 'InternalIP' || a.type === 'ExternalIP').map((a) => a.address);
}

/**
 * upstream: the API server's endpoint reconciler keeps the `kubernetes` EndpointSlice; until one
 * is stored, kube-proxy is given the one it would write.
 */
const apiServerSlice = Object.freeze({
  apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4',
  metadata: { name: 'kubernetes', namespace: 'default', uid: 'apiserver-endpoints', resourceVersion: '0', creationTimestamp: '' },
  ports: [{ name: 'https', port: API_SERVER_ENDPOINT.port, protocol: 'TCP' }],
  endpoints: [{ addresses: [API_SERVER_ENDPOINT.ip], conditions: { ready: true, serving: true, terminating: false } }],
}) as unknown as KubeObject;

const infoCache = new WeakMap<KubeObject, { signature: string; infos: ServicePortInfo[] }>();

/** Every proxied service port with its endpoints; cached per Service object and slice versions. */
export function readServicePorts(reader: StoreReader): ServicePortInfo[] {
  const slicesByService = new Map<string, KubeObject[]>();
  for (const slice of reader.list('EndpointSlice')) {
    const svc = slice.metadata.labels?.[SERVICE_NAME_LABEL];
    if (!svc) continue;
    const key = `${slice.metadata.namespace}/${svc}`;
    const list = slicesByService.get(key);
    if (list) list.push(slice);
    else slicesByService.set(key, [slice]);
  }
  const out: ServicePortInfo[] = [];
  for (const service of reader.list('Service')) {
    const key = `${service.metadata.namespace}/${service.metadata.name}`;
    let slices = (slicesByService.get(key) ?? []).sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
    if (slices.length === 0 && key === 'default/kubernetes') slices = [apiServerSlice];
    const signature = slices.map((s) => `${s.metadata.uid}@${s.metadata.resourceVersion}`).join(',');
    let hit = infoCache.get(service);
    if (!hit || hit.signature !== signature) {
      hit = { signature, infos: servicePortInfos(service, slices) };
      infoCache.set(service, hit);
    }
    out.push(...hit.infos);
  }
  return out;
}

export function readModelInput(reader: StoreReader, node: string, config: ProxyConfig): ModelInput {
  return {
    mode: config.mode, node, nodeIPs: nodeAddresses(reader.get('Node', node)), clusterCIDR: config.clusterCIDR,
    scheduler: config.scheduler, servicePorts: readServicePorts(reader),
  };
}
