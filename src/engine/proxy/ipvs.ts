/**
 * IPVS mode as `ipvsadm -Ln` prints it, plus the dummy interface kube-ipvs0 that holds every
 * service VIP and the ipsets kube-proxy matches in its few iptables rules.
 * upstream: pkg/proxy/ipvs/proxier.go (virtual servers per ClusterIP, externalIP, LoadBalancer IP
 * and Node address for NodePorts); the text layout is ipvsadm's own.
 */
import { ipToNumber } from '../apiserver/serviceAllocator';
import type { ProxyModel, RuleEndpoint, ServicePortRules } from './types';
import { sha256 } from './sha256';

export interface VirtualServer {
  /** `TCP  10.96.120.15:80` minus the protocol: `ip:port`. */
  address: string;
  ip: string;
  port: number;
  protocol: ServicePortRules['protocol'];
  kind: 'ClusterIP' | 'ExternalIP' | 'LoadBalancer' | 'NodePort';
  scheduler: string;
  /** sessionAffinity ClientIP: `persistent <seconds>`. */
  persistentSeconds?: number;
  service: string;
  destinations: RuleEndpoint[];
}

const PROTOCOL_NUMBER = { TCP: 6, UDP: 17, SCTP: 132 } as const;
const ipNum = (ip: string) => ipToNumber(ip) ?? 0;

/** The virtual servers one service port gets on a Node, each with its real servers. */
export function virtualServers(s: ServicePortRules, model: Pick<ProxyModel, 'nodeIPs' | 'scheduler'>): VirtualServer[] {
  const byKey = new Map(s.endpoints.map((ep) => [ep.key, ep]));
  const pick = (keys: string[]) => keys.map((k) => byKey.get(k)!).sort(byAddress);
  const internal = pick(s.internalLocal ? s.localEndpoints : s.clusterEndpoints);
  const external = pick(s.externalLocal ? s.localEndpoints : s.clusterEndpoints);
  const vs = (ip: string, port: number, kind: VirtualServer['kind'], destinations: RuleEndpoint[]): VirtualServer => ({
    address: `${ip}:${port}`, ip, port, protocol: s.protocol, kind, scheduler: model.scheduler, service: s.name, destinations,
    ...(s.affinitySeconds !== undefined ? { persistentSeconds: s.affinitySeconds } : {}),
  });
  const out = [vs(s.clusterIP, s.port, 'ClusterIP', internal)];
  for (const ip of s.externalIPs) out.push(vs(ip, s.port, 'ExternalIP', external));
  for (const ip of s.loadBalancerIPs) out.push(vs(ip, s.port, 'LoadBalancer', external));
  if (s.nodePort) for (const ip of model.nodeIPs) out.push(vs(ip, s.nodePort, 'NodePort', external));
  return out;
}

function byAddress(a: { ip: string; port: number }, b: { ip: string; port: number }): number {
  return ipNum(a.ip) - ipNum(b.ip) || a.port - b.port;
}

/** Every virtual server of the Node, in ipvsadm's order (protocol number, address, port). */
export function allVirtualServers(model: ProxyModel): VirtualServer[] {
  return printedServers(model).map((p) => p.vs);
}

interface Printed { vs: VirtualServer; order: number; port: number; text: string }

/** Per service port and Node addresses: its virtual servers with their ipvsadm lines, cached. */
const printed = new WeakMap<ServicePortRules, Map<string, Printed[]>>();

function printedServers(model: ProxyModel): Printed[] {
  const variant = `${model.nodeIPs.join(',')}|${model.scheduler}`;
  const out: Printed[] = [];
  for (const s of model.services) {
    let byVariant = printed.get(s);
    if (!byVariant) printed.set(s, (byVariant = new Map()));
    let list = byVariant.get(variant);
    if (!list) {
      list = virtualServers(s, model).map((vs) => ({
        vs, order: PROTOCOL_NUMBER[vs.protocol] * 2 ** 32 + ipNum(vs.ip), port: vs.port, text: vsLines(vs),
      }));
      byVariant.set(variant, list);
    }
    out.push(...list);
  }
  return out.sort((a, b) => a.order - b.order || a.port - b.port);
}

