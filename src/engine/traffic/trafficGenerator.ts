/**
 * The `traffic-generator` actor: on every whole virtual second it sends each generator's
 * requests of the second just ended. Each request meets the current rules of its entry Node
 * (as kube-proxy last synced them, stale or not), goes to one endpoint, and is answered or not
 * by the Pod behind it. Results go to `traffic/requests` and `traffic/pods` as one Step.
 * It ticks while generators run (and once more to zero the counters after the last stops), and
 * sleeps otherwise until `startTraffic` wakes it.
 */
import type { Controller, ReconcileContext, ReconcileResult } from '../controllers/types';
import { proxyTableName, RULES_KEY, type ProxyRulesRecord } from '../proxy/kubeProxy';
import { emptyRouteState, routeRequest, type RouteState } from '../proxy/route';
import type { ProxyMode } from '../api';
import type { ProxyModel } from '../proxy/types';
import { Backends } from './answer';
import { entryPicker } from './clients';
import type { ServingPlan } from './listens';
import { writePods, writeSeconds } from './records';
import { PodCounts, SecondTally } from './tally';
import { GENERATORS_TABLE, type TrafficGenerator } from './types';

const TICK_MS = 1000;

interface TickMemo {
  lastTick?: number;
  /** Fractional requests carried to the next second, per generator. */
  carry: Record<string, number>;
  /** Kernel state per Node (recent lists, IPVS rr cursors), reset when the Node's proxy mode changes. */
  routes: Record<string, { mode: ProxyMode; state: RouteState }>;
  plans: Record<string, ServingPlan>;
}

export const trafficGenerator: Controller = {
  name: 'traffic-generator',
  // woken by startTraffic (ctx.wake); it then ticks every virtual second while a generator runs
  watches: [],
  reconcile: (_key, ctx) => tick(ctx),
};

const idOrder = (a: [string, unknown], b: [string, unknown]) => Number(a[0].slice(8)) - Number(b[0].slice(8)) || (a[0] < b[0] ? -1 : 1);

function tick(ctx: ReconcileContext): ReconcileResult {
  const now = ctx.now;
  const next = (Math.floor(now / TICK_MS) + 1) * TICK_MS;
  const memo = ctx.memo.get<TickMemo>('state') ?? { carry: {}, routes: {}, plans: {} };
  if (now % TICK_MS !== 0 || memo.lastTick === now) return { requeueAfter: next - now };
  const since = memo.lastTick ?? now - TICK_MS;
  memo.lastTick = now;
  ctx.memo.set('state', memo);

  const generators = ctx.table<TrafficGenerator>(GENERATORS_TABLE).entries().sort(idOrder).map(([, g]) => g);
  const active = new Set(generators.map((g) => g.id));
  for (const id of Object.keys(memo.carry)) if (!active.has(id)) delete memo.carry[id];

  const models = new Map<string, ProxyModel | undefined>();
  const modelOf = (node: string) => {
    if (!models.has(node)) models.set(node, ctx.table<ProxyRulesRecord>(proxyTableName(node)).get(RULES_KEY)?.model);
    return models.get(node);
  };
  const backends = new Backends(ctx, memo.plans);
  const pods = new PodCounts();
  const seconds: SecondTally[] = [];
  for (const g of generators) {
    const carry = (memo.carry[g.id] ?? 0) + (g.ratePerSecond * Math.max(0, now - Math.max(since, g.startedAt))) / TICK_MS;
    const n = Math.floor(carry + 1e-9);
    memo.carry[g.id] = carry - n;
    if (n === 0) continue;
    const tally = new SecondTally(g, n);
    sendRequests(ctx, g, n, tally, pods, backends, modelOf, memo);
    seconds.push(tally);
  }
  prunePlans(memo, backends.usedPlans);
  const wrote = writeSeconds(ctx, seconds, active) + writePods(ctx, pods, now);
  if (wrote > 0 && seconds.length > 0) ctx.describe(seconds.map((t) => t.message()).join(' · '));
  else if (wrote > 0) ctx.describe('No requests this second: Pod traffic counters back to 0');
  return generators.length > 0 || wrote > 0 ? { requeueAfter: TICK_MS } : {};
}

