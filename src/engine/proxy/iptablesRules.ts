/**
 * The iptables rules of one service port, already in the normalized form `iptables-save` prints:
 * `-s/-d` first (hosts as /32), then `-p`, then the matches in the order kube-proxy wrote them,
 * then the target. upstream: pkg/proxy/iptables/proxier.go syncProxyRules and
 * writeServiceToEndpointRules (and its proxier_test.go golden output).
 */
import type { RuleEndpoint, ServicePortRules } from './types';

/** The rules one service port adds to each chain it touches (text blocks of `-A` lines). */
export interface ServiceFragment {
  /** Chains the service owns (KUBE-SVC/SVL/EXT/FW/SEP) → their rules. */
  natChains: [string, string][];
  natServices: string;
  natNodePorts: string;
  filterServices: string;
  filterExternal: string;
  filterNodePorts: string;
  filterFirewall: string;
}

const NO_QUOTE = /^[A-Za-z0-9_-]+$/;
/** libxtables xtables_save_string: quoted unless only [A-Za-z0-9_-]. */
export const comment = (text: string) => `-m comment --comment ${NO_QUOTE.test(text) ? text : `"${text.replace(/(["\\])/g, '\\$1')}"`}`;
const host = (ip: string) => (ip.includes('/') ? ip : `${ip}/32`);

/**
 * What `--probability` iptables-save prints for 1/n: kube-proxy writes `%0.10f`, the kernel
 * keeps it as a 31-bit fraction, iptables prints that back with `%.11f`.
 */
export function probability(n: number): string {
  const written = Number((1 / n).toFixed(10));
  return (Math.round(written * 0x80000000) / 0x80000000).toFixed(11);
}

const kernel: number[] = [];

/** The probability the kernel compares against, as a number (used by the router, once per connection). */
export function kernelProbability(n: number): number {
  return (kernel[n] ??= Number(probability(n)));
}

const cache = new WeakMap<ServicePortRules, Map<string, ServiceFragment>>();

export function serviceFragment(s: ServicePortRules, clusterCIDR: string): ServiceFragment {
  let byCidr = cache.get(s);
  const hit = byCidr?.get(clusterCIDR);
  if (hit) return hit;
  const fragment = buildFragment(s, clusterCIDR);
  if (!byCidr) cache.set(s, (byCidr = new Map()));
  byCidr.set(clusterCIDR, fragment);
  return fragment;
}

function buildFragment(s: ServicePortRules, clusterCIDR: string): ServiceFragment {
  const p = s.protocol.toLowerCase();
  const name = s.name;
  const f: ServiceFragment = { natChains: [], natServices: '', natNodePorts: '', filterServices: '', filterExternal: '',
    filterNodePorts: '', filterFirewall: '' };
  const { svc, svl, ext, fw } = s.chains;
  const internalChain = s.internalLocal ? svl : svc;
  const externalPolicyChain = s.externalLocal ? svl : svc;
  const usesFW = s.hasEndpoints && s.loadBalancerIPs.length > 0 && s.loadBalancerSourceRanges.length > 0;
  const lbTarget = usesFW ? fw : ext;
  const vip = (ip: string, port: number, text: string, target: string) =>
    `-d ${host(ip)} -p ${p} ${comment(text)} -m ${p} --dport ${port} -j ${target}`;
  const filterTarget = (noneAtAll: boolean) => (noneAtAll ? 'REJECT --reject-with icmp-port-unreachable' : 'DROP');
  const noEndpoints = s.hasEndpoints ? `${name} has no local endpoints` : `${name} has no endpoints`;

  if (s.hasInternalEndpoints) f.natServices += `-A KUBE-SERVICES ${vip(s.clusterIP, s.port, `${name} cluster IP`, internalChain)}\n`;
  else f.filterServices += `-A KUBE-SERVICES ${vip(s.clusterIP, s.port, noEndpoints, filterTarget(!s.hasEndpoints))}\n`;
  for (const ip of s.externalIPs) {
    if (s.hasEndpoints) f.natServices += `-A KUBE-SERVICES ${vip(ip, s.port, `${name} external IP`, ext)}\n`;
    if (!s.hasExternalEndpoints) f.filterExternal += `-A KUBE-EXTERNAL-SERVICES ${vip(ip, s.port, noEndpoints, filterTarget(!s.hasEndpoints))}\n`;
  }
  for (const ip of s.loadBalancerIPs) {
    if (s.hasEndpoints) f.natServices += `-A KUBE-SERVICES ${vip(ip, s.port, `${name} loadbalancer IP`, lbTarget)}\n`;
    if (usesFW) f.filterFirewall += `-A KUBE-PROXY-FIREWALL ${vip(ip, s.port, `${name} traffic not accepted by ${fw}`, 'DROP')}\n`;
  }
  if (!s.hasExternalEndpoints) {
    for (const ip of s.loadBalancerIPs) f.filterExternal += `-A KUBE-EXTERNAL-SERVICES ${vip(ip, s.port, noEndpoints, filterTarget(!s.hasEndpoints))}\n`;
  }
  if (s.nodePort) {
    if (s.hasEndpoints) f.natNodePorts += `-A KUBE-NODEPORTS -p ${p} ${comment(name)} -m ${p} --dport ${s.nodePort} -j ${ext}\n`;
    if (!s.hasExternalEndpoints) {
      f.filterExternal += `-A KUBE-EXTERNAL-SERVICES -p ${p} ${comment(noEndpoints)} -m addrtype --dst-type LOCAL -m ${p} --dport ${s.nodePort} -j ${filterTarget(!s.hasEndpoints)}\n`;
    }
  }
  if (s.healthCheckNodePort) {
    f.filterNodePorts += `-A KUBE-NODEPORTS -p tcp ${comment(`${name} health check node port`)} -m tcp --dport ${s.healthCheckNodePort} -j ACCEPT\n`;
  }
  if (!s.hasEndpoints) return f;

  const owned: [string, string][] = [];
  let internal = '';
  if (s.hasInternalEndpoints) {
    internal = `-A ${internalChain} ! -s ${clusterCIDR} ${vip(s.clusterIP, s.port, `${name} cluster IP`, 'KUBE-MARK-MASQ')}\n`;
  }
  if (s.externallyAccessible) owned.push([ext, externalChain(s, clusterCIDR, externalPolicyChain)]);
  if (usesFW) owned.push([fw, firewallChain(s)]);
  const byKey = new Map(s.endpoints.map((ep) => [ep.key, ep]));
  const pick = (keys: string[]) => keys.map((k) => byKey.get(k)!);
  if (s.clusterEndpoints.length > 0 && (!s.internalLocal || (s.externallyAccessible && !s.externalLocal))) {
    owned.push([svc, (internalChain === svc ? internal : '') + balance(s, svc, pick(s.clusterEndpoints))]);
  }
  if (s.localEndpoints.length > 0 && (s.internalLocal || (s.externallyAccessible && s.externalLocal))) {
    owned.push([svl, (internalChain === svl ? internal : '') + balance(s, svl, pick(s.localEndpoints))]);
  }
  for (const ep of s.endpoints) owned.push([ep.chain, endpointRules(s, ep, p)]);
  f.natChains = owned;
  return f;
}

