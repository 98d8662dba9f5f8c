/**
 * One container of a Pod as the graph shows it: its state from `status.(init)containerStatuses`,
 * worded like `kubectl describe` (Waiting reason / Running / Terminated reason + exit code).
 */
import type { Container, ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import { englishT, type Translate } from '../i18n/translate';
import type { ContainerData, Tone } from './types';

/** Waiting reasons that mean something is wrong (the kubelet is backing off or cannot start it). */
const FAILING_WAITING = new Set([
  'CrashLoopBackOff', 'ErrImagePull', 'ImagePullBackOff', 'InvalidImageName', 'ErrImageNeverPull',
  'CreateContainerConfigError', 'CreateContainerError', 'RunContainerError', 'PreCreateHookError',
  'PostStartHookError', 'ContainerStatusUnknown',
]);

function stateOf(status: ContainerStatus | undefined): Pick<ContainerData, 'state' | 'reason' | 'exitCode'> {
  const s = status?.state;
  if (s?.running) return { state: 'running' };
  if (s?.terminated) return { state: 'terminated', reason: s.terminated.reason, exitCode: s.terminated.exitCode };
  // No status yet (not scheduled, or the kubelet has not reported): upstream has nothing to show either.
  return { state: 'waiting', reason: s?.waiting?.reason };
}

/** `running`, `waiting: ContainerCreating`, `terminated: Completed` (the reason stays as the kubelet wrote it). */
export function containerStateText(state: ContainerData['state'], reason?: string, t: Translate = englishT): string {
  if (state === 'running') return t('graph.containerRunning');
  const word = state === 'waiting' ? t('graph.containerWaiting') : t('graph.containerTerminated');
  return reason ? t('graph.stateWithReason', { state: word, reason }) : word;
}

function toneOf(c: Pick<ContainerData, 'state' | 'reason' | 'exitCode' | 'ready' | 'type'>): Tone {
  if (c.state === 'running') return c.ready || c.type === 'init' ? 'running' : 'pending';
  if (c.state === 'terminated') return c.exitCode === 0 && c.reason !== 'OOMKilled' ? 'succeeded' : 'failed';
  return c.reason && FAILING_WAITING.has(c.reason) ? 'failed' : 'pending';
}

function containerData(
  spec: Container, status: ContainerStatus | undefined, type: ContainerData['type'], t: Translate, order?: number,
): ContainerData {
  const state = stateOf(status);
  const stateText = containerStateText(state.state, state.reason, t);
  const ready = status?.ready ?? false;
  const base = { name: spec.name, image: spec.image ?? '', type, ...state, ready };
  return {
    ...base,
    ...(order === undefined ? {} : { order }),
    stateText,
    restartCount: status?.restartCount ?? 0,
    tone: toneOf(base),
    ariaLabel: t('graph.container', { name: spec.name, state: stateText }),
  };
}

function byName(statuses: ContainerStatus[] | undefined): Map<string, ContainerStatus> {
  return new Map((statuses ?? []).map((s) => [s.name, s]));
}

/** Init containers in spec order (sidecars marked), then the app containers in spec order. */
export function podContainers(pod: Pod, t: Translate = englishT): { initContainers: ContainerData[]; containers: ContainerData[] } {
  const initStatus = byName(pod.status?.initContainerStatuses);
  const appStatus = byName(pod.status?.containerStatuses);
  const initContainers = (pod.spec?.initContainers ?? []).map((c, i) =>
    containerData(c, initStatus.get(c.name), c.restartPolicy === 'Always' ? 'sidecar' : 'init', t, i + 1));
  const containers = (pod.spec?.containers ?? []).map((c) => containerData(c, appStatus.get(c.name), 'regular', t));
  return { initContainers, containers };
}
