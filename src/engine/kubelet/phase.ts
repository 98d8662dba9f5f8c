import type { Container, ContainerStatus, Pod } from 'kubernetes-types/core/v1';

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

/** Native sidecar: an init container with `restartPolicy: Always`. */
export function isSidecar(container: Container | undefined): boolean {
  return container?.restartPolicy === 'Always';
}

function statusOf(statuses: readonly ContainerStatus[], name: string): ContainerStatus | undefined {
  return statuses.find((s) => s.name === name);
}

/**
 * The pod phase exactly as the kubelet's `getPhase` derives it from the container statuses
 * (init and regular, in one list). `podIsTerminal` is true once the kubelet has decided the pod
 * will run nothing more (all stopped and nothing to restart, or deleted and stopped).
 * upstream: pkg/kubelet/kubelet_pods.go getPhase (1.31)
 */
export function podPhase(pod: Pod, statuses: readonly ContainerStatus[], podIsTerminal = false): PodPhase {
  const spec = pod.spec;
  const restartPolicy = spec?.restartPolicy ?? 'Always';
  let pendingRegularInit = 0;
  let pendingSidecars = 0;
  let failedInitialization = 0;
  for (const c of spec?.initContainers ?? []) {
    if (isSidecar(c)) continue;
    const s = statusOf(statuses, c.name);
    if (!s) pendingRegularInit++;
    else if (s.state?.running) pendingRegularInit++;
    else if (s.state?.terminated) {
      if (s.state.terminated.exitCode !== 0) failedInitialization++;
    } else if (s.state?.waiting) {
      if (s.lastState?.terminated) {
        if (s.lastState.terminated.exitCode !== 0) failedInitialization++;
      } else pendingRegularInit++;
    } else pendingRegularInit++;
  }

  let unknown = 0;
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const c of spec?.initContainers ?? []) {
    if (!isSidecar(c)) continue;
    const s = statusOf(statuses, c.name);
    if (!s) unknown++;
    else if (s.state?.running) {
      if (!s.started) pendingSidecars++;
      running++;
    } else if (s.state?.terminated) {
      // upstream: terminated sidecars do not count toward the phase
    } else if (s.state?.waiting) {
      if (!s.lastState?.terminated) {
        pendingSidecars++;
        waiting++;
      }
    } else {
      pendingSidecars++;
      unknown++;
    }
  }
  for (const c of spec?.containers ?? []) {
    const s = statusOf(statuses, c.name);
    if (!s) unknown++;
    else if (s.state?.running) running++;
    else if (s.state?.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.state?.waiting) {
      if (s.lastState?.terminated) stopped++;
      else waiting++;
    } else unknown++;
  }

  if (failedInitialization > 0 && restartPolicy === 'Never') return 'Failed';
  if (pendingRegularInit > 0 || (pendingSidecars > 0 && unknown + running + waiting + stopped + succeeded === 0)) {
    return 'Pending';
  }
  if (waiting > 0) return 'Pending';
  if (running > 0 && unknown === 0) return 'Running';
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (podIsTerminal) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (restartPolicy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (restartPolicy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}
