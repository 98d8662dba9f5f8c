import type { PodCondition, Taint, Toleration } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api';
import { timestamp } from '../../core/time';
import { deepEqual } from '../../util/objects';
import type { Controller, ReconcileContext, ReconcileResult } from '../types';
import { taintsOf } from './taints';
import { matchingTolerations, minTolerationMs } from './tolerations';

const NAME = 'taint-eviction-controller';

interface Scheduled {
  uid: string;
  /** When the eviction was scheduled (the timed worker's CreatedAt) and when it fires. */
  createdAt: number;
  fireAt: number;
  /** The deletion was sent; the key stays so the same Pod is not scheduled again. */
  fired?: boolean;
}

const podKey = (pod: KubeObject) => `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
const nodeOf = (pod: KubeObject | undefined) => (pod?.spec as { nodeName?: string } | undefined)?.nodeName;
const noExecute = (node: KubeObject | undefined) => (node ? taintsOf(node).filter((t) => t.effect === 'NoExecute') : []);

/**
 * taint-eviction-controller: deletes the Pods of a Node with NoExecute taints they do not tolerate —
 * at once, or when the shortest matching tolerationSeconds (counted from when it first saw the
 * taint) runs out; cancels when the taints go. upstream: pkg/controller/tainteviction/taint_eviction.go
 */
export const taintEvictionController: Controller = {
  name: NAME,
  watches: [
    { kind: 'Node', map: (node, old, lister) => {
      const gone = !lister.get('Node', node.metadata.name);
      if (!gone && deepEqual(noExecute(node), noExecute(old))) return [];
      if (!gone && !old && noExecute(node).length === 0) return [];
      return lister.list('Pod', undefined, { field: 'spec.nodeName', value: node.metadata.name }).map(podKey);
    } },
    { kind: 'Pod', map: (pod, old) => {
      if (old && nodeOf(old) === nodeOf(pod) && deepEqual((old.spec as { tolerations?: unknown }).tolerations,
        (pod.spec as { tolerations?: unknown }).tolerations)) return [];
      return nodeOf(pod) || nodeOf(old) ? [podKey(pod)] : [];
    } },
  ],
  reconcile(key, ctx) {
    return processPod(ctx, key);
  },
};

function processPod(ctx: ReconcileContext, key: string): ReconcileResult | void {
  const [namespace, name] = key.split('/');
  const memoKey = `eviction/${key}`;
  let scheduled = ctx.memo.get<Scheduled>(memoKey);
  const pod = ctx.get('Pod', name, namespace);
  const cancel = (involved: KubeObject | undefined) => {
    if (!scheduled) return;
    if (!scheduled.fired) {
      const stub = involved ?? { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, uid: scheduled.uid } } as KubeObject;
      ctx.event(stub, 'Normal', 'TaintManagerEviction', `Cancelling deletion of Pod ${key}`);
      ctx.describe(`Taint manager: cancelled the scheduled eviction of Pod ${key} (${involved ? 'its Node no longer has a NoExecute taint it does not tolerate' : 'the Pod is gone'})`);
    }
    ctx.memo.delete(memoKey);
  };
  if (scheduled && pod && scheduled.uid !== pod.metadata.uid) {
    ctx.memo.delete(memoKey);
    scheduled = undefined;
  }
  const nodeName = nodeOf(pod);
  const taints = noExecute(nodeName ? ctx.get('Node', nodeName) : undefined);
  // a Pod already being deleted is going anyway (its owner, the user or an earlier eviction deleted it)
  if (!pod || taints.length === 0 || pod.metadata.deletionTimestamp) return cancel(pod);
  const tolerations = ((pod.spec as { tolerations?: Toleration[] }).tolerations ?? []);
  const { allTolerated, used } = matchingTolerations(taints, tolerations);
  const min = allTolerated ? minTolerationMs(used) : 0;
  if (min < 0) return cancel(pod);
  if (scheduled?.fired) return;
  if (!scheduled) {
    scheduled = { uid: pod.metadata.uid, createdAt: ctx.now, fireAt: ctx.now + min };
    ctx.memo.set(memoKey, scheduled);
  }
  if (ctx.now < scheduled.fireAt) return { requeueAfter: scheduled.fireAt - ctx.now };
  ctx.memo.set(memoKey, { ...scheduled, fired: true });
  evict(ctx, pod, nodeName!, taints, allTolerated ? (scheduled.fireAt - scheduled.createdAt) / 1000 : undefined);
}

/** upstream addConditionAndDeletePod: the DisruptionTarget condition, then a plain (graceful) delete. */
function evict(ctx: ReconcileContext, pod: KubeObject, nodeName: string, taints: Taint[], toleratedSeconds: number | undefined): void {
  const ref = podKey(pod);
  ctx.event(pod, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${ref}`);
  const what = taints.map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:NoExecute`).join(', ');
  const why = toleratedSeconds === undefined ? 'does not tolerate' : `tolerated for only ${toleratedSeconds}s`;
  const status = (pod.status ?? {}) as { conditions?: PodCondition[] };
  const conditions = status.conditions ?? [];
  const target: PodCondition = { type: 'DisruptionTarget', status: 'True', lastProbeTime: null as unknown as undefined,
    lastTransitionTime: timestamp(ctx.now), reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' };
  const existing = conditions.find((c) => c.type === 'DisruptionTarget');
  if (!existing || existing.status !== 'True' || existing.reason !== target.reason) {
    const next = [...conditions.filter((c) => c !== existing), target];
    ctx.updateStatus({ ...pod, status: { ...status, conditions: next } } as KubeObject,
      `Taint manager: Pod ${ref} ${why} the taint ${what} of Node ${nodeName}; marked it DisruptionTarget before deleting it`);
  }
  ctx.delete('Pod', pod.metadata.name, pod.metadata.namespace, {},
    `Taint manager deleted Pod ${ref} from Node ${nodeName} (NoExecute taint ${what}); its controller replaces it elsewhere`);
}
