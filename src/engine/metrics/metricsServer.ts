/**
 * The `metrics-server` actor: every 15s (its metric resolution, scrapes aligned to multiples of
 * 15s of virtual time) it reads each kubelet's containers and writes Pod and Node usage to
 * `metrics/pods` and `metrics/nodes`. A container is reported once it has run a whole window
 * (a CPU rate needs two samples). CPU follows the requests each container answered — from the
 * cumulative counters in `traffic/pods` — per the model in usage.ts.
 * It keeps scraping while something can still change on its own (a Pod or Node not reported yet,
 * traffic flowing or just stopped) and otherwise waits for a Pod, Node or traffic start to wake
 * it: a steady cluster records no Steps and keeps no timer.
 */
import type { KubeObject } from '../api';
import type { Controller, ReconcileContext, ReconcileResult } from '../controllers/types';
import { readyCondition } from '../controllers/shared/pods';
import { virtualMs } from '../core/time';
import { GENERATORS_TABLE, POD_TRAFFIC_TABLE, type PodTraffic } from '../traffic/types';
import { nodeMetrics, sameUsage } from './nodeUsage';
import { podMetrics, type ScrapeMemo } from './podUsage';
import { METRIC_RESOLUTION_MS, NODE_METRICS_TABLE, POD_METRICS_TABLE, type NodeMetrics, type PodMetrics } from './types';

/** The time of the latest scrape at or before `now`: when the current values were (re)observed. */
export function lastScrapeTime(now: number): number {
  return Math.floor(now / METRIC_RESOLUTION_MS) * METRIC_RESOLUTION_MS;
}

export const metricsServer: Controller = {
  name: 'metrics-server',
  watches: [
    { kind: 'Pod', map: () => ['scrape'] },
    { kind: 'Node', map: () => ['scrape'] },
  ],
  reconcile: (_key, ctx) => scrape(ctx),
};

function scrape(ctx: ReconcileContext): ReconcileResult {
  const now = ctx.now;
  const next = lastScrapeTime(now) + METRIC_RESOLUTION_MS;
  const memo = ctx.memo.get<ScrapeMemo>('state') ?? { samples: {}, plans: {} };
  if (now % METRIC_RESOLUTION_MS !== 0 || memo.lastScrape === now) return { requeueAfter: next - now };
  memo.lastScrape = now;
  ctx.memo.set('state', memo);

  const traffic = ctx.table<PodTraffic>(POD_TRAFFIC_TABLE);
  const table = ctx.table<PodMetrics>(POD_METRICS_TABLE);
  const seen = new Set<string>();
  let again = ctx.table(GENERATORS_TABLE).entries().length > 0;
  const fresh: PodMetrics[] = [];
  const changed: string[] = [];
  for (const pod of ctx.list('Pod')) {
    const scraped = podMetrics(ctx, pod, traffic.get(`${pod.metadata.namespace}/${pod.metadata.name}`), memo);
    if (scraped.pending || scraped.busy) again = true;
    const m = scraped.metrics;
    if (!m) continue;
    const key = `${m.namespace}/${m.name}`;
    seen.add(key);
    fresh.push(m);
    const prev = table.get(key);
    if (prev && prev.uid === m.uid && sameUsage(prev, m) && !readySince(pod, prev.timestamp)) continue;
    table.set(key, m);
    changed.push(`${key} ${m.cpuMilli}m CPU, ${Math.floor(m.memoryBytes / 1048576)}Mi`);
  }
  let removed = 0;
  for (const [key] of table.entries()) {
    if (!seen.has(key)) {
      table.set(key, undefined);
      removed++;
    }
  }
  const { wrote: nodesChanged, pending: nodesPending } = writeNodes(ctx, fresh);
  pruneMemo(memo, ctx);
  if (changed.length + removed + nodesChanged > 0) {
    const list = changed.length > 3 ? `${changed.slice(0, 3).join('; ')}; ${changed.length - 3} more` : changed.join('; ');
    const nodes = ctx.table<NodeMetrics>(NODE_METRICS_TABLE).entries().length;
    ctx.describe(`metrics-server scraped ${nodes} kubelet${nodes === 1 ? '' : 's'} (${METRIC_RESOLUTION_MS / 1000}s window): `
      + `${fresh.length} Pod${fresh.length === 1 ? '' : 's'} reported${list ? ` — ${list}` : ''}${removed ? `; ${removed} no longer running` : ''}`);
  }
  return again || nodesPending ? { requeueAfter: METRIC_RESOLUTION_MS } : {};
}

/** upstream HPA: a metric taken before the Pod's last readiness change is discarded; re-report after one. */
function readySince(pod: KubeObject, timestamp: number): boolean {
  const t = virtualMs(readyCondition(pod)?.lastTransitionTime);
  return t !== undefined && t > timestamp;
}

function writeNodes(ctx: ReconcileContext, pods: PodMetrics[]): { wrote: number; pending: boolean } {
  const table = ctx.table<NodeMetrics>(NODE_METRICS_TABLE);
  const { metrics: fresh, pending } = nodeMetrics(ctx.list('Node'), pods, ctx.now);
  let wrote = 0;
  for (const [name, prev] of table.entries()) {
    if (!fresh.has(name)) {
      table.set(name, undefined);
      wrote++;
      continue;
    }
    if (sameUsage(prev, fresh.get(name)!)) fresh.delete(name);
  }
  for (const [name, m] of [...fresh].sort(([a], [b]) => (a < b ? -1 : 1))) {
    table.set(name, m);
    wrote++;
  }
  return { wrote, pending };
}

/** Forget containers that no longer run anywhere (bounded bookkeeping). */
function pruneMemo(memo: ScrapeMemo, ctx: ReconcileContext): void {
  const ids = Object.keys(memo.samples);
  if (ids.length < 500) return;
  const alive = new Set<string>();
  for (const node of ctx.list('Node')) for (const c of ctx.runtime(node.metadata.name).containers()) alive.add(c.id);
  for (const id of ids) {
    if (alive.has(id)) continue;
    delete memo.samples[id];
    delete memo.plans[id];
  }
}
