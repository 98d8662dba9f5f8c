/**
 * A Pod as the graph shows it: phase, kubectl's STATUS and READY columns, its sandbox (the pause
 * container holding the network namespace and the Pod IP), its init containers then app containers.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { RuntimeSandbox } from '../engine/api';
import { podReadyColumn, podStatusColumn } from '../engine/kubelet/columns';
import { podContainers } from './containerView';
import { podVolumes } from './volumeView';
import { englishT, type Translate } from '../i18n/translate';
import type { PodData, SandboxData, Tone } from './types';

/** STATUS values (besides Init:/ExitCode: forms) that mean the Pod is failing. */
const FAILING_STATUS = new Set([
  'CrashLoopBackOff', 'Error', 'ErrImagePull', 'ImagePullBackOff', 'InvalidImageName', 'ErrImageNeverPull',
  'CreateContainerConfigError', 'CreateContainerError', 'RunContainerError', 'OOMKilled', 'ContainerCannotRun',
  'StartError', 'Evicted', 'Failed', 'NodeLost', 'ContainerStatusUnknown', 'NodeAffinity', 'OutOfcpu', 'OutOfmemory',
]);

export function podTone(phase: string, status: string, terminating: boolean): Tone {
  if (terminating) return 'terminating';
  if (status === 'Unknown' || phase === 'Unknown') return 'unknown';
  if (phase === 'Failed' || FAILING_STATUS.has(status) || /^(Init:)?(Error|CrashLoopBackOff|ExitCode:|Signal:|OOMKilled|ErrImagePull|ImagePullBackOff)/.test(status)) {
    return 'failed';
  }
  if (phase === 'Succeeded' || status === 'Completed') return 'succeeded';
  if (phase === 'Running' && status === 'Running') return 'running';
  return 'pending';
}

/** `Pod web-7c5d-x8kzq, Running, ready 1/1`; STATUS is added when it says more than the phase. */
export function podAriaLabel(name: string, phase: string, status: string, ready: string, t: Translate = englishT): string {
  return status && status !== phase
    ? t('graph.podWithStatus', { name, phase, status, ready })
    : t('graph.pod', { name, phase, ready });
}

/** The sandbox the runtime holds for this Pod (the newest, if it was re-created); the status IP otherwise. */
export function sandboxData(pod: Pod, sandbox: RuntimeSandbox | undefined): SandboxData {
  if (sandbox) {
    const state = sandbox.state === 'SANDBOX_READY' ? 'ready' : 'notready';
    return { state, ip: sandbox.ip || pod.status?.podIP, image: sandbox.image };
  }
  return pod.status?.podIP ? { state: 'ready', ip: pod.status.podIP } : { state: 'none' };
}

/** Why the Pod waits: in the UI's words, or (`fromCluster`) the scheduler's own message, which stays as it wrote it. */
function pendingReason(pod: Pod, nodeExists: boolean, t: Translate): { text: string; fromCluster?: boolean } | undefined {
  const nodeName = pod.spec?.nodeName;
  if (nodeName && !nodeExists) return { text: t('graph.boundToMissingNode', { node: nodeName }) };
  if (nodeName) return undefined;
  if (pod.spec?.schedulingGates?.length) return { text: t('graph.waitingOnGates') };
  const scheduled = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
  if (scheduled?.status === 'False') {
    const message = scheduled.message || scheduled.reason;
    return message ? { text: message, fromCluster: true } : undefined;
  }
  return { text: t('graph.waitingForScheduler') };
}

/** The Pod's card; `t` words its accessible name and hints (English by default; Kubernetes values stay as they are). */
export function podData(pod: Pod, sandbox: RuntimeSandbox | undefined, nodeExists: boolean, t: Translate = englishT): PodData {
  const name = pod.metadata?.name ?? '';
  const phase = pod.status?.phase ?? 'Pending';
  const status = podStatusColumn(pod);
  const ready = podReadyColumn(pod);
  const terminating = Boolean(pod.metadata?.deletionTimestamp);
  const { initContainers, containers } = podContainers(pod, t);
  const restarts = [...initContainers, ...containers].reduce((sum, c) => sum + c.restartCount, 0);
  const reason = pendingReason(pod, nodeExists, t);
  return {
    kind: 'Pod',
    name,
    namespace: pod.metadata?.namespace ?? 'default',
    uid: pod.metadata?.uid ?? '',
    phase,
    status,
    ready,
    restarts,
    tone: podTone(phase, status, terminating),
    terminating,
    ...(pod.spec?.nodeName ? { nodeName: pod.spec.nodeName } : {}),
    ...(reason ? { pendingReason: reason.text } : {}),
    ...(reason?.fromCluster ? { pendingReasonFromCluster: true } : {}),
    sandbox: sandboxData(pod, sandbox),
    initContainers,
    containers,
    volumes: podVolumes(pod),
    ariaLabel: podAriaLabel(name, phase, status, ready, t),
  };
}
