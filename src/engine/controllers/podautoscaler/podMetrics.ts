/**
 * The resource metrics API as the HPA reads it (upstream metrics/client.go resourceMetricsClient),
 * served from metrics-server's `metrics/pods` table: per Pod the sum of its containers' usage (or
 * one container's), in milli-units — millicores for cpu, milli-bytes for memory (`MilliValue()`).
 */
import type { KubeObject } from '../../api';
import { lastScrapeTime } from '../../metrics/metricsServer';
import { POD_METRICS_TABLE, type PodMetrics, type Usage } from '../../metrics/types';
import type { ReconcileContext } from '../types';
import type { PodMetric } from './types';

export type PodMetricsResult = { ok: true; metrics: Map<string, PodMetric>; timestamp: number } | { ok: false; error: string };

/** metrics-server reports cpu and memory; any other resource has no usage entry. */
function usageOf(u: Usage, resource: string): number | undefined {
  if (resource === 'cpu') return u.cpuMilli;
  if (resource === 'memory') return u.memoryBytes * 1000;
  return undefined;
}

/**
 * The PodMetrics of the selected Pods. metrics-server rewrites a record only when a value changes,
 * reporting the same values at every scrape in between, so a sample's time is its latest scrape.
 */
export function podMetricsFor(records: (PodMetrics | undefined)[], resource: string, container: string | undefined,
  now: number): PodMetricsResult {
  const items = records.filter((m): m is PodMetrics => m !== undefined);
  if (items.length === 0) return { ok: false, error: 'no metrics returned from resource metrics API' };
  const metrics = new Map<string, PodMetric>();
  for (const m of items) {
    const sample = { timestamp: Math.max(m.timestamp, lastScrapeTime(now - 1)), window: m.window };
    if (container) {
      const c = m.containers[container];
      if (!c) return { ok: false, error: `container ${container} not present in metrics for pod ${m.namespace}/${m.name}` };
      const value = usageOf(c, resource);
      if (value !== undefined) metrics.set(m.name, { value, ...sample });
      continue;
    }
    const containers = Object.values(m.containers);
    const values = containers.map((c) => usageOf(c, resource));
    if (containers.length === 0 || values.some((v) => v === undefined)) continue;
    metrics.set(m.name, { value: (values as number[]).reduce((a, b) => a + b, 0), ...sample });
  }
  return { ok: true, metrics, timestamp: Math.max(items[0].timestamp, lastScrapeTime(now - 1)) };
}

/** The records of these Pods (matched by uid, so a recreated Pod of the same name starts afresh). */
export function readPodMetrics(ctx: Pick<ReconcileContext, 'table'>, pods: KubeObject[]): (PodMetrics | undefined)[] {
  const table = ctx.table<PodMetrics>(POD_METRICS_TABLE);
  return pods.map((p) => {
    const m = table.get(`${p.metadata.namespace ?? 'default'}/${p.metadata.name}`);
    return m && m.uid === p.metadata.uid ? m : undefined;
  });
}
