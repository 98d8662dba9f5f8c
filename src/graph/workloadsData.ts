/**
 * Deployments, ReplicaSets, ReplicationControllers, StatefulSets and DaemonSets as the graph
 * shows them: their counts worded like kubectl's columns (READY `3/3` for Deployments and
 * StatefulSets; DESIRED/CURRENT/READY for ReplicaSets, ReplicationControllers and DaemonSets).
 */
import type { KubeObject } from '../engine/api';
import type { RevisionBadge, Tone, WorkloadData, WorkloadKind } from './types';

export interface WorkloadContext {
  /** The cursor's virtual ms (CronJob ages). */
  now: number;
  revision?: RevisionBadge;
  hiddenChildren?: number;
}

export function num(value: unknown, fallback = 0): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

export function specOf(obj: KubeObject): Record<string, unknown> {
  return (obj.spec ?? {}) as Record<string, unknown>;
}

export function statusOf(obj: KubeObject): Record<string, unknown> {
  return (obj.status ?? {}) as Record<string, unknown>;
}

interface Condition { type: string; status: string; reason?: string }

export function conditionOf(obj: KubeObject, type: string): Condition | undefined {
  const conditions = (obj.status as { conditions?: Condition[] } | undefined)?.conditions;
  return conditions?.find((c) => c.type === type);
}

/** The parts every workload shares; the caller adds the counts. */
export function workloadBase(obj: KubeObject, kind: WorkloadKind, ctx: WorkloadContext) {
  const name = obj.metadata.name;
  const namespace = obj.metadata.namespace ?? 'default';
  return {
    kind, name, namespace, uid: obj.metadata.uid,
    ...(ctx.revision ? { revision: ctx.revision } : {}),
    hiddenChildren: ctx.hiddenChildren ?? 0,
    ref: { kind, name, namespace },
  };
}

function terminating(obj: KubeObject): boolean {
  return Boolean(obj.metadata.deletionTimestamp);
}

/** upstream kubectl READY for Deployments: readyReplicas/spec.replicas. */
function deploymentData(obj: KubeObject, ctx: WorkloadContext): WorkloadData {
  const spec = specOf(obj);
  const st = statusOf(obj);
  const replicas = num(spec.replicas, 1);
  const ready = num(st.readyReplicas);
  const updated = num(st.updatedReplicas);
  const available = num(st.availableReplicas);
  const total = num(st.replicas);
  const progressing = conditionOf(obj, 'Progressing');
  let status = 'Available';
  let tone: Tone = 'running';
  if (terminating(obj)) [status, tone] = ['Terminating', 'terminating'];
  else if (progressing?.status === 'False' && progressing.reason === 'ProgressDeadlineExceeded') [status, tone] = ['Progress deadline exceeded', 'failed'];
  else if (spec.paused === true) [status, tone] = ['Paused', 'unknown'];
  else if (updated < replicas || total > updated) [status, tone] = ['Rolling out', 'pending'];
  else if (available < replicas) [status, tone] = ['Progressing', 'pending'];
  const summary = `${ready}/${replicas} ready`;
  return {
    ...workloadBase(obj, 'Deployment', ctx),
    summary,
    details: [`${updated} up-to-date`, `${available} available`],
    status,
    tone,
    ariaLabel: `Deployment ${obj.metadata.name}, ${summary}`,
  };
}

/** ReplicaSet and ReplicationController: DESIRED, CURRENT, READY. */
function replicaData(obj: KubeObject, kind: 'ReplicaSet' | 'ReplicationController', ctx: WorkloadContext): WorkloadData {
  const desired = num(specOf(obj).replicas, 1);
  const st = statusOf(obj);
  const current = num(st.replicas);
  const ready = num(st.readyReplicas);
  const failure = conditionOf(obj, 'ReplicaFailure');
  let status = 'Ready';
  let tone: Tone = 'running';
  if (terminating(obj)) [status, tone] = ['Terminating', 'terminating'];
  else if (failure?.status === 'True') [status, tone] = [failure.reason ?? 'ReplicaFailure', 'failed'];
  else if (desired === 0 && current === 0) [status, tone] = ['Scaled to 0', 'unknown'];
  else if (current !== desired) [status, tone] = [current < desired ? 'Scaling up' : 'Scaling down', 'pending'];
  else if (ready < desired) [status, tone] = ['Not ready', 'pending'];
  const summary = `${ready} of ${desired} ready`;
  return {
    ...workloadBase(obj, kind, ctx),
    summary,
    details: [`${current} current`, `${num(st.availableReplicas)} available`],
    status,
    tone,
    ariaLabel: `${kind} ${obj.metadata.name}, ${summary}`,
  };
}

/** upstream kubectl READY for StatefulSets: readyReplicas/spec.replicas. */
function statefulSetData(obj: KubeObject, ctx: WorkloadContext): WorkloadData {
  const spec = specOf(obj);
  const st = statusOf(obj);
  const replicas = num(spec.replicas, 1);
  const ready = num(st.readyReplicas);
  const updated = num(st.updatedReplicas);
  const rolling = typeof st.updateRevision === 'string' && st.currentRevision !== st.updateRevision;
  let status = 'Ready';
  let tone: Tone = 'running';
  if (terminating(obj)) [status, tone] = ['Terminating', 'terminating'];
  else if (rolling) [status, tone] = ['Rolling out', 'pending'];
  else if (ready < replicas || num(st.replicas) !== replicas) [status, tone] = ['Not ready', 'pending'];
  const summary = `${ready}/${replicas} ready`;
  return {
    ...workloadBase(obj, 'StatefulSet', ctx),
    summary,
    details: [`${num(st.replicas)} current`, `${updated} updated`],
    status,
    tone,
    ariaLabel: `StatefulSet ${obj.metadata.name}, ${summary}`,
  };
}

/** DaemonSet: DESIRED, CURRENT, READY, UP-TO-DATE, AVAILABLE. */
function daemonSetData(obj: KubeObject, ctx: WorkloadContext): WorkloadData {
  const st = statusOf(obj);
  const desired = num(st.desiredNumberScheduled);
  const ready = num(st.numberReady);
  const updated = num(st.updatedNumberScheduled);
  let status = 'Ready';
  let tone: Tone = 'running';
  if (terminating(obj)) [status, tone] = ['Terminating', 'terminating'];
  else if (updated < desired) [status, tone] = ['Rolling out', 'pending'];
  else if (ready < desired) [status, tone] = ['Not ready', 'pending'];
  const summary = `${ready} of ${desired} ready`;
  return {
    ...workloadBase(obj, 'DaemonSet', ctx),
    summary,
    details: [`${num(st.currentNumberScheduled)} current`, `${updated} up-to-date`, `${num(st.numberAvailable)} available`],
    status,
    tone,
    ariaLabel: `DaemonSet ${obj.metadata.name}, ${summary}`,
  };
}

export function appsWorkloadData(obj: KubeObject, ctx: WorkloadContext): WorkloadData | undefined {
  switch (obj.kind) {
    case 'Deployment': return deploymentData(obj, ctx);
    case 'ReplicaSet': return replicaData(obj, 'ReplicaSet', ctx);
    case 'ReplicationController': return replicaData(obj, 'ReplicationController', ctx);
    case 'StatefulSet': return statefulSetData(obj, ctx);
    case 'DaemonSet': return daemonSetData(obj, ctx);
    default: return undefined;
  }
}
