import type { RuntimeContainer } from '../api';
import { parseQuantity } from '../util/quantity';
import type { Program } from './program';
import type { KillPlan } from './podMemo';
import { runHook } from './hooks';
import { podEvent, sandboxOf, type ContainerRef, type PodSync } from './podSync';

/** upstream: minimumGracePeriodInSeconds — containers always get at least 2s after SIGTERM. */
const MIN_GRACE_S = 2;
const SIGKILL_EXIT = 137;

export interface ExitPlan {
  at: number;
  exitCode: number;
  /** `killed`: the process was killed from outside (a fault), not by the kubelet. */
  cause: 'exited' | 'sigterm' | 'sigkill' | 'oom' | 'killed';
}

/** A process allocating past its memory limit is OOM-killed about this long after it starts. */
const OOM_AFTER_MS = 1_000;

/**
 * When and how a running container exits: on its own (the program's exit), after SIGTERM (a
 * program that handles it stops after its stop delay), or by SIGKILL when the grace period ends.
 * PID 1 ignores SIGTERM unless it installs a handler, hence the SIGKILL for the others.
 */
export function exitOf(program: Program | undefined, record: RuntimeContainer, plan: KillPlan | undefined): ExitPlan | undefined {
  const start = record.startedAt ?? record.createdAt;
  let natural: ExitPlan | undefined = program?.exitAfterMs !== undefined
    ? { at: start + program.exitAfterMs, exitCode: program.exitCode, cause: 'exited' } : undefined;
  const limit = parseQuantity(record.limits.memory);
  if (program?.memoryBytes && limit && program.memoryBytes > limit && (!natural || start + OOM_AFTER_MS < natural.at)) {
    natural = { at: start + OOM_AFTER_MS, exitCode: SIGKILL_EXIT, cause: 'oom' };
  }
  let killed: ExitPlan | undefined;
  if (plan) {
    const stopped = program?.handlesSigterm ? plan.sigtermAt + program.stopDelayMs : Infinity;
    killed = stopped <= plan.sigkillAt
      ? { at: stopped, exitCode: program!.sigtermExitCode, cause: 'sigterm' }
      : { at: plan.sigkillAt, exitCode: SIGKILL_EXIT, cause: 'sigkill' };
  }
  if (natural && (!killed || natural.at <= killed.at)) return natural;
  return killed;
}

/**
 * Plans `killContainer`: the preStop hook runs first (inside the grace period), then SIGTERM —
 * for sidecars only once `waitUntil` (the containers they outlive have exited) — then SIGKILL
 * when what is left of the grace period (at least 2s) runs out. upstream: kuberuntime_container.go
 */
export function planKill(
  s: PodSync, ref: ContainerRef, program: Program | undefined, record: RuntimeContainer,
  reason: KillPlan['reason'], graceSeconds: number, waitUntil?: number,
): KillPlan {
  let grace = graceSeconds;
  let hookEnd = s.now;
  const preStop = ref.spec.lifecycle?.preStop;
  if (preStop && grace > 0 && program) {
    const outcome = runHook(preStop, program, s.now - (record.startedAt ?? record.createdAt), ref, sandboxOf(s)?.ip ?? '', record.image);
    // upstream: the hook gets at most the grace period; what it took (whole seconds) comes off it
    const hookSeconds = Math.min(Math.floor(outcome.durationMs / 1000), grace);
    if (!outcome.ok) podEvent(s, 'Warning', 'FailedPreStopHook', 'PreStopHook failed', ref);
    hookEnd = s.now + Math.min(outcome.durationMs, grace * 1000);
    grace -= hookSeconds;
  }
  let sigtermAt = hookEnd;
  if (waitUntil !== undefined && waitUntil > hookEnd && grace > 0) {
    const waited = Math.min(Math.floor((waitUntil - hookEnd) / 1000), grace);
    sigtermAt = waitUntil;
    grace -= waited;
  }
  return { reason, startedAt: s.now, sigtermAt, sigkillAt: sigtermAt + Math.max(grace, MIN_GRACE_S) * 1000 };
}
