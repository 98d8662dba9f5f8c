import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api';
import type { Controller, ReconcileContext, ReconcileResult, StoreReader } from '../controllers/types';
import { reservePodVolumes, resumePodVolumes, type PreBindOutcome } from '../controllers/volume/assumeVolumes';
import { timestamp as timestampOf } from '../core/time';
import { matchesMap, matchesSelector } from '../util/selectors';
import { controllerOf, objectKey, splitKey } from '../util/objects';
import { nodeInfoSnapshot } from './nodeInfoCache';
import { podBackoffMs, schedulePod } from './schedule';
import { withVolumePlugins } from './plugins';
import { volumeBindingWatches, volumePlugins } from './plugins/volumeBinding';

/** upstream: an unschedulable Pod is retried at the latest after this long (podMaxInUnschedulablePodsDuration) */
const UNSCHEDULABLE_FLUSH_MS = 5 * 60 * 1000;
const SCHEDULER_NAME = 'default-scheduler';

interface Attempts { count: number; last: number }

function isPending(pod: KubeObject): boolean {
  const spec = pod.spec as { nodeName?: string; schedulerName?: string; schedulingGates?: unknown[] };
  return !spec.nodeName && !pod.metadata.deletionTimestamp && (spec.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME;
}

const podKey = (pod: KubeObject) => objectKey(pod.metadata.namespace, pod.metadata.name);

function pendingKeys(lister: StoreReader): string[] {
  return lister.list('Pod').filter(isPending).map(podKey);
}

/** Cluster events that can make an unschedulable Pod schedulable move every pending Pod back (upstream MoveAllToActiveOrBackoffQueue). */
function onPodChange(pod: KubeObject, old: KubeObject | undefined, lister: StoreReader): string[] {
  if (isPending(pod)) return [podKey(pod)];
  const nodeName = (pod.spec as { nodeName?: string }).nodeName;
  const gone = !lister.get('Pod', pod.metadata.name, pod.metadata.namespace);
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  const oldPhase = (old?.status as { phase?: string } | undefined)?.phase;
  const freed = nodeName && (gone || ((phase === 'Succeeded' || phase === 'Failed') && phase !== oldPhase));
  return freed ? pendingKeys(lister) : [];
}

/**
 * upstream DefaultSelector: the selectors of the Services that select this Pod and of the
 * ReplicationController / ReplicaSet / StatefulSet that controls it (the default spreading).
 */
function spreadSelectors(pod: KubeObject, ctx: ReconcileContext): LabelSelector[] {
  const ns = pod.metadata.namespace;
  const labels = pod.metadata.labels;
  const out: LabelSelector[] = [];
  for (const svc of ctx.list('Service', ns)) {
    const sel = (svc.spec as { selector?: Record<string, string> }).selector;
    if (sel && Object.keys(sel).length && matchesMap(sel, labels)) out.push({ matchLabels: sel });
  }
  const owner = controllerOf(pod);
  if (owner && ['ReplicationController', 'ReplicaSet', 'StatefulSet'].includes(owner.kind)) {
    const controller = ctx.get(owner.kind, owner.name, ns);
    const sel = (controller?.spec as { selector?: LabelSelector | Record<string, string> } | undefined)?.selector;
    if (sel && owner.kind === 'ReplicationController') out.push({ matchLabels: sel as Record<string, string> });
    else if (sel && matchesSelector(sel as LabelSelector, labels)) out.push(sel as LabelSelector);
  }
  return out;
}

/**
 * kube-scheduler: takes each pending Pod, runs the filter and score plugins over the Nodes, and
 * binds it to the best one (a Binding, like upstream's DefaultBinder), or reports why none fits.
 */
export const schedulerController: Controller = {
  name: 'kube-scheduler',
  watches: [
    { kind: 'Pod', map: onPodChange },
    { kind: 'Node', map: (_node, _old, lister) => pendingKeys(lister) },
    ...volumeBindingWatches,
  ],
  reconcile(key, ctx) {
    const { namespace, name } = splitKey(key);
    const pod = ctx.get('Pod', name, namespace);
    const attemptsKey = `attempts/${key}`;
    if (!pod || !isPending(pod)) {
      ctx.memo.delete(attemptsKey);
      return;
    }
    if (((pod.spec as { schedulingGates?: unknown[] }).schedulingGates ?? []).length) return markGated(pod, ctx);
    const waiting = resumePodVolumes(ctx, pod as unknown as Pod);
    if (waiting) return finishBinding(ctx, pod, waiting.node, waiting.why, waiting.outcome);
    const attempts = ctx.memo.get<Attempts>(attemptsKey);
    if (attempts) {
      const readyAt = attempts.last + podBackoffMs(attempts.count);
      if (ctx.now < readyAt) return { requeueAfter: readyAt - ctx.now };
    }
    const nodes = ctx.list('Node') as unknown as Node[];
    const pods = ctx.list('Pod') as unknown as Pod[];
    const result = schedulePod({
      pod: pod as unknown as Pod,
      nodes: nodeInfoSnapshot(ctx.memo, nodes, pods),
      rng: ctx.rng,
      spreadSelectors: spreadSelectors(pod, ctx),
      plugins: withVolumePlugins(volumePlugins(ctx)),
    });
    if (result.ok) {
      const best = result.scores.find((s) => s.node === result.node);
      const why = result.feasible === 1 ? 'the only Node that fits'
        : `${result.feasible} of ${nodes.length} Nodes fit; it scored highest${best ? ` (${Math.round(best.total)})` : ''}`;
      return finishBinding(ctx, pod, result.node, why, reservePodVolumes(ctx, pod as unknown as Pod, result.node, why));
    }
    return failScheduling(ctx, pod, result.message, 'Unschedulable');
  },
};

/** PreBind's verdict, then DefaultBinder: POST the Binding, or report why binding failed. */
function finishBinding(ctx: ReconcileContext, pod: KubeObject, node: string, why: string, outcome: PreBindOutcome): ReconcileResult | void {
  if (outcome.kind === 'wait') return { requeueAfter: outcome.requeueAfter };
  if (outcome.kind === 'failed') return failScheduling(ctx, pod, outcome.message, 'SchedulerError');
  const podName = `${pod.metadata.namespace}/${pod.metadata.name}`;
  ctx.memo.delete(`attempts/${podKey(pod)}`);
  const bound = ctx.create({
    apiVersion: 'v1', kind: 'Binding',
    metadata: { name: pod.metadata.name, namespace: pod.metadata.namespace, uid: pod.metadata.uid } as never,
    target: { apiVersion: 'v1', kind: 'Node', name: node },
  }, `Bound Pod ${podName} to ${node}: ${why}`);
  if (bound.ok) ctx.event(pod, 'Normal', 'Scheduled', `Successfully assigned ${podName} to ${node}`);
}

/**
 * FailedScheduling: the PodScheduled condition and the Event. An Unschedulable Pod waits for a
 * cluster change (at most 5 minutes); a SchedulerError (a failed PreBind) is retried after back-off.
 */
function failScheduling(ctx: ReconcileContext, pod: KubeObject, message: string, reason: 'Unschedulable' | 'SchedulerError'): ReconcileResult {
  const attemptsKey = `attempts/${podKey(pod)}`;
  const attempts = ctx.memo.get<Attempts>(attemptsKey);
  const podName = `${pod.metadata.namespace}/${pod.metadata.name}`;
  const count = (attempts?.count ?? 0) + 1;
  ctx.memo.set<Attempts>(attemptsKey, { count, last: ctx.now });
  const conditions = ((pod.status as { conditions?: { type: string }[] })?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
  const status = { ...(pod.status as object), conditions: [...conditions, {
    type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: transitionTime(pod, ctx),
    reason, message,
  }] };
  ctx.updateStatus({ ...pod, status }, `Could not schedule Pod ${podName}: ${message}`);
  ctx.event(pod, 'Warning', 'FailedScheduling', message);
  return { requeueAfter: reason === 'Unschedulable' ? UNSCHEDULABLE_FLUSH_MS : podBackoffMs(count) };
}

function transitionTime(pod: KubeObject, ctx: ReconcileContext): string {
  const existing = ((pod.status as { conditions?: { type: string; status: string; lastTransitionTime?: string }[] })
    ?.conditions ?? []).find((c) => c.type === 'PodScheduled' && c.status === 'False');
  return existing?.lastTransitionTime ?? timestampOf(ctx.now);
}

function markGated(pod: KubeObject, ctx: ReconcileContext): void {
  const conditions = ((pod.status as { conditions?: { type: string; reason?: string }[] })?.conditions ?? []);
  if (conditions.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) return;
  const status = { ...(pod.status as object), conditions: [...conditions.filter((c) => c.type !== 'PodScheduled'), {
    type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: timestampOf(ctx.now),
    reason: 'SchedulingGated', message: 'Scheduling is blocked due to non-empty scheduling gates',
  }] };
  ctx.updateStatus({ ...pod, status }, `Pod ${pod.metadata.namespace}/${pod.metadata.name} waits: scheduling gates are set`);
}
