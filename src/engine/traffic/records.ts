/** Writing one second of traffic to the versioned tables `traffic/requests` and `traffic/pods`. */
import type { ReconcileContext } from '../controllers/types';
import { nextPodTraffic, type PodCounts, type SecondTally } from './tally';
import { POD_TRAFFIC_TABLE, REQUESTS_TABLE, type PodTraffic, type TrafficSecond } from './types';

/** Each generator's last second; records of stopped generators are removed. Returns the number of writes. */
export function writeSeconds(ctx: ReconcileContext, seconds: SecondTally[], active: Set<string>): number {
  const table = ctx.table<TrafficSecond>(REQUESTS_TABLE);
  let wrote = 0;
  for (const [id] of table.entries()) {
    if (!active.has(id)) {
      table.set(id, undefined);
      wrote++;
    }
  }
  for (const t of seconds) {
    table.set(t.generator.id, t.record(ctx.now));
    wrote++;
  }
  return wrote;
}

/** Pods hit this second get their counters advanced; Pods that were hit the second before drop to 0; gone Pods are removed. */
export function writePods(ctx: ReconcileContext, counts: PodCounts, now: number): number {
  const table = ctx.table<PodTraffic>(POD_TRAFFIC_TABLE);
  let wrote = 0;
  for (const [key, prev] of table.entries()) {
    if (counts.pods.has(key)) continue;
    const pod = ctx.get('Pod', prev.name, prev.namespace);
    if (!pod || pod.metadata.uid !== prev.uid) {
      table.set(key, undefined);
      wrote++;
    } else if (prev.lastSecond.requests > 0) {
      table.set(key, { ...prev, time: now, lastSecond: { requests: 0, ok: 0, failed: 0 } });
      wrote++;
    }
  }
  for (const [key, e] of [...counts.pods].sort(([a], [b]) => (a < b ? -1 : 1))) {
    table.set(key, nextPodTraffic(table.get(key), e.pod, e.counts, e.containers, now));
    wrote++;
  }
  return wrote;
}
