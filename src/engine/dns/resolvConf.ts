/**
 * The /etc/resolv.conf the kubelet gives a Pod, from its dnsPolicy and dnsConfig.
 * upstream: pkg/kubelet/network/dns/dns.go (GetPodDNS, getPodDNSType, appendDNSConfig,
 * mergeDNSOptions, formDNSSearchFitsLimits), containerd's resolv.conf writer (search, nameserver, options)
 */
import type { PodDNSConfig } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api';
import { clusterSearchPath } from './resolve';
import { CLUSTER_DNS_IP, CLUSTER_FIRST_NDOTS } from './types';

/** The kind node's own resolver (the Docker network gateway), used by dnsPolicy Default. */
export const NODE_NAMESERVER = '172.18.0.1';
/** upstream validation.MaxDNSNameservers / MaxDNSSearchPaths */
const MAX_NAMESERVERS = 3;
const MAX_SEARCHES = 32;

export interface PodDnsSettings {
  nameservers: string[];
  searches: string[];
  options: string[];
}

const unique = (list: string[]) => [...new Set(list)];

/** upstream mergeDNSOptions: dnsConfig options override same-named ones (`ndots:2` replaces `ndots:5`). */
function mergeOptions(base: string[], extra: PodDNSConfig['options']): string[] {
  const merged = new Map<string, string>();
  for (const op of base) {
    const i = op.indexOf(':');
    merged.set(i < 0 ? op : op.slice(0, i), i < 0 ? '' : op.slice(i + 1));
  }
  for (const op of extra ?? []) if (op.name) merged.set(op.name, op.value ?? '');
  return [...merged].map(([k, v]) => (v ? `${k}:${v}` : k));
}

/**
 * upstream getPodDNSType: ClusterFirst (the default) uses the cluster DNS, except for a Pod on the
 * host network, which falls back to the node's resolver unless it says ClusterFirstWithHostNet;
 * Default uses the node's; None only what dnsConfig says.
 */
export function podDnsSettings(pod: KubeObject): PodDnsSettings {
  const spec = (pod.spec ?? {}) as { dnsPolicy?: string; hostNetwork?: boolean; dnsConfig?: PodDNSConfig };
  const policy = spec.dnsPolicy ?? 'ClusterFirst';
  const cluster = policy === 'ClusterFirstWithHostNet' || (policy === 'ClusterFirst' && !spec.hostNetwork);
  let base: PodDnsSettings = { nameservers: [], searches: [], options: [] };
  if (cluster) {
    base = { nameservers: [CLUSTER_DNS_IP], searches: clusterSearchPath(pod.metadata.namespace ?? 'default'), options: [`ndots:${CLUSTER_FIRST_NDOTS}`] };
  } else if (policy !== 'None') {
    base = { nameservers: [NODE_NAMESERVER], searches: [], options: [] };
  }
  const config = spec.dnsConfig ?? {};
  return {
    nameservers: unique([...base.nameservers, ...(config.nameservers ?? [])]).slice(0, MAX_NAMESERVERS),
    searches: unique([...base.searches, ...(config.searches ?? [])]).slice(0, MAX_SEARCHES),
    options: mergeOptions(base.options, config.options),
  };
}

/** The file's text, as the container runtime writes it: search, then nameservers, then options. */
export function resolvConf(pod: KubeObject): string {
  const s = podDnsSettings(pod);
  let text = '';
  if (s.searches.length) text += `search ${s.searches.join(' ')}\n`;
  for (const ns of s.nameservers) text += `nameserver ${ns}\n`;
  if (s.options.length) text += `options ${s.options.join(' ')}\n`;
  return text;
}