function sendRequests(ctx: ReconcileContext, g: TrafficGenerator, n: number, tally: SecondTally, pods: PodCounts,
  backends: Backends, modelOf: (node: string) => ProxyModel | undefined, memo: TickMemo): void {
  const service = ctx.get('Service', g.service, g.namespace);
  if (!service) {
    const failure = { at: 'DNS', reason: `services "${g.service}" not found: the name no longer resolves` };
    for (let i = 0; i < n; i++) {
      tally.add(i, 'error', undefined, failure, () => ({ client: { kind: 'external', ip: '' },
        destination: `${g.service}.${g.namespace}.svc.cluster.local:${g.port}`, chains: [], outcome: 'error', failedAt: failure.at, reason: failure.reason }));
    }
    return;
  }
  const pick = entryPicker(ctx, g, service, modelOf);
  for (let i = 0; i < n; i++) {
    const entry = pick(ctx.rng);
    if (!entry.ok) {
      const failure = { at: entry.at, reason: entry.reason };
      tally.add(i, entry.outcome, undefined, failure, () => ({ client: entry.client, ...(entry.node ? { node: entry.node } : {}),
        destination: entry.destination, chains: [], outcome: entry.outcome, failedAt: entry.at, reason: entry.reason }));
      continue;
    }
    const base = () => ({ client: entry.client, node: entry.node, destination: `${entry.ip}:${entry.port}` });
    const model = modelOf(entry.node);
    if (!model) {
      const failure = { at: `node/${entry.node}`, reason: `kube-proxy on ${entry.node} has not programmed any rules` };
      tally.add(i, 'timeout', undefined, failure, () => ({ ...base(), chains: [], outcome: 'timeout', failedAt: failure.at, reason: failure.reason }));
      continue;
    }
    const route = routeRequest(model, { ip: entry.ip, port: entry.port, protocol: g.protocol, clientIP: entry.client.ip,
      source: entry.source, now: ctx.now }, ctx.rng, routeState(memo, entry.node, model.mode));
    if (!route.ok) {
      const outcome = route.action === 'REJECT' ? 'refused' : 'timeout';
      tally.add(i, outcome, undefined, { at: route.at, reason: route.reason },
        () => ({ ...base(), chains: route.path, outcome, failedAt: route.at, reason: route.reason }));
      continue;
    }
    const ep = route.endpoint;
    const answer = backends.answer(ep.ip, ep.port, g.protocol, ep.pod);
    const pod = answer.pod ? { namespace: answer.pod.metadata.namespace ?? 'default', name: answer.pod.metadata.name } : ep.pod;
    const failure = answer.outcome === 'ok' ? undefined : {
      at: answer.failedAt ?? `pod/${pod?.namespace}/${pod?.name}`,
      reason: answer.reason ?? (answer.status !== undefined ? `HTTP ${answer.status}` : ''),
    };
    tally.add(i, answer.outcome, pod, failure, () => ({
      ...base(), chains: route.path,
      endpoint: { ip: ep.ip, port: ep.port, ...(pod ? { pod } : {}), ...(ep.nodeName ? { node: ep.nodeName } : {}) },
      outcome: answer.outcome,
      ...(answer.status !== undefined ? { status: answer.status } : {}),
      ...(failure ? { failedAt: failure.at, reason: failure.reason } : {}),
    }));
    if (answer.pod) pods.add(answer.pod, answer.outcome === 'ok', answer.container);
  }
}

function routeState(memo: TickMemo, node: string, mode: ProxyMode): RouteState {
  const r = memo.routes[node];
  if (r && r.mode === mode) return r.state;
  memo.routes[node] = { mode, state: emptyRouteState() };
  return memo.routes[node].state;
}

function prunePlans(memo: TickMemo, used: Set<string>): void {
  const ids = Object.keys(memo.plans);
  if (ids.length <= used.size + 200) return;
  for (const id of ids) if (!used.has(id)) delete memo.plans[id];
}
