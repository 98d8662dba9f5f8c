/**
 * Deployments, ReplicaSets, ReplicationControllers, StatefulSets and DaemonSets as the graph
 * shows them: their counts worded like kubectl's columns (READY `3/3` for Deployments and
 * StatefulSets; DESIRED/CURRENT/READY for ReplicaSets, ReplicationControllers and DaemonSets).
 */
import type { KubeObject } from '../engine/api';
import { englishT, type Translate } from '../i18n/translate';
import type { RevisionBadge, Tone, WorkloadData, WorkloadKind } from './types';

export interface WorkloadContext {
  /** The cursor's virtual ms (CronJob ages). */
  now: number;
  revision?: RevisionBadge;
  hiddenChildren?: number;
  /** Words the summary, details, status and accessible name (English by default). */
  t?: Translate;
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
  const t = ctx.t ?? englishT;
  let status = t('graph.statusAvailable');
  let tone: Tone = 'running';
  let value = false; // a Kubernetes value (kept as it is), not the UI's words
  if (terminating(obj)) [status, tone, value] = ['Terminating', 'terminating', true];
  else if (progressing?.status === 'False' && progressing.reason === 'ProgressDeadlineExceeded') [status, tone] = [t('graph.statusDeadlineExceeded'), 'failed'];
  else if (spec.paused === true) [status, tone] = [t('graph.statusPaused'), 'unknown'];
  else if (updated < replicas || total > updated) [status, tone] = [t('graph.statusRollingOut'), 'pending'];
  else if (available < replicas) [status, tone] = [t('graph.statusProgressing'), 'pending'];
  const summary = t('graph.readyOf', { ready, desired: replicas });
  return {
    ...workloadBase(obj, 'Deployment', ctx),
    summary,
    details: [t('graph.upToDate', { count: updated }), t('graph.available', { count: available })],
    status,
    ...(value ? { statusIsValue: true } : {}),
    tone,
    ariaLabel: t('graph.workload', { kind: 'Deployment', name: obj.metadata.name, summary }),
  };
}

/** ReplicaSet and ReplicationController: DESIRED, CURRENT, READY. */
function replicaData(obj: KubeObject, kind: 'ReplicaSet' | 'ReplicationController', ctx: WorkloadContext): WorkloadData {
  const desired = num(specOf(obj).replicas, 1);
  const st = statusOf(obj);
  const current = num(st.replicas);
  const ready = num(st.readyReplicas);
  const failure = conditionOf(obj, 'ReplicaFailure');
  const t = ctx.t ?? englishT;
  let status = t('graph.statusReady');
  let tone: Tone = 'running';
  let value = false; // a Kubernetes value (kept as it is), not the UI's words
  if (terminating(obj)) [status, tone, value] = ['Terminating', 'terminating', true];
  else if (failure?.status === 'True') [status, tone, value] = [failure.reason ?? 'ReplicaFailure', 'failed', true];
  else if (desired === 0 && current === 0) [status, tone] = [t('graph.statusScaledToZero'), 'unknown'];
  else if (current !== desired) [status, tone] = [current < desired ? t('graph.statusScalingUp') : t('graph.statusScalingDown'), 'pending'];
  else if (ready < desired) [status, tone] = [t('graph.statusNotReady'), 'pending'];
  const summary = t('graph.readyOfWords', { ready, desired });
  return {
    ...workloadBase(obj, kind, ctx),
    summary,
    details: [t('graph.current', { count: current }), t('graph.available', { count: num(st.availableReplicas) })],
    status,
    ...(value ? { statusIsValue: true } : {}),
    tone,
    ariaLabel: t('graph.workload', { kind, name: obj.metadata.name, summary }),
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
  const t = ctx.t ?? englishT;
  let status = t('graph.statusReady');
  let tone: Tone = 'running';
  let value = false; // a Kubernetes value (kept as it is), not the UI's words
  if (terminating(obj)) [status, tone, value] = ['Terminating', 'terminating', true];
  else if (rolling) [status, tone] = [t('graph.statusRollingOut'), 'pending'];
  else if (ready < replicas || num(st.replicas) !== replicas) [status, tone] = [t('graph.statusNotReady'), 'pending'];
  const summary = t('graph.readyOf', { ready, desired: replicas });
  return {
    ...workloadBase(obj, 'StatefulSet', ctx),
    summary,
    details: [t('graph.current', { count: num(st.replicas) }), t('graph.updated', { count: updated })],
    status,
    ...(value ? { statusIsValue: true } : {}),
    tone,
    ariaLabel: t('graph.workload', { kind: 'StatefulSet', name: obj.metadata.name, summary }),
  };
}

/** DaemonSet: DESIRED, CURRENT, READY, UP-TO-DATE, AVAILABLE. */
function daemonSetData(obj: KubeObject, ctx: WorkloadContext): WorkloadData {
  const st = statusOf(obj);
  const desired = num(st.desiredNumberScheduled);
  const ready = num(st.numberReady);
  const updated = num(st.updatedNumberScheduled);
  const t = ctx.t ?? englishT;
  let status = t('graph.statusReady');
  let tone: Tone = 'running';
  let value = false; // a Kubernetes value (kept as it is), not the UI's words
  if (terminating(obj)) [status, tone, value] = ['Terminating', 'terminating', true];
  else if (updated < desired) [status, tone] = [t('graph.statusRollingOut'), 'pending'];
  else if (ready < desired) [status, tone] = [t('graph.statusNotReady'), 'pending'];
  const summary = t('graph.readyOfWords', { ready, desired });
  return {
    ...workloadBase(obj, 'DaemonSet', ctx),
    summary,
    details: [
      t('graph.current', { count: num(st.currentNumberScheduled) }), t('graph.upToDate', { count: updated }),
      t('graph.available', { count: num(st.numberAvailable) }),
    ],
    status,
    ...(value ? { statusIsValue: true } : {}),
    tone,
    ariaLabel: t('graph.workload', { kind: 'DaemonSet', name: obj.metadata.name, summary }),
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
