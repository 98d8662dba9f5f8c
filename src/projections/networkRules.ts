/**
 * One Node's kube-proxy rules as a learner reads them: the `iptables-save` or `ipvsadm -Ln` text
 * kube-proxy left on the Node, cut down to one Service's rules (its KUBE-SVC/SVL/EXT/FW/SEP chains
 * and the rules in the shared chains that name it, or its IPVS virtual servers), with the rules a
 * sampled request went through marked.
 */
import type { ClusterView, ProxyMode } from '../engine/api';
import { KUBE_PROXY_CONFIGMAP, proxyModeOf } from '../engine/commands/proxyMode';
import { proxyTableName, RULES_KEY, type ProxyRulesRecord } from '../engine/proxy/kubeProxy';
import { virtualServers } from '../engine/proxy/ipvs';
import type { ProxyModel, ServicePortRules } from '../engine/proxy/types';
import type { RequestSample } from '../engine/traffic/types';

export type { ProxyRulesRecord };

/** The rules record kube-proxy keeps for `node`, as of the snapshot. */
export function proxyRules(view: ClusterView, node: string): ProxyRulesRecord | undefined {
  return new Map(view.table<ProxyRulesRecord>(proxyTableName(node))).get(RULES_KEY);
}

export interface RuleLine {
  text: string;
  /** `path`: a rule the sampled request took; `failed`: the rule it ended at without reaching a Pod. */
  mark?: 'path' | 'failed';
}

const SHARED_CHAINS = new Set(['KUBE-SERVICES', 'KUBE-NODEPORTS', 'KUBE-EXTERNAL-SERVICES', 'KUBE-PROXY-FIREWALL']);

/** The service ports of `ns/name` in a Node's model (one per Service port). */
export function servicePorts(model: ProxyModel, namespace: string, service: string): ServicePortRules[] {
  return model.services.filter((s) => s.namespace === namespace && s.service === service);
}

