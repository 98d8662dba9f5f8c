import type { ContainerState, ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import type { RuntimeContainer } from '../api';
import { timestamp } from '../core/time';
import { imageIdOf } from './ids';
import { lookupImage } from './images';
import type { WaitingReason } from './podMemo';
import type { ContainerRef } from './podSync';
import type { ProbeState } from './probeState';

/** containerd reports a container that never started with a zero start time. */
const ZERO_TIME = '1970-01-01T00:00:00Z';

export interface ContainerStatusInput {
  pod: Pod;
  ref: ContainerRef;
  latest?: RuntimeContainer;
  previous?: RuntimeContainer;
  /** The waiting reason remembered from the last sync, if any. */
  reason?: WaitingReason;
  probe?: ProbeState;
  /** The message a StartError left (the runtime's error), per container id. */
  startErrors?: Record<string, string>;
}

/**
 * upstream ShouldContainerBeRestarted: never once the pod is deleted; always when it has not run
 * (or was only created); otherwise by restart policy — sidecars always, regular init containers
 * only after a failure and never under `Never`.
 */
export function shouldRestart(pod: Pod, ref: ContainerRef, latest: RuntimeContainer | undefined): boolean {
  if (pod.metadata?.deletionTimestamp) return false;
  if (!latest || latest.state === 'CONTAINER_CREATED') return true;
  if (latest.state === 'CONTAINER_RUNNING') return false;
  if (ref.type === 'sidecar') return true;
  const policy = pod.spec?.restartPolicy ?? 'Always';
  if (policy === 'Never') return false;
  if (policy === 'OnFailure' || ref.type === 'init') return latest.exitCode !== 0;
  return true;
}

function terminatedOf(record: RuntimeContainer, startErrors: Record<string, string>): ContainerState {
  const message = startErrors[record.id];
  return {
    terminated: {
      exitCode: record.exitCode ?? 0,
      reason: record.reason ?? ((record.exitCode ?? 0) === 0 ? 'Completed' : 'Error'),
      ...(message ? { message } : {}),
      startedAt: record.startedAt !== undefined ? timestamp(record.startedAt) : ZERO_TIME,
      finishedAt: timestamp(record.finishedAt ?? record.createdAt),
      containerID: `containerd://${record.id}`,
    },
  };
}

function stateOf(record: RuntimeContainer, startErrors: Record<string, string>): ContainerState {
  if (record.state === 'CONTAINER_RUNNING') return { running: { startedAt: timestamp(record.startedAt ?? record.createdAt) } };
  if (record.state === 'CONTAINER_CREATED') return { waiting: {} };
  return terminatedOf(record, startErrors);
}

/**
 * One entry of `containerStatuses`/`initContainerStatuses`, as `convertToAPIContainerStatuses`
 * builds it: the newest runtime container is the state, the one before it the lastState, and a
 * container due for a restart with a remembered reason shows that reason as Waiting.
 */
export function containerStatusOf(input: ContainerStatusInput): ContainerStatus {
  const { pod, ref, latest, previous, reason, probe } = input;
  const startErrors = input.startErrors ?? {};
  const name = ref.spec.name;
  const hasInit = (pod.spec?.initContainers?.length ?? 0) > 0;
  let state: ContainerState = { waiting: { reason: hasInit ? 'PodInitializing' : 'ContainerCreating' } };
  let lastState: ContainerState = previous ? terminatedOf(previous, startErrors) : {};
  if (latest) state = stateOf(latest, startErrors);

  const initDone = ref.type === 'init' && latest?.state === 'CONTAINER_EXITED' && latest.exitCode === 0;
  if (!initDone && shouldRestart(pod, ref, latest) && reason) {
    if (state.terminated) lastState = state;
    state = { waiting: { reason: reason.reason, ...(reason.message ? { message: reason.message } : {}) } };
  }

  const running = latest?.state === 'CONTAINER_RUNNING';
  const started = running && probe?.startedAt !== undefined;
  const ready = ref.type === 'init' ? !!state.terminated && state.terminated.exitCode === 0 : started && !!probe?.ready;
  const status: ContainerStatus = {
    name, state, lastState, ready, restartCount: latest?.attempt ?? 0,
    image: latest?.image ?? ref.spec.image ?? '', imageID: '',
  };
  if (latest) {
    const looked = lookupImage(latest.image);
    status.imageID = looked.ok ? imageIdOf(looked.image) : '';
    status.containerID = `containerd://${latest.id}`;
  }
  status.started = ref.type === 'init' ? running : started;
  if (latest) {
    const mounts = (ref.spec.volumeMounts ?? []).map((m) => ({
      name: m.name, mountPath: m.mountPath, ...(m.readOnly ? { readOnly: true, recursiveReadOnly: 'Disabled' } : {}),
    }));
    if (mounts.length) status.volumeMounts = mounts;
  }
  return status;
}
