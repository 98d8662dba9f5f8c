/**
 * A name looked up from inside a Pod: the stub resolver's search-path expansion (glibc res_search
 * with the kubelet's `ndots:5`) over queries to the cluster DNS.
 * upstream: glibc resolv/res_query.c (__res_context_search), pkg/kubelet/network/dns/dns.go
 */
import type { ClusterView } from '../api';
import { lookupName } from './lookup';
import { CLUSTER_DOMAIN, CLUSTER_FIRST_NDOTS, type ResolveOptions, type ResolveResult, type ZoneResponse } from './types';

/** The ClusterFirst search path of a Pod in `namespace`. */
export function clusterSearchPath(namespace: string, domain = CLUSTER_DOMAIN): string[] {
  return [`${namespace}.svc.${domain}`, `svc.${domain}`, domain];
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** `10.244.1.5` → `5.1.244.10.in-addr.arpa.` (what `nslookup <ip>` / `dig -x` ask). */
export function reverseName(ip: string): string {
  return `${ip.split('.').reverse().join('.')}.in-addr.arpa.`;
}

/**
 * The fully qualified names res_search tries, in order: a name ending in a dot as is; with at least
 * `ndots` dots as is first, then with each search domain; with fewer dots the search domains first
 * and the name as is last.
 */
export function searchCandidates(name: string, search: string[], ndots: number): string[] {
  if (name.endsWith('.')) return [name];
  const dots = name.split('.').length - 1;
  const expanded = search.map((d) => `${name}.${d}.`);
  return dots >= ndots ? [`${name}.`, ...expanded] : [...expanded, `${name}.`];
}

/**
 * What CoreDNS answers a Pod in `opts.namespace` (dnsPolicy ClusterFirst) that looks up `name`:
 * the queries tried along the search path until one has an answer, and that answer. When none
 * has one: the as-is query's NXDOMAIN if it was tried first, else NOERROR if any query found the
 * name without records of the type (NODATA), else NXDOMAIN. A PTR lookup of a bare IPv4 address
 * asks for its in-addr.arpa name.
 */
export function resolve(view: ClusterView, name: string, opts: ResolveOptions): ResolveResult {
  const type = opts.type ?? 'A';
  const query = type === 'PTR' && IPV4.test(name) ? reverseName(name) : name;
  const ndots = opts.ndots ?? CLUSTER_FIRST_NDOTS;
  const candidates = searchCandidates(query, opts.search ?? clusterSearchPath(opts.namespace), ndots);
  // upstream: a name with enough dots is tried as is first, and that query's error is the one reported
  const asIsFirst = !query.endsWith('.') && query.split('.').length - 1 >= ndots;
  const searched: string[] = [];
  let first: ZoneResponse | undefined;
  let nodata = false;
  for (const fqdn of candidates) {
    searched.push(fqdn);
    const response = lookupName(view, fqdn, type);
    if (response.answers.length) return { ...response, searched };
    first ??= response;
    if (response.rcode === 'NOERROR') nodata = true;
  }
  if (asIsFirst && first) return { rcode: first.rcode, answers: [], searched };
  return { rcode: nodata ? 'NOERROR' : 'NXDOMAIN', answers: [], searched };
}
