/**
 * One Pod's usage at a scrape: every running container, once it has run a whole window, with its
 * CPU from the requests it answered since the previous scrape (the cumulative counters in
 * `traffic/pods`) and its memory from its image or what it allocates.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject, RuntimeContainer } from '../api';
import type { ReconcileContext } from '../controllers/types';
import { nodeAddresses } from '../proxy/inputs';
import { servingPlan, type ServingPlan } from '../traffic/listens';
import type { PodTraffic } from '../traffic/types';
import { METRIC_RESOLUTION_MS, type PodMetrics, type Usage } from './types';
import { cpuMilli, memoryBytes } from './usage';

export interface ScrapeMemo {
  lastScrape?: number;
  /** Per container id: its answered-request counter at the previous scrape. */
  samples: Record<string, { ok: number; at: number }>;
  plans: Record<string, ServingPlan>;
}

/** A Pod at one scrape: its metrics once reportable; `pending` while a container has not run a whole window; `busy` while it answers requests. */
export interface PodScrape { metrics?: PodMetrics; pending: boolean; busy: boolean }

export function podMetrics(ctx: ReconcileContext, pod: KubeObject, traffic: PodTraffic | undefined, memo: ScrapeMemo): PodScrape {
  const node = (pod.spec as { nodeName?: string }).nodeName;
  if ((pod.status as { phase?: string } | undefined)?.phase !== 'Running' || !node) return { pending: false, busy: false };
  const running = ctx.runtime(node).containers().filter((c) => c.pod === pod.metadata.name
    && c.namespace === pod.metadata.namespace && c.state === 'CONTAINER_RUNNING');
  if (running.length === 0) return { pending: false, busy: false };
  const now = ctx.now;
  const counters = traffic?.uid === pod.metadata.uid ? traffic.containers : {};
  const containers: Record<string, Usage> = {};
  let complete = true;
  let busy = false;
  for (const c of running) {
    const started = c.startedAt ?? c.createdAt;
    const ok = counters[c.name] ?? 0;
    // counters are per container name over the Pod's life: a restarted container starts from what it finds
    const prev = memo.samples[c.id] ?? (c.attempt === 0 ? { ok: 0, at: started } : { ok, at: now });
    memo.samples[c.id] = { ok, at: now };
    if (now - started < METRIC_RESOLUTION_MS) {
      complete = false;
      continue;
    }
    const rps = now > prev.at ? Math.max(0, ok - prev.ok) / ((now - prev.at) / 1000) : 0;
    if (rps > 0) busy = true;
    const plan = planOf(ctx, pod, c, node, memo);
    const input = { requestsPerSecond: rps, cpuHogs: plan.cpuHogs, image: c.image, allocatedBytes: plan.memoryBytes, limits: c.limits };
    containers[c.name] = { cpuMilli: cpuMilli(input), memoryBytes: memoryBytes(input) };
  }
  if (!complete) return { pending: true, busy };
  let cpu = 0;
  let mem = 0;
  for (const u of Object.values(containers)) {
    cpu += u.cpuMilli;
    mem += u.memoryBytes;
  }
  const metrics: PodMetrics = {
    namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name, uid: pod.metadata.uid, node,
    cpuMilli: cpu, memoryBytes: mem, window: METRIC_RESOLUTION_MS, timestamp: now, containers,
  };
  return { metrics, pending: false, busy };
}

function planOf(ctx: ReconcileContext, pod: KubeObject, c: RuntimeContainer, node: string, memo: ScrapeMemo): ServingPlan {
  let plan = memo.plans[c.id];
  if (!plan) {
    plan = servingPlan(pod as Pod, c, [], ctx, nodeAddresses(ctx.get('Node', node))[0] ?? '');
    memo.plans[c.id] = plan;
  }
  return plan;
}

