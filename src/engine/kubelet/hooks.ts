import type { LifecycleHandler, Probe } from 'kubernetes-types/core/v1';
import type { Program } from './program';
import { lookupImage } from './images';
import { runProbe } from './probes';
import { programOf } from './programs';
import type { ContainerRef } from './podSync';

export interface HookOutcome {
  ok: boolean;
  /** How long the hook held the container (a `sleep` hook), in ms. */
  durationMs: number;
  output: string;
}

/**
 * Runs a postStart or preStop handler against the container's program: exec and httpGet behave
 * like a probe of the same shape (the kubelet's handler runner), `sleep` just waits.
 * upstream: pkg/kubelet/lifecycle/handlers.go
 */
export function runHook(
  handler: LifecycleHandler, program: Program, elapsedMs: number, ref: ContainerRef, podIP: string, imageRef?: string,
): HookOutcome {
  if (handler.sleep) return { ok: true, durationMs: handler.sleep.seconds * 1000, output: '' };
  if (!handler.exec && !handler.httpGet && !handler.tcpSocket) return { ok: true, durationMs: 0, output: '' };
  const probe: Probe = {
    ...(handler.exec ? { exec: handler.exec } : {}),
    ...(handler.httpGet ? { httpGet: handler.httpGet } : {}),
    ...(handler.tcpSocket ? { tcpSocket: handler.tcpSocket } : {}),
    timeoutSeconds: 30, periodSeconds: 10, successThreshold: 1, failureThreshold: 1,
  };
  const { result, output } = runProbe(probe, program, elapsedMs, ref.spec, podIP);
  return { ok: result === 'success', durationMs: handler.exec ? execDurationMs(handler, program, ref, imageRef) : 0, output };
}

/** How long an exec handler runs (`sh -c "sleep 5"` holds the container 5s); Infinity if it never ends. */
function execDurationMs(handler: LifecycleHandler, program: Program, ref: ContainerRef, imageRef: string | undefined): number {
  const looked = lookupImage(imageRef ?? ref.spec.image ?? '');
  if (!looked.ok) return 0;
  const proc = programOf(looked.image, { name: ref.spec.name, command: handler.exec?.command ?? [] }, { env: program.context?.env ?? {} });
  if (proc.startError) return 0;
  return proc.exitAfterMs ?? Infinity;
}

/** The waiting message upstream gives a container whose postStart hook failed. */
export function postStartFailureMessage(handler: LifecycleHandler, container: string, pod: string, output: string): string {
  if (handler.exec) {
    return `Exec lifecycle hook ([${(handler.exec.command ?? []).join(' ')}]) for Container "${container}" in Pod "${pod}" ` +
      `failed - error: command '${(handler.exec.command ?? []).join(' ')}' exited with 1: , message: "${output}"`;
  }
  const path = handler.httpGet?.path ?? '/';
  return `HTTP lifecycle hook (${path}) for Container "${container}" in Pod "${pod}" failed - error: ${output}`;
}
