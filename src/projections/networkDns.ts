/**
 * A DNS lookup from inside a Pod, printed the way `dig +search` prints it (the search path
 * expanded with the Pod's `ndots:5`, then the answer of the name that had one), plus every name
 * the resolver tried and what the cluster DNS said to each.
 */
import type { ClusterView, KubeObject } from '../engine/api';
import { CLUSTER_DNS_IP, clusterSearchPath, lookupName, podDnsSettings, resolve, searchCandidates, type DnsAnswer, type RecordType } from '../engine/dns';

export type { RecordType };
/** A Pod's /etc/resolv.conf, as the kubelet writes it from its dnsPolicy and dnsConfig. */
export { resolvConf } from '../engine/dns';

export interface DnsQuery {
  name: string;
  namespace: string;
  type: RecordType;
  /** The asking Pod: its resolv.conf (search path, ndots, nameserver) is used; the namespace's ClusterFirst one otherwise. */
  pod?: KubeObject;
}

export interface TriedName {
  /** A fully qualified name, with the trailing dot. */
  name: string;
  /** What the cluster DNS said to it: `NOERROR` (with or without answers) or `NXDOMAIN`. */
  rcode: string;
  /** Its answers of the asked type (the UI words this: `NOERROR, 1 answer`, `NOERROR, no A record`). */
  answers: number;
}

export interface DnsLookup {
  /** The names tried, in order, until one had an answer. */
  tried: TriedName[];
  rcode: string;
  answers: DnsAnswer[];
  additional: DnsAnswer[];
  /** What `dig +search` prints. */
  dig: string;
}

const ndotsOf = (options: string[]) => {
  const o = options.find((x) => x.startsWith('ndots:'));
  const n = o ? Number(o.slice(6)) : NaN;
  return Number.isFinite(n) ? Math.min(15, Math.max(0, n)) : 1;
};

/** dig's record layout: name, TTL, class, type and data, tab-separated. */
const record = (a: DnsAnswer) => `${a.name}\t${a.ttl}\tIN\t${a.type}\t${a.data}`;

export function dnsLookup(view: ClusterView, q: DnsQuery): DnsLookup {
  const name = q.name.trim();
  const settings = q.pod ? podDnsSettings(q.pod) : { searches: clusterSearchPath(q.namespace), options: ['ndots:5'], nameservers: [CLUSTER_DNS_IP] };
  const ndots = ndotsOf(settings.options);
  const clusterDns = settings.nameservers.includes(CLUSTER_DNS_IP);
  const result = clusterDns ? resolve(view, name, { namespace: q.namespace, type: q.type, ndots, search: settings.searches })
    // the simulation has no resolver outside the cluster: the node's knows none of its names
    : { rcode: 'NXDOMAIN', answers: [], additional: [], searched: searchCandidates(name, settings.searches, ndots) };
  const tried = result.searched.map((fqdn) => {
    const r = clusterDns ? lookupName(view, fqdn, q.type) : { rcode: 'NXDOMAIN', answers: [] };
    return { name: fqdn, rcode: r.rcode, answers: r.answers.length };
  });
  const asked = result.searched[result.searched.length - 1] ?? searchCandidates(name, settings.searches, ndots)[0] ?? `${name}.`;
  const additional = result.additional ?? [];
  const server = settings.nameservers[0] ?? CLUSTER_DNS_IP;
  const lines = [
    `; <<>> DiG 9.18.28 <<>> +search ${q.type === 'A' ? '' : `${q.type} `}${name}`,
    ';; global options: +cmd',
    ';; Got answer:',
    `;; ->>HEADER<<- opcode: QUERY, status: ${result.rcode}`,
    `;; flags: qr aa rd; QUERY: 1, ANSWER: ${result.answers.length}, AUTHORITY: 0, ADDITIONAL: ${additional.length}`,
    '',
    ';; QUESTION SECTION:',
    `;${asked}\t\tIN\t${q.type}`,
  ];
  if (result.answers.length) lines.push('', ';; ANSWER SECTION:', ...result.answers.map(record));
  if (additional.length) lines.push('', ';; ADDITIONAL SECTION:', ...additional.map(record));
  lines.push('', `;; SERVER: ${server}#53(${server}) (UDP)`);
  return { tried, rcode: result.rcode, answers: result.answers, additional, dig: lines.join('\n') + '\n' };
}
