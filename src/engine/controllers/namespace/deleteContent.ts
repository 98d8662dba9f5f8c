/**
 * One pass of deleting a terminating namespace's content: every namespaced resource type is
 * deleted (Pods gracefully, each with its own grace period) and what remains is counted, with an
 * estimate of how long it will take to go.
 * upstream: pkg/controller/namespace/deletion/namespaced_resources_deleter.go (deleteAllContent,
 * deleteAllContentForGroupVersionResource, estimateGracefulTerminationForPods)
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api';
import { allKinds, type KindInfo } from '../../apiserver/kinds';
import { virtualMs } from '../../core/time';
import type { ReconcileContext } from '../types';
import type { ContentTotals } from './conditions';

/** upstream finalizerEstimateSeconds: content held only by finalizers is looked at again after this. */
const FINALIZER_ESTIMATE_SECONDS = 15;

/** Kinds the API server serves but never stores. */
const NOT_STORED = new Set(['Binding', 'LocalSubjectAccessReview']);

/**
 * The namespaced types, once each, in discovery order; upstream walks them in map order, and
 * here the workload controllers go first so they do not replace the Pods deleted after them, and
 * Events last, after what they tell of.
 */
const FIRST = ['Deployment', 'StatefulSet', 'DaemonSet', 'CronJob', 'Job', 'ReplicaSet', 'ReplicationController', 'Pod'];
const LAST = ['Event'];

export const NAMESPACED_TYPES: readonly KindInfo[] = (() => {
  const seen = new Map<string, KindInfo>();
  for (const k of allKinds()) if (k.namespaced && !NOT_STORED.has(k.kind) && !seen.has(k.kind)) seen.set(k.kind, k);
  const rank = (k: KindInfo) => (FIRST.includes(k.kind) ? FIRST.indexOf(k.kind)
    : LAST.includes(k.kind) ? FIRST.length + 1 + LAST.indexOf(k.kind) : FIRST.length);
  return [...seen.values()].sort((a, b) => rank(a) - rank(b));
})();

export interface ContentPass extends ContentTotals {
  /** Seconds until the remaining content is expected to be gone (0 when nothing waits). */
  estimate: number;
}

/** upstream: the longest grace period of the non-terminal Pods, until that long has passed since the namespace's deletion. */
function podEstimate(pods: KubeObject[], deletedAt: number, now: number): number {
  let estimate = 0;
  for (const pod of pods as (KubeObject & Pod)[]) {
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') continue;
    estimate = Math.max(estimate, pod.spec?.terminationGracePeriodSeconds ?? 30);
  }
  return now - deletedAt >= estimate * 1000 ? 0 : estimate;
}

function deleteOne(ctx: ReconcileContext, info: KindInfo, obj: KubeObject, namespace: string): void {
  const name = obj.metadata.name;
  const pod = obj as KubeObject & Pod;
  const graceful = info.kind === 'Pod' && pod.spec?.nodeName && !['Succeeded', 'Failed'].includes(pod.status?.phase ?? '');
  const how = graceful ? ` (gracefully: its containers get ${pod.spec?.terminationGracePeriodSeconds ?? 30}s to stop)` : '';
  ctx.delete(info.kind, name, namespace, { propagationPolicy: 'Background' },
    `Deleting ${info.kind} ${namespace}/${name}${how}: namespace ${namespace} is terminating, so the namespace controller deletes everything in it`);
}

/** Deletes what is not being deleted yet, then counts what remains of each type. */
export function deleteAllContent(ctx: ReconcileContext, namespace: string, deletedAt: string | undefined): ContentPass {
  const pass: ContentPass = { remaining: {}, finalizers: {}, errors: [], estimate: 0 };
  const since = virtualMs(deletedAt) ?? ctx.now;
  for (const info of NAMESPACED_TYPES) {
    const before = ctx.list(info.kind, namespace);
    if (!before.length) continue;
    const estimate = info.kind === 'Pod' ? podEstimate(before, since, ctx.now) : 0;
    for (const obj of before) if (!obj.metadata.deletionTimestamp) deleteOne(ctx, info, obj, namespace);
    const left = ctx.list(info.kind, namespace);
    if (!left.length) continue;
    const label = `${info.plural}.${info.group}`;
    pass.remaining[label] = left.length;
    let held = false;
    for (const obj of left) {
      for (const f of obj.metadata.finalizers ?? []) {
        pass.finalizers[f] = (pass.finalizers[f] ?? 0) + 1;
        held = true;
      }
    }
    if (estimate > 0) pass.estimate = Math.max(pass.estimate, estimate);
    else if (held) pass.estimate = Math.max(pass.estimate, FINALIZER_ESTIMATE_SECONDS);
    else pass.errors.push(`unexpected items still remain in namespace: ${namespace} for gvr: ${info.group}/${info.version}, Resource=${info.plural}`);
  }
  return pass;
}
