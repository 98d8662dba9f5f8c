/**
 * The cluster DNS as a pure function of a ClusterView: what CoreDNS (kubeadm/kind Corefile:
 * `kubernetes cluster.local in-addr.arpa ip6.arpa { pods insecure }`, `ttl 30`) answers a Pod,
 * and the resolv.conf that makes the Pod ask it.
 */
export { resolve, searchCandidates, clusterSearchPath, reverseName } from './resolve';
export { lookupName } from './lookup';
export { resolvConf, podDnsSettings, NODE_NAMESERVER, type PodDnsSettings } from './resolvConf';
export { CLUSTER_DNS_IP, CLUSTER_DOMAIN, DNS_TTL, type DnsAnswer, type RecordType, type ResolveOptions, type ResolveResult,
  type ZoneResponse, type Rcode } from './types';
