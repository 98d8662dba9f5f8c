/**
 * kube-proxy on one Node (actor `kube-proxy/<node>`): watches Services, EndpointSlices, its
 * ConfigMap and its Node, and re-programs the Node's rules into the versioned table
 * `kube-proxy/<node>` (key `rules`). Syncs are rate-limited like upstream's
 * BoundedFrequencyRunner: a token bucket of 2 refilled once per minSyncPeriod (1s), so a burst
 * of changes lands in one sync. A mode change is a restart: it flushes and re-programs at once.
 * (The 30s periodic resync is not modelled: with nothing changed it rewrites nothing.)
 */
import type { KubeObject, ProxyMode } from '../api';
import { KUBE_PROXY_CONFIGMAP } from '../commands/proxyMode';
import type { Controller, ReconcileContext, ReconcileResult } from '../controllers/types';
import { deepEqual } from '../util/objects';
import { readModelInput, readProxyConfig, nodeAddresses } from './inputs';
import { renderIptables } from './iptables';
import { renderIpsets, renderIpvs, renderKubeIpvs0 } from './ipvs';
import { buildProxyModel, modelCounts } from './model';
import type { ProxyModel } from './types';
import { describeChanges, plural } from './syncMessage';

/** What `kube-proxy/<node>` holds under key `rules`. */
export interface ProxyRulesRecord {
  mode: ProxyMode;
  /** `iptables-save` (nat + filter) in iptables mode, `ipvsadm -Ln` in ipvs mode. */
  text: string;
  model: ProxyModel;
  syncedAt: number;
  services: number;
  endpoints: number;
  /** ipvs mode: `ip addr show kube-ipvs0`. */
  kubeIpvs0?: string;
  /** ipvs mode: `ipset list`. */
  ipsets?: string;
}

export const proxyTableName = (node: string) => `kube-proxy/${node}`;
export const RULES_KEY = 'rules';
const BURST = 2;

interface SyncMemo { tokens: number; at: number; lastRun: number }

export function createKubeProxy(node: string): Controller {
  const isConfig = (cm: KubeObject) =>
    cm.metadata.namespace === KUBE_PROXY_CONFIGMAP.namespace && cm.metadata.name === KUBE_PROXY_CONFIGMAP.name;
  return {
    name: `kube-proxy/${node}`,
    watches: [
      { kind: 'Service', map: () => ['sync'] },
      { kind: 'EndpointSlice', map: () => ['sync'] },
      { kind: 'ConfigMap', map: (cm) => (isConfig(cm) ? ['sync'] : []) },
      {
        kind: 'Node',
        map: (n, old) => (n.metadata.name === node && nodeAddresses(n).join() !== nodeAddresses(old).join() ? ['sync'] : []),
      },
    ],
    reconcile: (_key, ctx) => syncProxyRules(ctx, node),
  };
}

export function syncProxyRules(ctx: ReconcileContext, node: string): ReconcileResult | void {
  const config = readProxyConfig(ctx);
  const table = ctx.table<ProxyRulesRecord>(proxyTableName(node));
  const current = table.get(RULES_KEY);
  const restart = current !== undefined && current.mode !== config.mode;
  const memo = ctx.memo.get<SyncMemo>('sync') ?? { tokens: BURST, at: ctx.now, lastRun: -Infinity };
  const tokens = Math.min(BURST, memo.tokens + (ctx.now - memo.at) / config.minSyncPeriodMs);
  if (!restart && tokens < 1) {
    return { requeueAfter: Math.max(1, Math.ceil(config.minSyncPeriodMs - (ctx.now - memo.lastRun))) };
  }
  const model = buildProxyModel(readModelInput(ctx, node, config));
  if (current && sameModel(current.model, model)) return;

  ctx.memo.set<SyncMemo>('sync', { tokens: restart ? BURST - 1 : tokens - 1, at: ctx.now, lastRun: ctx.now });
  const counts = modelCounts(model);
  const record: ProxyRulesRecord = {
    mode: model.mode,
    text: model.mode === 'ipvs' ? renderIpvs(model) : renderIptables(model),
    model, syncedAt: ctx.now, ...counts,
    ...(model.mode === 'ipvs' ? { kubeIpvs0: renderKubeIpvs0(model), ipsets: renderIpsets(model) } : {}),
  };
  table.set(RULES_KEY, record);
  const summary = `${plural(counts.services, 'Service')}, ${plural(counts.endpoints, 'endpoint')}`;
  if (restart) {
    const flushed = current.mode === 'iptables' ? 'flushed its iptables service chains' : 'removed its IPVS virtual servers and kube-ipvs0 addresses';
    const programmed = model.mode === 'ipvs' ? 'programmed IPVS virtual servers' : 'programmed iptables chains';
    ctx.describe(`kube-proxy on ${node} restarted in ${model.mode} mode: ${flushed} and ${programmed}: ${summary}`);
  } else {
    const changes = describeChanges(current?.model, model);
    ctx.describe(`kube-proxy on ${node} synced ${model.mode} rules: ${summary}${changes ? ` (${changes})` : ''}`);
  }
}

function sameModel(a: ProxyModel, b: ProxyModel): boolean {
  if (a.mode !== b.mode || a.clusterCIDR !== b.clusterCIDR || a.scheduler !== b.scheduler) return false;
  if (a.nodeIPs.join() !== b.nodeIPs.join() || a.services.length !== b.services.length) return false;
  // a new Service or slice object with the same effect (a not-ready endpoint added) changes no rule
  return a.services.every((s, i) => s === b.services[i] || deepEqual(s, b.services[i]));
}
