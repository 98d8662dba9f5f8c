/**
 * For one Node: does it need a daemon Pod created, and which of its daemon Pods must go.
 * upstream: daemon_controller.go podsShouldBeOnNode
 */
import type { KubeObject } from '../../api';
import { isPodAvailable, isPodReady, podPhase } from '../shared/pods';
import type { ReconcileContext } from '../types';
import { byCreationTimestampAndPhase } from './daemonPods';
import { minReadySecondsOf, REVISION_HASH_LABEL, type DaemonSetObject } from './daemonSetSpec';
import type { Eligibility } from './eligibility';
import { backoffRemaining, nextBackoff } from './failedPodsBackoff';
import { allowsSurge } from './updateCounts';

export interface PodToDelete { pod: KubeObject; why: string; force?: boolean }
export interface NodeToCreate { node: string; why: string }

export interface NodePlan {
  create?: NodeToCreate;
  deletes: PodToDelete[];
  /** Come back after this long (a failed Pod's deletion is in back-off). */
  requeueAfter?: number;
}

export function podsShouldBeOnNode(ctx: ReconcileContext, ds: DaemonSetObject, dsKey: string, node: string,
  pods: KubeObject[] | undefined, eligibility: Eligibility, hash: string): NodePlan {
  const plan: NodePlan = { deletes: [] };
  const name = ds.metadata.name;
  if (eligibility.shouldRun && !pods) {
    plan.create = { node, why: `Node ${node} should run a Pod of DaemonSet ${name} and has none` };
    return plan;
  }
  if (!pods) return plan;
  if (!eligibility.shouldContinueRunning) {
    for (const pod of pods) {
      if (!pod.metadata.deletionTimestamp) plan.deletes.push({ pod, why: `Node ${node} no longer runs DaemonSet ${name}: ${eligibility.reason}` });
    }
    return plan;
  }
  const running: KubeObject[] = [];
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    const phase = podPhase(pod);
    if (phase === 'Failed') {
      const wait = backoffRemaining(ctx.memo, `${dsKey}/${node}`, ctx.now);
      if (wait !== undefined) {
        plan.requeueAfter = Math.min(plan.requeueAfter ?? Infinity, wait);
        continue;
      }
      nextBackoff(ctx.memo, `${dsKey}/${node}`, ctx.now);
      ctx.event(ds, 'Warning', 'FailedDaemonPod',
        `Found failed daemon pod ${pod.metadata.namespace}/${pod.metadata.name} on node ${node}, will try to kill it`);
      plan.deletes.push({ pod, why: `daemon Pod ${pod.metadata.name} on ${node} has failed; it is deleted and replaced (with back-off)` });
    } else if (phase === 'Succeeded') {
      ctx.event(ds, 'Normal', 'SucceededDaemonPod',
        `Found succeeded daemon pod ${pod.metadata.namespace}/${pod.metadata.name} on node ${node}, will try to delete it`);
      plan.deletes.push({ pod, why: `daemon Pod ${pod.metadata.name} on ${node} has exited; it is deleted and replaced` });
    } else {
      running.push(pod);
    }
  }
  running.sort(byCreationTimestampAndPhase);
  if (!allowsSurge(ds)) {
    for (const extra of running.slice(1)) {
      plan.deletes.push({ pod: extra, why: `Node ${node} has ${running.length} Pods of DaemonSet ${name}; only the oldest stays` });
    }
    return plan;
  }
  if (running.length <= 1) {
    if (!running.length && eligibility.shouldRun) plan.create = { node, why: `Node ${node} has no live Pod of DaemonSet ${name}` };
    return plan;
  }
  return { ...plan, deletes: [...plan.deletes, ...surgeExcess(ctx, ds, node, running, hash)] };
}

/**
 * upstream, surging: keep the oldest new Pod and the oldest old Pod; the old one goes once it is
 * not Ready, or once the new one is available. Any other Pod on the Node goes now.
 */
function surgeExcess(ctx: ReconcileContext, ds: DaemonSetObject, node: string, running: KubeObject[], hash: string): PodToDelete[] {
  const out: PodToDelete[] = [];
  let oldestNew: KubeObject | undefined;
  let oldestOld: KubeObject | undefined;
  for (const pod of running) {
    const isNew = pod.metadata.labels?.[REVISION_HASH_LABEL] === hash;
    if (isNew && !oldestNew) oldestNew = pod;
    else if (!isNew && !oldestOld) oldestOld = pod;
    else out.push({ pod, why: `Node ${node} has more Pods of DaemonSet ${ds.metadata.name} than one old and one new` });
  }
  if (oldestNew && oldestOld) {
    if (!isPodReady(oldestOld)) {
      out.push({ pod: oldestOld, why: `the old Pod on ${node} is not Ready, so the new ${oldestNew.metadata.name} replaces it now` });
    } else if (isPodAvailable(oldestNew, minReadySecondsOf(ds), ctx.now)) {
      out.push({ pod: oldestOld, why: `maxSurge rollout: the new Pod ${oldestNew.metadata.name} on ${node} is available, so the old one goes` });
    }
  }
  return out;
}
