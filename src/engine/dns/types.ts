/** The shapes of the simulated cluster DNS (CoreDNS with the kubernetes plugin, as kubeadm and kind configure it). */

export type RecordType = 'A' | 'SRV' | 'PTR' | 'CNAME';

/** One resource record, as `dig` prints it: names are fully qualified with the trailing dot. */
export interface DnsAnswer {
  name: string;
  type: RecordType;
  ttl: number;
  /** A: the address; CNAME/PTR: the target name; SRV: `priority weight port target`. */
  data: string;
}

export type Rcode = 'NOERROR' | 'NXDOMAIN';

/** What one query for one fully qualified name returns. */
export interface ZoneResponse {
  rcode: Rcode;
  answers: DnsAnswer[];
  /** SRV answers: the targets' addresses (dig's ADDITIONAL SECTION). */
  additional?: DnsAnswer[];
}

export interface ResolveResult extends ZoneResponse {
  /** The fully qualified names queried, in order, until one had an answer. */
  searched: string[];
}

export interface ResolveOptions {
  /** The namespace of the asking Pod (its search path starts with `<namespace>.svc.cluster.local`). */
  namespace: string;
  type?: RecordType;
  /** The resolver's ndots (5 under ClusterFirst). */
  ndots?: number;
  /** The search path; the ClusterFirst one for `namespace` when omitted. */
  search?: string[];
}

/** kubeadm's cluster domain and the kube-dns Service address (kubelet --cluster-dns). */
export const CLUSTER_DOMAIN = 'cluster.local';
export const CLUSTER_DNS_IP = '10.96.0.10';
/** The `ttl 30` of kubeadm's Corefile. */
export const DNS_TTL = 30;
export const CLUSTER_FIRST_NDOTS = 5;
