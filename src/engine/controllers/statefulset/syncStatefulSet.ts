/**
 * One sync of one StatefulSet. upstream: stateful_set.go (sync, adoptOrphanRevisions,
 * getPodsForStatefulSet, syncStatefulSet) and stateful_set_control.go (UpdateStatefulSet, performUpdate,
 * updateStatefulSetStatus)
 */
import type { KubeObject } from '../../api';
import { virtualMs } from '../../core/time';
import { clone, controllerOf, splitKey } from '../../util/objects';
import { adoptControllerRevision, listControllerRevisions } from '../history/historyClient';
import { sortControllerRevisions, type ControllerRevisionObject } from '../history/revisions';
import { claimObjects } from '../shared/ownership';
import { isPodReady, readyCondition } from '../shared/pods';
import type { ReconcileContext, ReconcileResult } from '../types';
import { isMemberOf } from './identity';
import { isRunningAndAvailable } from './podState';
import { getStatefulSetRevisions, truncateHistory } from './revisions';
import { completeRollingUpdate, inconsistentStatus, statusMessage } from './status';
import { minReadySecondsOf, replicasOf, selects, type StatefulSetObject, type StatefulSetStatus } from './statefulSetSpec';
import { updateStatefulSet } from './updateStatefulSet';

/** upstream DefaultControllerRateLimiter's per-item part: 5ms × 2^failures, at most 1000s. */
const failureBackoff = (failures: number) => Math.min(5 * 2 ** failures, 1000_000);

export function syncStatefulSet(key: string, ctx: ReconcileContext): ReconcileResult | void {
  const { namespace, name } = splitKey(key);
  const set = ctx.get('StatefulSet', name, namespace) as StatefulSetObject | undefined;
  if (!set) {
    ctx.memo.delete(`failures/${key}`);
    return;
  }
  const selectorOk = (labels: Record<string, string> | undefined) => selects(set, labels);
  const revisions = adoptOrphanRevisions(ctx, set, listControllerRevisions(ctx, set, selectorOk));
  if (!revisions) return failed(ctx, key);
  const pods = claimPods(ctx, set);
  const sorted = sortControllerRevisions(revisions);
  const revs = getStatefulSetRevisions(ctx, set, sorted);
  if ('error' in revs) {
    truncateHistory(ctx, set, pods, sorted, []);
    return failed(ctx, key);
  }
  const result = updateStatefulSet(ctx, set, revs, pods);
  const statusError = writeStatus(ctx, set, result.status);
  const truncateError = truncateHistory(ctx, set, pods, sorted, [revs.current, revs.update]);
  const error = result.error ?? statusError ?? truncateError;
  if (error !== undefined) return failed(ctx, key);
  ctx.memo.delete(`failures/${key}`);
  const after = [result.requeueAfter, availabilityRequeue(set, pods, result.status, ctx.now)].filter((x): x is number => x !== undefined);
  return after.length ? { requeueAfter: Math.min(...after) } : undefined;
}

/**
 * upstream getPodsForStatefulSet: Pods this set controls, or orphans it may adopt, that its
 * selector picks and whose name makes them its members (`<set>-<ordinal>`).
 */
function claimPods(ctx: ReconcileContext, set: StatefulSetObject): KubeObject[] {
  const candidates = ctx.list('Pod', set.metadata.namespace).filter((p) => {
    const ref = controllerOf(p);
    return ref ? ref.uid === set.metadata.uid : isMemberOf(set, p) && selects(set, p.metadata.labels);
  });
  return claimObjects(ctx, set, set.spec.selector, candidates, (p) => selects(set, p.metadata.labels) && isMemberOf(set, p));
}

function writeStatus(ctx: ReconcileContext, set: StatefulSetObject, status: StatefulSetStatus): string | undefined {
  const latest = (ctx.get('StatefulSet', set.metadata.name, set.metadata.namespace) ?? set) as StatefulSetObject;
  completeRollingUpdate(latest, status);
  if (!inconsistentStatus(latest, status)) return undefined;
  const next = clone(latest);
  next.status = status;
  const result = ctx.updateStatus(next, statusMessage(latest, status));
  return result.ok ? undefined : result.message;
}

/** upstream adoptOrphanRevisions: revisions nobody controls that the selector picks become this set's. */
function adoptOrphanRevisions(ctx: ReconcileContext, set: StatefulSetObject,
  revisions: ControllerRevisionObject[]): ControllerRevisionObject[] | undefined {
  if (set.metadata.deletionTimestamp) return revisions;
  const out: ControllerRevisionObject[] = [];
  for (const r of revisions) {
    if (controllerOf(r)) {
      out.push(r);
      continue;
    }
    const adopted = adoptControllerRevision(ctx, set, r);
    if (!adopted.ok) return undefined;
    out.push(adopted.revision);
  }
  return out;
}

/** A failed sync is retried with back-off, like a key re-added to a rate-limited queue. */
function failed(ctx: ReconcileContext, key: string): ReconcileResult {
  const failures = ctx.memo.get<number>(`failures/${key}`) ?? 0;
  ctx.memo.set(`failures/${key}`, failures + 1);
  return { requeueAfter: failureBackoff(failures) };
}

/**
 * When to look again so Pods that turn available are counted: upstream re-queues a set
 * minReadySeconds + 1s after one of its Pods turns Ready, and minReadySeconds after a sync that
 * found fewer available replicas than wanted.
 */
function availabilityRequeue(set: StatefulSetObject, pods: KubeObject[], status: StatefulSetStatus, now: number): number | undefined {
  const min = minReadySecondsOf(set);
  if (min <= 0) return undefined;
  let next = status.availableReplicas !== replicasOf(set) ? now + min * 1000 : undefined;
  for (const pod of pods) {
    if (!isPodReady(pod) || isRunningAndAvailable(pod, min, now)) continue;
    const since = virtualMs(readyCondition(pod)?.lastTransitionTime) ?? now;
    const at = Math.max(since + min * 1000 + 1000, now + 1);
    next = next === undefined ? at : Math.min(next, at);
  }
  return next === undefined ? undefined : next - now;
}