const pad = (text: string, width: number) => text.padEnd(width);

function vsLines(v: VirtualServer): string {
  let text = `${v.protocol}  ${v.address} ${v.scheduler}${v.persistentSeconds !== undefined ? ` persistent ${v.persistentSeconds}` : ''}\n`;
  for (const d of v.destinations) text += `  -> ${pad(d.key, 28)} ${pad('Masq', 7)} ${pad('1', 6)} ${pad('0', 10)} 0\n`;
  return text;
}

/** `ipvsadm -Ln` (trailing blanks trimmed). */
export function renderIpvs(model: ProxyModel): string {
  let text = 'IP Virtual Server version 1.2.1 (size=4096)\nProt LocalAddress:Port Scheduler Flags\n'
    + '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n';
  for (const p of printedServers(model)) text += p.text;
  return text;
}

/** `ip addr show kube-ipvs0`: the dummy interface every service VIP is bound to. */
export function renderKubeIpvs0(model: ProxyModel): string {
  const vips = new Set<string>();
  for (const s of model.services) for (const ip of [s.clusterIP, ...s.externalIPs, ...s.loadBalancerIPs]) vips.add(ip);
  const mac = macOf(model.node);
  const lines = [
    '5: kube-ipvs0: <BROADCAST,NOARP> mtu 1500 qdisc noop state DOWN group default',
    `    link/ether ${mac} brd ff:ff:ff:ff:ff:ff`,
  ];
  for (const ip of [...vips].sort((a, b) => ipNum(a) - ipNum(b))) {
    lines.push(`    inet ${ip}/32 scope global kube-ipvs0`, '       valid_lft forever preferred_lft forever');
  }
  return lines.join('\n') + '\n';
}

/** A stable, locally administered MAC address for the Node's kube-ipvs0. */
function macOf(node: string): string {
  const bytes = sha256(new TextEncoder().encode(node)).slice(0, 6);
  bytes[0] = (bytes[0] & 0xfe) | 0x02;
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(':');
}

/** `ipset list` of the sets kube-proxy's IPVS mode keeps (name, type, members). */
export function renderIpsets(model: ProxyModel): string {
  const sets: [string, string, string[]][] = [
    ['KUBE-CLUSTER-IP', 'hash:ip,port', []], ['KUBE-EXTERNAL-IP', 'hash:ip,port', []], ['KUBE-LOAD-BALANCER', 'hash:ip,port', []],
    ['KUBE-LOOP-BACK', 'hash:ip,port,ip', []], ['KUBE-NODE-PORT-TCP', 'bitmap:port', []], ['KUBE-NODE-PORT-UDP', 'bitmap:port', []],
  ];
  const add = (name: string, entry: string) => sets.find((s) => s[0] === name)![2].push(entry);
  for (const s of model.services) {
    const p = s.protocol.toLowerCase();
    add('KUBE-CLUSTER-IP', `${s.clusterIP},${p}:${s.port}`);
    for (const ip of s.externalIPs) add('KUBE-EXTERNAL-IP', `${ip},${p}:${s.port}`);
    for (const ip of s.loadBalancerIPs) add('KUBE-LOAD-BALANCER', `${ip},${p}:${s.port}`);
    if (s.nodePort && (s.protocol === 'TCP' || s.protocol === 'UDP')) add(`KUBE-NODE-PORT-${s.protocol}`, String(s.nodePort));
    for (const ep of s.endpoints) if (ep.nodeName === model.node) add('KUBE-LOOP-BACK', `${ep.ip},${p}:${ep.port},${ep.ip}`);
  }
  return sets.map(([name, type, members]) => {
    const unique = [...new Set(members)].sort();
    return [`Name: ${name}`, `Type: ${type}`, `Number of entries: ${unique.length}`, 'Members:', ...unique].join('\n') + '\n';
  }).join('\n');
}