function externalChain(s: ServicePortRules, clusterCIDR: string, policyChain: string): string {
  const { ext, svc } = s.chains;
  let out = '';
  if (!s.externalLocal) {
    out += `-A ${ext} ${comment(`masquerade traffic for ${s.name} external destinations`)} -j KUBE-MARK-MASQ\n`;
  } else {
    out += `-A ${ext} -s ${clusterCIDR} ${comment(`pod traffic for ${s.name} external destinations`)} -j ${svc}\n`;
    out += `-A ${ext} ${comment(`masquerade LOCAL traffic for ${s.name} external destinations`)} -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ\n`;
    out += `-A ${ext} ${comment(`route LOCAL traffic for ${s.name} external destinations`)} -m addrtype --src-type LOCAL -j ${svc}\n`;
  }
  if (s.hasExternalEndpoints) out += `-A ${ext} -j ${policyChain}\n`;
  return out;
}

function firewallChain(s: ServicePortRules): string {
  const { fw, ext } = s.chains;
  let out = '';
  for (const cidr of s.loadBalancerSourceRanges) out += `-A ${fw} -s ${host(cidr)} ${comment(`${s.name} loadbalancer IP`)} -j ${ext}\n`;
  return out + `-A ${fw} ${comment(`other traffic to ${s.name} will be dropped by KUBE-PROXY-FIREWALL`)}\n`;
}

/** Affinity checks first, then one statistic rule per endpoint with probability 1/(n−i); the last always matches. */
function balance(s: ServicePortRules, chain: string, endpoints: RuleEndpoint[]): string {
  let out = '';
  if (s.affinitySeconds !== undefined) {
    for (const ep of endpoints) {
      out += `-A ${chain} ${comment(`${s.name} -> ${ep.key}`)} -m recent --rcheck --seconds ${s.affinitySeconds} --reap --name ${ep.chain} --mask 255.255.255.255 --rsource -j ${ep.chain}\n`;
    }
  }
  const n = endpoints.length;
  endpoints.forEach((ep, i) => {
    const statistic = i < n - 1 ? ` -m statistic --mode random --probability ${probability(n - i)}` : '';
    out += `-A ${chain} ${comment(`${s.name} -> ${ep.key}`)}${statistic} -j ${ep.chain}\n`;
  });
  return out;
}

function endpointRules(s: ServicePortRules, ep: RuleEndpoint, p: string): string {
  const recent = s.affinitySeconds !== undefined ? ` -m recent --set --name ${ep.chain} --mask 255.255.255.255 --rsource` : '';
  return `-A ${ep.chain} -s ${host(ep.ip)} ${comment(s.name)} -j KUBE-MARK-MASQ\n`
    + `-A ${ep.chain} -p ${p} ${comment(s.name)}${recent} -m ${p} -j DNAT --to-destination ${ep.key}\n`;
}
