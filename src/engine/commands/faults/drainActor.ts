import type { Controller, ReconcileContext, ReconcileResult } from '../../controllers/types';
import { attemptEviction } from './evictLine';
import { evictionFailed } from './drainOutcome';
import { DELETE_POLL_MS, DRAINS_TABLE, printLines, type DrainPod, type DrainRecord } from './drainRecord';

/**
 * Moves a drain on: evictions whose retry is due are attempted, evicted Pods that are gone are
 * reported at kubectl's next 1s poll, and once every Pod is done the node is reported drained.
 * Returns when to look again. upstream: kubectl/pkg/drain/drain.go evictPods, waitForDelete
 */
export function advanceDrain(ctx: ReconcileContext, node: string): ReconcileResult | void {
  const table = ctx.table<DrainRecord>(DRAINS_TABLE);
  let record = table.get(node);
  if (!record || record.state !== 'running') return;
  const before = record;
  const wakes: number[] = [];
  const errors: string[] = [];
  const evicted: string[] = [];
  const pods: DrainPod[] = [];
  // the per-Pod goroutines run side by side: every `evicting pod` line comes before the answers
  const attempts: string[] = [];
  const answers: string[] = [];
  const causes: string[] = [];
  for (const pod of record.pods) {
    let next = pod;
    if (pod.state === 'retry' && pod.at <= ctx.now) {
      const attempt = attemptEviction(ctx, pod);
      attempts.push(attempt.lines[0]);
      answers.push(...attempt.lines.slice(1));
      if (attempt.error) errors.push(attempt.error);
      if (attempt.cause && !causes.includes(attempt.cause)) causes.push(attempt.cause);
      next = attempt.pod;
    }
    if (next.state === 'waiting') {
      const current = ctx.get('Pod', next.name, next.namespace);
      if (!current || current.metadata.uid !== next.uid) {
        const poll = next.at + Math.ceil((ctx.now - next.at) / DELETE_POLL_MS) * DELETE_POLL_MS;
        if (poll <= ctx.now) {
          evicted.push(next.name);
          next = { ...next, state: 'done' };
        } else wakes.push(poll);
      }
    }
    if (next.state === 'retry') wakes.push(next.at);
    pods.push(next);
  }
  record = printLines(ctx, record, [...attempts, ...answers, ...evicted.map((name) => `pod/${name} evicted`)]);
  const allErrors = [...(before.errors ?? []), ...errors];
  record = { ...record, pods, ...(allErrors.length ? { errors: allErrors } : {}) };
  if (pods.every((p) => p.state === 'done')) {
    if (allErrors.length) record = printLines(ctx, { ...record, state: 'failed' }, evictionFailed(ctx, node, record.options, allErrors));
    else record = printLines(ctx, { ...record, state: 'drained' }, [`node/${node} drained`]);
  }
  if (record.lines.length !== before.lines.length || record.state !== before.state) {
    table.set(node, record);
    const news = record.lines.slice(before.lines.length);
    const said = news.filter((l) => !l.startsWith('evicting pod')).join('; ') || news.join('; ');
    // the API server's cause (the budget's numbers) is in the 429 but kubectl does not print it
    ctx.describe(`kubectl drain ${node}: ${said}${causes.length ? ` (${causes.join('; ')})` : ''}`);
  } else if (!sameProgress(before, record)) table.set(node, record);
  if (!wakes.length) return;
  return { requeueAfter: Math.max(0, Math.min(...wakes) - ctx.now) };
}

function sameProgress(a: DrainRecord, b: DrainRecord): boolean {
  return a.pods.every((p, i) => p.state === b.pods[i].state && p.at === b.pods[i].at);
}

/**
 * The running `kubectl drain` commands, as an actor named `kubectl` (their Steps are kubectl's):
 * woken when a Pod goes away and when a retry is due.
 */
export const drainActor: Controller = {
  name: 'kubectl',
  watches: [{
    kind: 'Pod',
    map: (pod, old, lister) => {
      const node = (pod.spec as { nodeName?: string }).nodeName;
      if (!node || old || lister.get('Pod', pod.metadata.name, pod.metadata.namespace)?.metadata.uid === pod.metadata.uid) return [];
      return [node];
    },
  }],
  reconcile(key, ctx) {
    return advanceDrain(ctx, key);
  },
};
