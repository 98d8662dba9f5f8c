import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api';
import { humanDuration } from './goDuration';
import { isSidecar } from './phase';
import { virtualMs as parseTimestamp } from '../core/time';

interface PodRow {
  ready: string;
  status: string;
  restarts: number;
  /** Virtual ms of the latest lastState.terminated.finishedAt counted, if any. */
  lastRestart?: number;
}

/**
 * kubectl's `printPod` (the READY, STATUS and RESTARTS columns of `kubectl get pods`), step for
 * step. upstream: pkg/printers/internalversion/printers.go printPod (1.31)
 */
function printPod(obj: Pod | KubeObject): PodRow {
  const pod = obj as Pod;
  const status = pod.status ?? {};
  const spec = pod.spec;
  let restarts = 0;
  let sidecarRestarts = 0;
  let total = spec?.containers?.length ?? 0;
  let ready = 0;
  let lastRestart: number | undefined;
  let lastSidecarRestart: number | undefined;
  let reason: string = status.reason || status.phase || '';
  if (status.conditions?.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated';

  const initSpecs = new Map((spec?.initContainers ?? []).map((c) => [c.name, c]));
  for (const c of spec?.initContainers ?? []) if (isSidecar(c)) total++;
  const later = (a: number | undefined, b: string | undefined) => {
    const t = parseTimestamp(b);
    return t !== undefined && (a === undefined || t > a) ? t : a;
  };

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    restarts += c.restartCount ?? 0;
    lastRestart = later(lastRestart, c.lastState?.terminated?.finishedAt);
    const sidecar = isSidecar(initSpecs.get(c.name));
    if (sidecar) {
      sidecarRestarts += c.restartCount ?? 0;
      lastSidecarRestart = later(lastSidecarRestart, c.lastState?.terminated?.finishedAt);
    }
    const term = c.state?.terminated;
    const wait = c.state?.waiting;
    if (term && term.exitCode === 0) continue;
    if (sidecar && c.started) {
      if (c.ready) ready++;
      continue;
    }
    if (term) {
      if (!term.reason) reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode}`;
      else reason = `Init:${term.reason}`;
    } else if (wait?.reason && wait.reason !== 'PodInitializing') {
      reason = `Init:${wait.reason}`;
    } else {
      reason = `Init:${i}/${spec?.initContainers?.length ?? 0}`;
    }
    initializing = true;
    break;
  }

  const initializedTrue = status.conditions?.some((c) => c.type === 'Initialized' && c.status === 'True') ?? false;
  if (!initializing || initializedTrue) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += c.restartCount ?? 0;
      lastRestart = later(lastRestart, c.lastState?.terminated?.finishedAt);
      const term = c.state?.terminated;
      if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
      else if (term?.reason) reason = term.reason;
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode}`;
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const podReady = status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
      reason = podReady ? 'Running' : 'NotReady';
    }
  }

  const terminal = status.phase === 'Succeeded' || status.phase === 'Failed';
  if (pod.metadata?.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata?.deletionTimestamp && !terminal) reason = 'Terminating';

  return { ready: `${ready}/${total}`, status: reason, restarts, lastRestart };
}

/** The STATUS column of `kubectl get pods`: `Running`, `Init:1/2`, `CrashLoopBackOff`, `Terminating`, … */
export function podStatusColumn(pod: Pod | KubeObject): string {
  return printPod(pod).status;
}

/** The READY column: ready/total containers, native sidecars included. */
export function podReadyColumn(pod: Pod | KubeObject): string {
  return printPod(pod).ready;
}

/** The RESTARTS column: `0`, or `3 (25s ago)` measured from the latest restart to `now` (virtual ms). */
export function podRestartsColumn(pod: Pod | KubeObject, now: number): string {
  const row = printPod(pod);
  if (row.restarts === 0 || row.lastRestart === undefined) return String(row.restarts);
  return `${row.restarts} (${humanDuration(now - row.lastRestart)} ago)`;
}
