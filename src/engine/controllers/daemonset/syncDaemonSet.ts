/**
 * One sync of one DaemonSet. upstream: daemon_controller.go (syncDaemonSet, updateDaemonSet,
 * updateDaemonSetStatus)
 */
import type { KubeObject } from '../../api';
import { virtualMs } from '../../core/time';
import { clone, controllerOf, splitKey } from '../../util/objects';
import { isPodAvailable, isPodReady, readyCondition } from '../shared/pods';
import type { ReconcileContext, ReconcileResult } from '../types';
import { claimDaemonPods, nodesToDaemonPods } from './daemonPods';
import { compareNodeNames, minReadySecondsOf, templateGeneration, type DaemonSetObject, type DaemonSetStatus } from './daemonSetSpec';
import { nodeShouldRunDaemonPod } from './eligibility';
import { cleanupHistory, constructHistory } from './history';
import { manage, type DaemonSetView } from './manage';
import { rollingUpdate } from './rollingUpdate';
import { calculateStatus, statusChanged, statusMessage } from './status';

/** upstream DefaultControllerRateLimiter's per-item part: 5ms × 2^failures, at most 1000s. */
const failureBackoff = (failures: number) => Math.min(5 * 2 ** failures, 1000_000);

const isEmptySelector = (ds: DaemonSetObject) => {
  const s = ds.spec.selector;
  return !!s && !Object.keys(s.matchLabels ?? {}).length && !(s.matchExpressions ?? []).length;
};

export function syncDaemonSet(key: string, ctx: ReconcileContext): ReconcileResult | void {
  const { namespace, name } = splitKey(key);
  const ds = ctx.get('DaemonSet', name, namespace) as DaemonSetObject | undefined;
  if (!ds) {
    ctx.memo.delete(`failures/${key}`);
    return;
  }
  if (isEmptySelector(ds)) {
    ctx.event(ds, 'Warning', 'SelectingAll', 'This daemon set is selecting all pods. A non-empty selector is required.');
    return;
  }
  // upstream: a DaemonSet being deleted may have lost its history already; its status is left alone
  if (ds.metadata.deletionTimestamp) return;
  const history = constructHistory(ctx, ds);
  if ('error' in history) return failed(ctx, key);
  const nodes = [...ctx.list('Node')].sort((a, b) => compareNodeNames(a.metadata.name, b.metadata.name));
  const view: DaemonSetView = {
    ds, key, nodes, hash: history.hash, generation: templateGeneration(ds, history.cur.revision),
    eligibility: new Map(nodes.map((n) => [n.metadata.name, nodeShouldRunDaemonPod(n, ds)])),
  };
  const managed = manage(ctx, view, nodesToDaemonPods(claimDaemonPods(ctx, ds)));
  let error = managed.error;
  // upstream: the rolling update waits until the core loop's creates and deletes are observed
  // (expectations); here that is the next sync, which their watch events bring
  if (error === undefined && managed.writes === 0) {
    if (ds.spec.updateStrategy?.type !== 'OnDelete') error = rollingUpdate(ctx, view, nodesToDaemonPods(ownPods(ctx, ds))).error;
    error ??= cleanupHistory(ctx, ds, history.old, ownPods(ctx, ds));
  }
  const pods = ownPods(ctx, ds);
  const status = calculateStatus({ ...view, ds: latest(ctx, ds) }, nodesToDaemonPods(pods), ctx.now, true);
  error ??= writeStatus(ctx, latest(ctx, ds), status);
  if (error !== undefined) return failed(ctx, key);
  ctx.memo.delete(`failures/${key}`);
  const after = [managed.requeueAfter, availabilityRequeue(ds, pods, status, ctx.now)].filter((x): x is number => x !== undefined);
  return after.length ? { requeueAfter: Math.min(...after) } : undefined;
}

const latest = (ctx: ReconcileContext, ds: DaemonSetObject) =>
  (ctx.get('DaemonSet', ds.metadata.name, ds.metadata.namespace) ?? ds) as DaemonSetObject;

/** The Pods this DaemonSet controls, as the store holds them now. */
const ownPods = (ctx: ReconcileContext, ds: DaemonSetObject): KubeObject[] =>
  ctx.list('Pod', ds.metadata.namespace).filter((p) => controllerOf(p)?.uid === ds.metadata.uid);

function writeStatus(ctx: ReconcileContext, ds: DaemonSetObject, status: DaemonSetStatus): string | undefined {
  if (!statusChanged(ds, status)) return undefined;
  const next = clone(ds);
  next.status = status;
  const result = ctx.updateStatus(next, statusMessage(ds, status));
  return result.ok ? undefined : result.message;
}

function failed(ctx: ReconcileContext, key: string): ReconcileResult {
  const failures = ctx.memo.get<number>(`failures/${key}`) ?? 0;
  ctx.memo.set(`failures/${key}`, failures + 1);
  return { requeueAfter: failureBackoff(failures) };
}

/**
 * upstream: a Pod turning Ready re-queues its DaemonSet minReadySeconds + 1s later, and a sync
 * that finds ready Pods not yet available re-queues after minReadySeconds.
 */
function availabilityRequeue(ds: DaemonSetObject, pods: KubeObject[], status: DaemonSetStatus, now: number): number | undefined {
  const min = minReadySecondsOf(ds);
  if (min <= 0) return undefined;
  let next = status.numberReady !== (status.numberAvailable ?? 0) ? now + min * 1000 : undefined;
  for (const pod of pods) {
    if (!isPodReady(pod) || isPodAvailable(pod, min, now)) continue;
    const at = Math.max((virtualMs(readyCondition(pod)?.lastTransitionTime) ?? now) + min * 1000 + 1000, now + 1);
    next = next === undefined ? at : Math.min(next, at);
  }
  return next === undefined ? undefined : next - now;
}
