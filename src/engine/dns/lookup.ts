/**
 * One query for one fully qualified name, answered as the cluster's CoreDNS would: the kubernetes
 * plugin for `cluster.local` and for reverse lookups of Service and endpoint addresses; anything
 * else is forwarded upstream, which the simulation cannot reach (NXDOMAIN).
 * upstream: coredns/plugin/backend_lookup.go (A, SRV, PTR), plugin/kubernetes/reverse.go
 */
import type { ClusterView } from '../api';
import { findPod, findServices, parseRequest, serviceEndpoints, endpointHostname, type ZoneRecord } from './serviceRecords';
import { CLUSTER_DOMAIN, DNS_TTL, type DnsAnswer, type RecordType, type ZoneResponse } from './types';

/** CoreDNS stops following CNAMEs after this many (backend_lookup: len(previousRecords) > 7). */
const MAX_CNAME_CHAIN = 8;

const fq = (name: string) => `${name}.`;
const isIP = (host: string) => /^\d+\.\d+\.\d+\.\d+$/.test(host);
const inZone = (name: string, zone: string) => name === zone || name.endsWith(`.${zone}`);
const nodata = (): ZoneResponse => ({ rcode: 'NOERROR', answers: [] });
const nxdomain = (): ZoneResponse => ({ rcode: 'NXDOMAIN', answers: [] });

/** The records of a name in the cluster zone, or undefined for NXDOMAIN ([] is NODATA). */
function zoneRecords(view: ClusterView, qname: string, zone: string): ZoneRecord[] | undefined {
  const base = qname === zone ? '' : qname.slice(0, -(zone.length + 1));
  const r = parseRequest(base);
  if (!r) return undefined;
  if (!r.podOrSvc || !r.namespace) return [];
  if (!view.get('Namespace', r.namespace)) return undefined;
  if (!r.service) return [];
  return r.podOrSvc === 'pod' ? findPod(r, zone) : findServices(view, r, zone);
}

function addressAnswers(view: ClusterView, qname: string, records: ZoneRecord[], zone: string, depth: number): DnsAnswer[] {
  const out: DnsAnswer[] = [];
  const seen = new Set<string>();
  for (const rec of records) {
    if (isIP(rec.host)) {
      if (!seen.has(rec.host)) out.push({ name: fq(qname), type: 'A', ttl: DNS_TTL, data: rec.host });
      seen.add(rec.host);
      continue;
    }
    const cname: DnsAnswer = { name: fq(qname), type: 'CNAME', ttl: DNS_TTL, data: fq(rec.host) };
    if (!inZone(rec.host, zone)) {
      // upstream asks the upstream resolvers for the target; the simulation has none to ask
      out.push(cname);
    } else if (depth < MAX_CNAME_CHAIN) {
      const next = lookupName(view, rec.host, 'A', depth + 1);
      if (next.rcode === 'NOERROR' && next.answers.length) out.push(cname, ...next.answers);
    }
  }
  return out;
}

/** upstream SRV(): one record per (target, port), weight 100/n (at least 1), priority 0; addresses as additionals. */
function srvAnswers(qname: string, records: ZoneRecord[]): { answers: DnsAnswer[]; additional: DnsAnswer[] } {
  const answers: DnsAnswer[] = [];
  const additional: DnsAnswer[] = [];
  const weight = Math.max(1, Math.floor(100 / records.length));
  const seen = new Set<string>();
  for (const rec of records) {
    if (rec.port === -1) continue;
    const target = isIP(rec.host) ? rec.owner : rec.host;
    if (!seen.has(`${target}|${rec.port}`)) answers.push({ name: fq(qname), type: 'SRV', ttl: DNS_TTL, data: `0 ${weight} ${rec.port} ${fq(target)}` });
    seen.add(`${target}|${rec.port}`);
    if (isIP(rec.host) && !seen.has(`${target}|${rec.host}`)) additional.push({ name: fq(target), type: 'A', ttl: DNS_TTL, data: rec.host });
    seen.add(`${target}|${rec.host}`);
  }
  return { answers, additional };
}

/** upstream serviceRecordForIP: a ClusterIP names its Service; else endpoint addresses name their endpoints. */
function reverse(view: ClusterView, qname: string, zone: string): string[] {
  const labels = qname.slice(0, -'.in-addr.arpa'.length).split('.');
  if (labels.length !== 4) return [];
  const ip = labels.reverse().join('.');
  const services = view.list('Service');
  const svc = services.find((s) => ((s.spec as { clusterIPs?: string[] }).clusterIPs ?? []).includes(ip));
  if (svc) return [`${svc.metadata.name}.${svc.metadata.namespace}.svc.${zone}`];
  const names = new Set<string>();
  for (const s of services) {
    for (const { addresses } of serviceEndpoints(view, s)) {
      for (const a of addresses) if (a.ip === ip) names.add(`${endpointHostname(a)}.${s.metadata.name}.${s.metadata.namespace}.svc.${zone}`);
    }
  }
  return [...names];
}

/** The answer to one query (no search path), for a name with or without its trailing dot. */
export function lookupName(view: ClusterView, name: string, type: RecordType, depth = 0): ZoneResponse & { additional?: DnsAnswer[] } {
  const qname = name.toLowerCase().replace(/\.$/, '');
  const zone = CLUSTER_DOMAIN;
  if (qname.endsWith('.in-addr.arpa')) {
    const names = type === 'PTR' ? reverse(view, qname, zone) : [];
    if (!names.length) return nxdomain(); // fallthrough to upstream, which knows nothing of these
    return { rcode: 'NOERROR', answers: names.map((n) => ({ name: fq(qname), type: 'PTR', ttl: DNS_TTL, data: fq(n) })) };
  }
  if (!inZone(qname, zone)) return nxdomain();
  const records = zoneRecords(view, qname, zone);
  if (!records) return nxdomain();
  switch (type) {
    case 'A': return { rcode: 'NOERROR', answers: addressAnswers(view, qname, records, zone, depth) };
    case 'SRV': return { rcode: 'NOERROR', ...srvAnswers(qname, records) };
    case 'CNAME': return { rcode: 'NOERROR', answers: records.filter((r) => !isIP(r.host))
      .map((r) => ({ name: fq(qname), type: 'CNAME', ttl: DNS_TTL, data: fq(r.host) })) };
    default: return nodata();
  }
}
