import type { Node } from 'kubernetes-types/core/v1';
import type { ReconcileContext, ReconcileResult } from '../controllers/types';
import { timestamp, virtualMs } from '../core/time';
import { deepEqual } from '../util/objects';
import { admitPod } from './admission';
import { processExits } from './containerExit';
import { syncInitContainers, syncRegularContainers, workDone } from './containerSync';
import { generatePodStatus } from './podStatus';
import { readNodeMemo, readPodMemo, writeNodeMemo, writePodMemo } from './podMemo';
import { beginStop, finishPod, removePod, removeStale } from './podStop';
import { evaluateAllProbes, probeAction } from './probing';
import { ensureSandbox } from './sandbox';
import { qosClass } from './qos';
import { act, isLive, podEvent, recordsOf, sandboxOf, wake, type PodObject, type PodSync } from './podSync';
import { ensureVolumes } from './volumes';
import { resyncVolumes } from './volumeResync';
import { memoryEviction } from './evictionManager';
import { syncNode } from './nodeStatus';

function internalIP(node: Node | undefined): string {
  return node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
}

/**
 * One pass of the kubelet's pod worker for one pod: at most one action (one Step), then the
 * status it leads to. Waiting happens only through the returned requeue.
 * upstream: pkg/kubelet/kubelet.go SyncPod / SyncTerminatingPod, kuberuntime_manager.go SyncPod
 */
export function syncPod(ctx: ReconcileContext, node: string, namespace: string, name: string): ReconcileResult | void {
  const pod = ctx.get('Pod', name, namespace) as PodObject | undefined;
  if (removeStale(ctx, node, namespace, name, pod)) return { requeueAfter: 0 };
  if (!pod || pod.spec?.nodeName !== node) return;
  const nodeObject = ctx.get('Node', node);
  const s: PodSync = {
    ctx, node, nodeObject, pod, uid: pod.metadata.uid, now: ctx.now, rt: ctx.runtime(node),
    memo: readPodMemo(ctx.memo, pod.metadata.uid), nodeMemo: readNodeMemo(ctx.memo), probes: new Map(),
    hostIP: internalIP(nodeObject as Node | undefined), wakes: [],
  };
  let statusWritten = false;
  if (pod.metadata.deletionTimestamp) terminating(s);
  else if (!s.memo.finished) statusWritten = running(s);
  if (s.memo.rejected) return;
  if (s.removed) {
    // a finalizer may hold the object a while longer; remember the delete was sent
    if (ctx.get('Pod', name, namespace)) writePodMemo(ctx.memo, s.uid, s.memo);
    return;
  }

  if (!s.acted && s.memo.accepted) {
    const status = generatePodStatus(s);
    if (!deepEqual(status, pod.status)) act(s, `Updated the status of pod ${name}`);
  }
  if (s.acted) {
    writePodMemo(ctx.memo, s.uid, s.memo);
    writeNodeMemo(ctx.memo, s.nodeMemo);
    if (!statusWritten) {
      evaluateAllProbes(s); // the action may have started or stopped containers
      const status = generatePodStatus(s);
      if (!deepEqual(status, pod.status)) ctx.updateStatus({ ...pod, status }, s.acted);
    }
    if (s.postNodeStatus) syncNode(ctx, node);
    return { requeueAfter: 0 };
  }
  if (s.wakes.length === 0) return;
  return { requeueAfter: Math.max(0, Math.min(...s.wakes) - s.now) };
}

/** A pod that is not being deleted. Returns true when it wrote the status itself (a rejection). */
function running(s: PodSync): boolean {
  if (!s.memo.accepted) return admit(s);
  const updates = evaluateAllProbes(s);
  if (processExits(s)) return false;
  if (s.memo.stopping) {
    if (!recordsOf(s).some(isLive)) finishPod(s);
    return false;
  }
  if (memoryEviction(s)) return false;
  const deadline = activeDeadline(s);
  if (deadline !== undefined && deadline <= s.now) {
    beginStop(s, 'deadline');
    return false;
  }
  if (deadline !== undefined) wake(s, deadline);
  if (workDone(s)) {
    if (recordsOf(s).some(isLive)) beginStop(s, 'done');
    else {
      s.memo = { ...s.memo, stopping: { at: s.now, reason: 'done' } };
      finishPod(s);
    }
    return false;
  }
  if (probeAction(s, updates)) return false;
  if (resyncVolumes(s)) return false;
  if (ensureVolumes(s) !== 'ready') return false;
  if (ensureSandbox(s) !== 'ready') return false;
  if (syncInitContainers(s)) syncRegularContainers(s);
  return false;
}

/** SyncTerminatingPod: stop what runs, then the sandbox, then let the API server drop the pod. */
function terminating(s: PodSync): void {
  evaluateAllProbes(s);
  const records = recordsOf(s);
  if (!sandboxOf(s) && records.length === 0) return removePod(s);
  if (s.memo.finished) {
    if (!s.memo.deleteRequested) removePod(s);
    return;
  }
  if (s.memo.stopping?.reason !== 'delete' && records.some(isLive)) return beginStop(s, 'delete');
  if (processExits(s)) return;
  if (records.some(isLive)) return;
  if (!s.memo.stopping) s.memo = { ...s.memo, stopping: { at: s.now, reason: 'delete' } };
  finishPod(s);
}

/** When `activeDeadlineSeconds` runs out, counted from the pod's startTime. */
function activeDeadline(s: PodSync): number | undefined {
  const seconds = s.pod.spec?.activeDeadlineSeconds;
  const start = virtualMs(s.pod.status?.startTime);
  return seconds === undefined || start === undefined ? undefined : start + seconds * 1000;
}

/** The kubelet's admission: the pod is accepted (first status) or rejected as Failed. */
function admit(s: PodSync): boolean {
  if (!s.nodeObject) return false;
  const active = (s.ctx.list('Pod', undefined, { field: 'spec.nodeName', value: s.node }) as PodObject[]).filter((p) => p.metadata.uid !== s.uid &&
    p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed' && !!p.status?.hostIP);
  const result = admitPod(s.nodeObject as Node, s.pod, active);
  const name = s.pod.metadata.name;
  if (result.admit) {
    s.memo = { ...s.memo, accepted: true, admittedAt: s.now };
    act(s, `Admitted pod ${name} on ${s.node}`);
    return false;
  }
  podEvent(s, 'Warning', result.reason, result.message);
  s.memo = { ...s.memo, accepted: true, rejected: true, finished: true };
  act(s, `Rejected pod ${name}: ${result.message}`);
  writePodMemo(s.ctx.memo, s.uid, s.memo);
  s.ctx.updateStatus({
    ...s.pod,
    status: {
      phase: 'Failed', message: `Pod was rejected: ${result.message}`, reason: result.reason,
      startTime: s.pod.status?.startTime ?? timestamp(s.now), qosClass: qosClass(s.pod),
    },
  }, s.acted);
  return true;
}
