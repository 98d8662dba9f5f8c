/**
 * horizontal-pod-autoscaler (upstream pkg/controller/podautoscaler): every HPA is synced once per
 * 15s sync period. upstream queues every add and update through a fixed 15s rate limiter, so a new
 * HPA is first synced 15s after it appears, and a spec change waits for the next period too.
 * The recommendation and scale-event history lives in the memo, as upstream keeps it in memory.
 */
import { keyOf, splitKey } from '../../util/objects';
import type { Controller, ReconcileContext, ReconcileResult } from '../types';
import { syncHorizontalPodAutoscaler } from './syncHorizontalPodAutoscaler';
import { emptyHistory, SYNC_PERIOD_MS, type ScaleHistory } from './types';
import { forgetSyncRecord } from './writeStatus';

interface HpaState {
  uid: string;
  /** Virtual time of the next sync. */
  due: number;
  history: ScaleHistory;
}

const stateKey = (key: string) => `hpa/${key}`;

function reconcile(key: string, ctx: ReconcileContext): ReconcileResult | void {
  const { namespace, name } = splitKey(key);
  const hpa = ctx.get('HorizontalPodAutoscaler', name, namespace);
  const state = ctx.memo.get<HpaState>(stateKey(key));
  if (!hpa) {
    if (!state) return;
    ctx.memo.delete(stateKey(key));
    if (forgetSyncRecord(ctx, key)) ctx.describe(`HPA ${key} is gone: the autoscaler forgets its recommendations and scale events`);
    return;
  }
  if (!state || state.uid !== hpa.metadata.uid) {
    ctx.memo.set<HpaState>(stateKey(key), { uid: hpa.metadata.uid, due: ctx.now + SYNC_PERIOD_MS, history: emptyHistory() });
    return { requeueAfter: SYNC_PERIOD_MS };
  }
  if (ctx.now < state.due) return { requeueAfter: state.due - ctx.now };
  const history = syncHorizontalPodAutoscaler(ctx, hpa, state.history);
  ctx.memo.set<HpaState>(stateKey(key), { uid: state.uid, due: ctx.now + SYNC_PERIOD_MS, history });
  return { requeueAfter: SYNC_PERIOD_MS };
}

export const horizontalPodAutoscalerController: Controller = {
  name: 'horizontal-pod-autoscaler',
  watches: [{ kind: 'HorizontalPodAutoscaler', map: (hpa) => [keyOf(hpa)] }],
  reconcile,
};
