/**
 * `iptables-save` of one Node's nat and filter tables as kube-proxy (iptables mode) leaves them.
 * Chains are listed built-ins first, then user chains alphabetically (as iptables-legacy does),
 * and rules are printed chain by chain in that order. The jump rules into kube-proxy's chains
 * are the ones it inserts at start-up (upstream: iptablesJumpChains, inserted with -I, so the
 * last listed comes first).
 */
import type { ProxyModel } from './types';
import { comment, serviceFragment } from './iptablesRules';

const NAT_BUILTINS = ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'];
const FILTER_BUILTINS = ['INPUT', 'FORWARD', 'OUTPUT'];

const NAT_JUMPS = [
  `-A PREROUTING ${comment('kubernetes service portals')} -j KUBE-SERVICES`,
  `-A OUTPUT ${comment('kubernetes service portals')} -j KUBE-SERVICES`,
  `-A POSTROUTING ${comment('kubernetes postrouting rules')} -j KUBE-POSTROUTING`,
].join('\n') + '\n';

const MARK_MASQ = '-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000\n';
const POSTROUTING = [
  '-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN',
  '-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0',
  `-A KUBE-POSTROUTING ${comment('kubernetes service traffic requiring SNAT')} -j MASQUERADE --random-fully`,
].join('\n') + '\n';
const NODEPORTS_LAST = `-A KUBE-SERVICES ${comment('kubernetes service nodeports; NOTE: this must be the last rule in this chain')} -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS\n`;

const NEW = '-m conntrack --ctstate NEW';
const FILTER_JUMPS = [
  `-A INPUT ${NEW} ${comment('kubernetes load balancer firewall')} -j KUBE-PROXY-FIREWALL`,
  `-A INPUT ${comment('kubernetes health check service ports')} -j KUBE-NODEPORTS`,
  `-A INPUT ${NEW} ${comment('kubernetes externally-visible service portals')} -j KUBE-EXTERNAL-SERVICES`,
  `-A FORWARD ${NEW} ${comment('kubernetes load balancer firewall')} -j KUBE-PROXY-FIREWALL`,
  `-A FORWARD ${comment('kubernetes forwarding rules')} -j KUBE-FORWARD`,
  `-A FORWARD ${NEW} ${comment('kubernetes service portals')} -j KUBE-SERVICES`,
  `-A FORWARD ${NEW} ${comment('kubernetes externally-visible service portals')} -j KUBE-EXTERNAL-SERVICES`,
  `-A OUTPUT ${NEW} ${comment('kubernetes load balancer firewall')} -j KUBE-PROXY-FIREWALL`,
  `-A OUTPUT ${NEW} ${comment('kubernetes service portals')} -j KUBE-SERVICES`,
].join('\n') + '\n';
const FORWARD = [
  '-A KUBE-FORWARD -m conntrack --ctstate INVALID -j DROP',
  `-A KUBE-FORWARD ${comment('kubernetes forwarding rules')} -m mark --mark 0x4000/0x4000 -j ACCEPT`,
  `-A KUBE-FORWARD ${comment('kubernetes forwarding conntrack rule')} -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT`,
].join('\n') + '\n';

const byChain = (a: [string, string], b: [string, string]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** The whole `iptables-save` text (nat table, then filter table) for one Node. */
export function renderIptables(model: ProxyModel): string {
  return renderNat(model) + renderFilter(model);
}

/** Blocks are joined with `+` so unchanged service fragments are shared between versions, not copied. */
function table(name: string, builtins: string[], jumps: string, chains: [string, string][]): string {
  chains.sort(byChain);
  let text = `*${name}\n`;
  for (const b of builtins) text += `:${b} ACCEPT [0:0]\n`;
  for (const [chain] of chains) text += `:${chain} - [0:0]\n`;
  text += jumps;
  for (const [, rules] of chains) text += rules;
  return text + 'COMMIT\n';
}

export function renderNat(model: ProxyModel): string {
  const chains: [string, string][] = [['KUBE-MARK-MASQ', MARK_MASQ], ['KUBE-POSTROUTING', POSTROUTING]];
  let services = '';
  let nodePorts = '';
  for (const s of model.services) {
    const f = serviceFragment(s, model.clusterCIDR);
    services += f.natServices;
    nodePorts += f.natNodePorts;
    for (const c of f.natChains) chains.push(c);
  }
  chains.push(['KUBE-SERVICES', services + NODEPORTS_LAST], ['KUBE-NODEPORTS', nodePorts]);
  return table('nat', NAT_BUILTINS, NAT_JUMPS, chains);
}

export function renderFilter(model: ProxyModel): string {
  let services = '';
  let external = '';
  let nodePorts = '';
  let firewall = '';
  for (const s of model.services) {
    const f = serviceFragment(s, model.clusterCIDR);
    services += f.filterServices;
    external += f.filterExternal;
    nodePorts += f.filterNodePorts;
    firewall += f.filterFirewall;
  }
  return table('filter', FILTER_BUILTINS, FILTER_JUMPS, [
    ['KUBE-EXTERNAL-SERVICES', external], ['KUBE-FORWARD', FORWARD], ['KUBE-NODEPORTS', nodePorts],
    ['KUBE-PROXY-FIREWALL', firewall], ['KUBE-SERVICES', services],
  ]);
}
