/**
 * What the CoreDNS kubernetes plugin knows about a name under `<zone>`: the parsed request and the
 * records (address + port + owner name) it finds for it.
 * upstream: coredns/plugin/kubernetes/parse.go (parseRequest), kubernetes.go (findServices,
 * findPods, endpointHostname), object/endpoint.go (EndpointSliceToEndpoints)
 */
import type { ClusterView, KubeObject } from '../api';

export interface Request {
  podOrSvc: 'pod' | 'svc';
  namespace: string;
  service: string;
  endpoint: string;
  port: string;
  protocol: string;
}

/** One record of the plugin (msg.Service): `host` is an IP, or a name for ExternalName CNAMEs. */
export interface ZoneRecord {
  host: string;
  /** -1 when the endpoint (headless Service without ports) has none. */
  port: number;
  /** The name this record stands for: `web.default.svc.cluster.local`, `web-0.nginx.default.svc.cluster.local`. */
  owner: string;
}

const strip = (label: string) => (label.startsWith('_') ? label.slice(1) : label);

/** upstream parseRequest: `[_port._proto.|endpoint.]service.namespace.(svc|pod)`; undefined when invalid. */
export function parseRequest(base: string): Partial<Request> & { podOrSvc?: 'pod' | 'svc' } | undefined {
  const segs = base ? base.split('.') : [];
  if (!segs.length) return {};
  const kind = segs.pop()!;
  if (kind !== 'pod' && kind !== 'svc') return undefined;
  const r: Partial<Request> & { podOrSvc: 'pod' | 'svc' } = { podOrSvc: kind, namespace: segs.pop() ?? '', service: segs.pop() ?? '' };
  if (segs.length === 1) r.endpoint = segs[0];
  else if (segs.length === 2) [r.port, r.protocol] = [strip(segs[0]), strip(segs[1])];
  else if (segs.length > 2) return undefined;
  return r;
}

export interface EndpointAddress { ip: string; hostname: string }
interface PortLike { name?: string; port?: number; protocol?: string }

/** upstream endpointHostname: the endpoint's hostname, else its IP with dashes. */
export function endpointHostname(addr: { ip: string; hostname?: string }): string {
  return addr.hostname || addr.ip.replace(/[.:]/g, '-');
}

/** The ready addresses and ports of a Service's EndpointSlices (upstream: not-ready endpoints are skipped). */
export function serviceEndpoints(view: ClusterView, svc: KubeObject): { addresses: EndpointAddress[]; ports: PortLike[] }[] {
  const slices = view.list('EndpointSlice', svc.metadata.namespace)
    .filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name && s.addressType !== 'FQDN')
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  return slices.map((s) => {
    const endpoints = (s.endpoints as { addresses: string[]; hostname?: string; conditions?: { ready?: boolean | null } }[] | null) ?? [];
    const addresses = endpoints.filter((e) => e.conditions?.ready !== false)
      .flatMap((e) => e.addresses.map((ip) => ({ ip, hostname: e.hostname ?? '' })));
    const ports = (s.ports as PortLike[] | null)?.length ? (s.ports as PortLike[]) : [{ port: -1 }];
    return { addresses, ports };
  });
}

const matches = (want: string, have: string | undefined) => !want || want === '*' || want.toLowerCase() === (have ?? '').toLowerCase();
const portMatches = (r: Partial<Request>, name: string | undefined, protocol: string | undefined) =>
  !r.port || (matches(r.port, name) && matches(r.protocol ?? '', protocol));

/** upstream findServices: undefined stands for NXDOMAIN (errNoItems). */
export function findServices(view: ClusterView, r: Partial<Request>, zone: string): ZoneRecord[] | undefined {
  const svc = view.get('Service', r.service ?? '', r.namespace);
  if (!svc) return undefined;
  const spec = (svc.spec ?? {}) as { type?: string; externalName?: string; clusterIP?: string; clusterIPs?: string[]; ports?: PortLike[] };
  const owner = `${svc.metadata.name}.${svc.metadata.namespace}.svc.${zone}`;
  if (spec.type === 'ExternalName') {
    const host = (spec.externalName ?? '').replace(/\.$/, '');
    // upstream: only a name makes a CNAME; an endpoint under an ExternalName Service does not exist
    if (r.endpoint || !host || /^[\d.]+$/.test(host) || host.includes(':')) return undefined;
    return [{ host, port: 0, owner }];
  }
  const records: ZoneRecord[] = [];
  const headless = !spec.clusterIP || spec.clusterIP === 'None';
  if (headless || r.endpoint) {
    for (const { addresses, ports } of serviceEndpoints(view, svc)) {
      for (const addr of addresses) {
        const host = endpointHostname(addr);
        if (r.endpoint && !matches(r.endpoint, host)) continue;
        for (const p of ports) {
          if (!portMatches(r, p.name, p.protocol)) continue;
          records.push({ host: addr.ip, port: p.port ?? -1, owner: `${host}.${owner}` });
        }
      }
    }
    return records.length ? records : undefined;
  }
  for (const p of spec.ports ?? []) {
    if (!portMatches(r, p.name, p.protocol ?? 'TCP')) continue;
    for (const ip of spec.clusterIPs ?? [spec.clusterIP!]) records.push({ host: ip, port: p.port ?? 0, owner });
  }
  return records.length ? records : undefined;
}

/**
 * upstream findPods with `pods insecure` (kubeadm's Corefile): `a-b-c-d.<ns>.pod` answers a.b.c.d
 * without checking that such a Pod exists.
 */
export function findPod(r: Partial<Request>, zone: string): ZoneRecord[] | undefined {
  const name = r.service ?? '';
  if (r.endpoint || r.port) return undefined;
  const parts = name.split('-');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return [{ host: parts.join('.'), port: 0, owner: `${name}.${r.namespace}.pod.${zone}` }];
}
