import type { DrainOptions, DrainResult } from '../../api';
import type { ReconcileContext } from '../../controllers/types';
import { setUnschedulable } from './cordon';
import { planDrain } from './drainFilters';
import { daemonSetLookup, podsOnNode, unableToDrain } from './drainOutcome';
import { DRAINS_TABLE, outputMemoKey, printLines, type DrainRecord } from './drainRecord';
import { advanceDrain } from './drainActor';

/**
 * `kubectl drain <node>`: cordon, pick the Pods (refusing DaemonSet-managed, local-storage and
 * unmanaged Pods unless the flags allow them), then evict each through the Eviction API, retrying
 * refused evictions every 5s, and wait for every Pod to be gone. upstream: kubectl/pkg/cmd/drain/drain.go
 */
export function drain(ctx: ReconcileContext, name: string, options: DrainOptions = {}): DrainResult {
  const cordoned = setUnschedulable(ctx, name, true);
  if (!cordoned.ok) return { ...cordoned, lines: [cordoned.message] };
  const live: string[] = [];
  ctx.memo.set(outputMemoKey(name), live);
  let record: DrainRecord = { node: name, startedAt: ctx.now, options: { ...options }, pods: [], state: 'running', lines: [] };
  record = printLines(ctx, record, [cordoned.message]);
  const plan = planDrain(podsOnNode(ctx, name), options, daemonSetLookup(ctx));
  const table = ctx.table<DrainRecord>(DRAINS_TABLE);
  if (plan.errors.length) {
    record = printLines(ctx, { ...record, state: 'failed' }, unableToDrain(name, plan.errors));
    table.set(name, record);
    ctx.describe(`kubectl drain ${name} refused: ${plan.errors.join('; ')}`);
    return { ok: false, message: record.lines.join('\n'), lines: live };
  }
  if (plan.warnings) record = printLines(ctx, record, [`Warning: ${plan.warnings}`]);
  record = {
    ...record,
    pods: plan.evict.map((p) => ({ namespace: p.metadata.namespace ?? 'default', name: p.metadata.name, uid: p.metadata.uid, state: 'retry', at: ctx.now })),
  };
  table.set(name, record);
  ctx.describe(`kubectl drain ${name}: ${record.pods.length} Pod${record.pods.length === 1 ? '' : 's'} to evict` +
    (plan.warnings ? ` (${plan.warnings})` : ''));
  advanceDrain(ctx, name);
  // kubectl keeps running: its actor takes over at once (retries every 5s, waits for the Pods to go)
  ctx.wake('kubectl', name);
  const final = table.get(name)!;
  return { ok: final.state !== 'failed', message: final.lines.join('\n'), lines: live };
}
