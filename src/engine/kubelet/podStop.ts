import type { KubeObject } from '../api';
import type { ReconcileContext } from '../controllers/types';
import { pruneContainerEnv } from './containerEnvTable';
import { DEADLINE_EXCEEDED } from './podStatus';
import { dropPodMemo, type KillPlan } from './podMemo';
import { programOfRecord } from './running';
import { exitOf, planKill } from './termination';
import { podFilesKey, volumeFilesTable, type PodVolumeFiles } from './volumeFileTable';
import {
  act, containerRefs, isLive, latestRecord, podEvent, podGraceSeconds, recordsOf, sandboxOf, type PodSync,
} from './podSync';

/**
 * The pod worker's switch to terminating: every live container gets `Killing` and its stop plan.
 * Regular (and running init) containers stop together; sidecars only after them, last one first.
 */
export function beginStop(s: PodSync, reason: 'delete' | 'done' | 'deadline' | 'evicted'): void {
  const pod = s.pod;
  // upstream eviction manager: hard thresholds kill with immediateEvictionGracePeriodSeconds (1s, raised to the 2s minimum)
  const grace = reason === 'delete' ? podGraceSeconds(pod) : reason === 'evicted' ? 1 : pod.spec?.terminationGracePeriodSeconds ?? 30;
  const refs = containerRefs(pod);
  // upstream: the active-deadline handler reports before the pod worker starts killing
  if (reason === 'deadline') podEvent(s, 'Normal', DEADLINE_EXCEEDED.reason, DEADLINE_EXCEEDED.message);
  const kills: Record<string, KillPlan> = { ...s.memo.kills };
  const exits: number[] = [];
  let stopping = 0;
  const order = [...refs.filter((r) => r.type === 'regular'), ...refs.filter((r) => r.type === 'init'),
    ...refs.filter((r) => r.type === 'sidecar').reverse()];
  for (const ref of order) {
    const record = latestRecord(s, ref.spec.name);
    if (!record || !isLive(record)) continue;
    if (record.state === 'CONTAINER_CREATED') {
      s.rt.removeContainer(record.id);
      continue;
    }
    const program = programOfRecord(s, ref, record);
    let plan = kills[record.id];
    if (!plan) {
      const waitUntil = ref.type === 'sidecar' && exits.length ? Math.max(...exits) : undefined;
      podEvent(s, 'Normal', 'Killing', `Stopping container ${ref.spec.name}`, ref);
      plan = planKill(s, ref, program, record, reason === 'delete' ? 'delete' : reason === 'deadline' ? 'deadline' : 'stop', grace, waitUntil);
      kills[record.id] = plan;
      stopping++;
    }
    const exit = exitOf(program, record, plan);
    if (exit) exits.push(exit.at);
  }
  s.memo = { ...s.memo, kills, stopping: { at: s.now, reason } };
  const name = pod.metadata.name;
  const why = reason === 'delete' ? `Pod ${name} is being deleted` : reason === 'deadline'
    ? `Pod ${name} passed its activeDeadlineSeconds` : reason === 'evicted'
      ? `Pod ${name} is evicted: the Node is low on memory` : `Pod ${name} has nothing left to run`;
  act(s, stopping ? `${why}: stopping ${stopping} container${stopping === 1 ? '' : 's'} (grace period ${grace}s)` : `${why}: no container is running`);
}

/** Every container has stopped: stop the sandbox (releasing the pod IP); the status turns terminal. */
export function finishPod(s: PodSync): void {
  const sandbox = sandboxOf(s);
  if (sandbox?.state === 'SANDBOX_READY') s.rt.putSandbox({ ...sandbox, state: 'SANDBOX_NOTREADY' });
  s.memo = { ...s.memo, finished: true, pulls: {} };
  const name = s.pod.metadata.name;
  act(s, sandbox
    ? `All containers of pod ${name} have stopped; stopped its sandbox and released IP ${sandbox.ip}`
    : `Pod ${name} has stopped`);
}

/** The last step of a deletion: remove the runtime records, then the API object (grace period 0). */
export function removePod(s: PodSync): void {
  for (const record of recordsOf(s)) s.rt.removeContainer(record.id);
  for (const sandbox of s.rt.sandboxes().filter((b) => b.podUid === s.uid)) s.rt.removeSandbox(sandbox.id);
  dropVolumeFiles(s.ctx, s.node, s.pod.metadata.namespace ?? 'default', s.pod.metadata.name, s.uid);
  pruneContainerEnv(s.ctx, s.node, s.uid, new Set());
  const { name, namespace } = s.pod.metadata;
  s.acted = `Pod ${name} stopped on ${s.node}; deleted it from the API server (grace period 0)`;
  s.removed = true;
  s.memo = { ...s.memo, deleteRequested: true };
  dropPodMemo(s.ctx.memo, s.uid);
  s.ctx.delete('Pod', name, namespace, { gracePeriodSeconds: 0 }, s.acted);
}

/** The kubelet's record of the Pod's volume files goes with its runtime records. */
function dropVolumeFiles(ctx: ReconcileContext, node: string, namespace: string, name: string, uid: string): void {
  const table = ctx.table<PodVolumeFiles>(volumeFilesTable(node));
  const key = podFilesKey(namespace, name);
  if (table.get(key)?.podUid === uid) table.set(key, undefined);
}

/** Runtime leftovers of a pod that is gone from the API (force-deleted, or replaced under the same name). */
export function removeStale(ctx: ReconcileContext, node: string, namespace: string, name: string, current?: KubeObject): boolean {
  const rt = ctx.runtime(node);
  const stale = rt.sandboxes().filter((b) => b.pod === name && b.namespace === namespace && b.podUid !== current?.metadata.uid);
  if (stale.length === 0) return false;
  for (const sandbox of stale) {
    for (const c of rt.containers().filter((c) => c.sandboxId === sandbox.id)) rt.removeContainer(c.id);
    rt.removeSandbox(sandbox.id);
    dropPodMemo(ctx.memo, sandbox.podUid);
    dropVolumeFiles(ctx, node, namespace, name, sandbox.podUid);
    pruneContainerEnv(ctx, node, sandbox.podUid, new Set());
  }
  ctx.describe(`Removed the sandbox and containers of deleted pod ${namespace}/${name}`);
  return true;
}