/** The text of a rule's `--comment`, quoted or not. */
function commentOf(line: string): string | undefined {
  const m = / --comment (?:"((?:[^"\\]|\\.)*)"|(\S+))/.exec(line);
  return m ? (m[1] ?? m[2]).replace(/\\(["\\])/g, '$1') : undefined;
}

function chainOf(line: string): string | undefined {
  if (!line.startsWith('-A ')) return undefined;
  const end = line.indexOf(' ', 3);
  return end < 0 ? line.slice(3) : line.slice(3, end);
}
const jumpOf = (line: string) => / -j (\S+)/.exec(line)?.[1];
const destOf = (line: string) => / -d (\d+\.\d+\.\d+\.\d+)\/32/.exec(line)?.[1];

/**
 * The rules text, every line marked where the sample went; `service` (`ns/name`) keeps only that
 * Service's rules (lines the sample took are kept in any case).
 */
export function ruleLines(record: ProxyRulesRecord, service?: string, sample?: RequestSample): RuleLine[] {
  const lines = record.text.replace(/\n$/, '').split('\n');
  const marks = sample ? (record.mode === 'ipvs' ? ipvsMarks(lines, sample) : iptablesMarks(lines, sample)) : new Map<number, RuleLine['mark']>();
  const marked = lines.map((text, i) => ({ text, ...(marks.has(i) ? { mark: marks.get(i) } : {}) }));
  if (!service) return marked;
  const slash = service.indexOf('/');
  const ports = servicePorts(record.model, service.slice(0, slash), service.slice(slash + 1));
  const keep = record.mode === 'ipvs' ? ipvsKeep(lines, record.model, ports) : iptablesKeep(lines, ports);
  return dropEmptyTables(marked.filter((l, i) => keep(i) || l.mark !== undefined));
}

function iptablesKeep(lines: string[], ports: ServicePortRules[]): (i: number) => boolean {
  const owned = new Set<string>();
  const names = ports.map((p) => p.name);
  for (const p of ports) {
    for (const c of [p.chains.svc, p.chains.svl, p.chains.ext, p.chains.fw]) owned.add(c);
    for (const ep of p.endpoints) owned.add(ep.chain);
  }
  const namesService = (c: string | undefined) => c !== undefined && names.some((n) => c === n || c.startsWith(`${n} `));
  return (i) => {
    const line = lines[i];
    if (line.startsWith('*') || line === 'COMMIT') return true;
    if (line.startsWith(':')) return owned.has(line.slice(1, line.indexOf(' ')));
    const chain = chainOf(line);
    if (!chain) return false;
    if (owned.has(chain)) return true;
    return SHARED_CHAINS.has(chain) && namesService(commentOf(line));
  };
}

/** Headers (`*nat`, `COMMIT`) of tables left with no rule of the Service go. */
function dropEmptyTables(lines: RuleLine[]): RuleLine[] {
  const out: RuleLine[] = [];
  let table: RuleLine[] | undefined;
  for (const l of lines) {
    if (l.text.startsWith('*')) table = [l];
    else if (l.text === 'COMMIT' && table) {
      if (table.length > 1) out.push(...table, l);
      table = undefined;
    } else if (table) table.push(l);
    else out.push(l);
  }
  return out;
}

/**
 * iptables: each hop `a → b` marks the rule of chain `a` that jumps to `b` (to the dialled address
 * when the rule names one); a request that reached a Pod marks its KUBE-SEP's DNAT, one that
 * failed marks the REJECT/DROP rule it met.
 */
function iptablesMarks(lines: string[], sample: RequestSample): Map<number, RuleLine['mark']> {
  const marks = new Map<number, RuleLine['mark']>();
  const path = sample.chains;
  const dest = sample.destination.slice(0, sample.destination.lastIndexOf(':'));
  const matchesDest = (line: string) => {
    const d = destOf(line);
    return d === undefined || d === dest;
  };
  for (let h = 0; h < path.length; h++) {
    const from = path[h];
    const to = path[h + 1];
    lines.forEach((line, i) => {
      if (chainOf(line) !== from) return;
      const jump = jumpOf(line);
      if (to !== undefined) {
        if (jump === to && matchesDest(line)) marks.set(i, 'path');
      } else if (sample.outcome === 'ok' || sample.endpoint) {
        if (jump === 'DNAT') marks.set(i, 'path');
      } else if ((jump === 'REJECT' || jump === 'DROP') && matchesDest(line) && (!sample.reason || commentMatches(line, sample.reason))) {
        marks.set(i, 'failed');
      }
    });
  }
  return marks;
}

/** A REJECT/DROP rule's comment is the failure's reason (`default/web has no endpoints`), when it has one. */
function commentMatches(line: string, reason: string): boolean {
  const c = commentOf(line);
  return c === undefined || reason.includes(c) || c.includes(reason);
}

/** IPVS: the virtual server the request hit and the real server it was sent to. */
function ipvsMarks(lines: string[], sample: RequestSample): Map<number, RuleLine['mark']> {
  const marks = new Map<number, RuleLine['mark']>();
  const [label, dest] = sample.chains;
  if (!label) return marks;
  const at = lines.findIndex((l) => l === label || l.startsWith(`${label} `));
  if (at < 0) return marks;
  const failed = sample.outcome !== 'ok' && !sample.endpoint;
  marks.set(at, failed ? 'failed' : 'path');
  for (let i = at + 1; i < lines.length && lines[i].startsWith('  ->'); i++) {
    if (dest && lines[i].startsWith(`  -> ${dest} `)) marks.set(i, 'path');
  }
  return marks;
}

function ipvsKeep(lines: string[], model: ProxyModel, ports: ServicePortRules[]): (i: number) => boolean {
  const addresses = new Set(ports.flatMap((p) => virtualServers(p, model).map((v) => `${v.protocol}  ${v.address} `)));
  const keep = new Set<number>([0, 1, 2]);
  let inBlock = false;
  lines.forEach((line, i) => {
    if (i < 3) return;
    if (!line.startsWith(' ')) inBlock = [...addresses].some((a) => line.startsWith(a));
    if (inBlock) keep.add(i);
  });
  return (i) => keep.has(i);
}

/** The mode ConfigMap kube-system/kube-proxy asks for (iptables when unset, as upstream on Linux). */
export function configuredProxyMode(view: ClusterView): ProxyMode {
  return proxyModeOf(view.get('ConfigMap', KUBE_PROXY_CONFIGMAP.name, KUBE_PROXY_CONFIGMAP.namespace));
}
