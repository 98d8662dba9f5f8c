/**
 * What kube-proxy knows and programs, as plain data: the service ports with their endpoints
 * (node-independent, from Services and EndpointSlices), and one Node's rules model built from
 * them. The renderers (iptables-save, ipvsadm) and the request router read only these.
 */
import type { ProxyMode } from '../api';
import type { ServiceChains } from './chainNames';

export type Protocol = 'TCP' | 'UDP' | 'SCTP';

/** One endpoint of a service port as kube-proxy's EndpointSlice cache holds it. */
export interface ProxyEndpoint {
  ip: string;
  port: number;
  /** `ip:port`, the string kube-proxy sorts and hashes. */
  key: string;
  nodeName?: string;
  zone?: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  /** The endpoint's targetRef, when it is a Pod. */
  pod?: { namespace: string; name: string };
}

/** One Service port as kube-proxy programs it, before any Node-specific choice. */
export interface ServicePortInfo {
  /** `ns/svc` or `ns/svc:portName` (kube-proxy's ServicePortName). */
  name: string;
  namespace: string;
  service: string;
  portName: string;
  protocol: Protocol;
  clusterIP: string;
  port: number;
  nodePort?: number;
  externalIPs: string[];
  loadBalancerIPs: string[];
  loadBalancerSourceRanges: string[];
  healthCheckNodePort?: number;
  /** sessionAffinity ClientIP: the stickiness timeout in seconds. */
  affinitySeconds?: number;
  /** internalTrafficPolicy: Local. */
  internalLocal: boolean;
  /** externalTrafficPolicy: Local (only meaningful when externally accessible). */
  externalLocal: boolean;
  /** Every endpoint of the port (ready or not), deduplicated, sorted by `ip:port`. */
  endpoints: ProxyEndpoint[];
}

export interface RuleEndpoint extends ProxyEndpoint {
  /** Its KUBE-SEP- chain. */
  chain: string;
}

/** One service port as one Node's kube-proxy programs it. */
export interface ServicePortRules extends Omit<ServicePortInfo, 'endpoints'> {
  chains: ServiceChains;
  /** Endpoints some rule leads to (KUBE-SEP chains / IPVS real servers), sorted by `ip:port`. */
  endpoints: RuleEndpoint[];
  /** Keys of the endpoints the cluster-policy chain (KUBE-SVC) balances over, in rule order. */
  clusterEndpoints: string[];
  /** Keys of this Node's endpoints the local-policy chain (KUBE-SVL) balances over. */
  localEndpoints: string[];
  /** Some endpoint is usable anywhere (ready, or serving while terminating when none is ready). */
  hasEndpoints: boolean;
  /** ClusterIP traffic has somewhere to go under internalTrafficPolicy. */
  hasInternalEndpoints: boolean;
  /** NodePort/LoadBalancer/externalIP traffic has somewhere to go under externalTrafficPolicy. */
  hasExternalEndpoints: boolean;
  /** A NodePort, LoadBalancer IP or external IP exists. */
  externallyAccessible: boolean;
}

/** One Node's kube-proxy rules as data: what the renderers print and the router walks. */
export interface ProxyModel {
  mode: ProxyMode;
  node: string;
  /** The Node's addresses (NodePorts listen on them; IPVS binds a virtual server per address). */
  nodeIPs: string[];
  /** `--cluster-cidr`: Pod traffic is not masqueraded, the rest is. */
  clusterCIDR: string;
  /** IPVS scheduler (`rr` by default). */
  scheduler: string;
  /** Sorted by service port name, then protocol. */
  services: ServicePortRules[];
}
