import type { Container, Probe } from 'kubernetes-types/core/v1';
import type { Program } from './program';
import { runProbe } from './probes';
import { probeFaultTimes, probeForcedAt, type ProbeFaults } from './faults';
import { forcedProbeFailure } from './probeFaults';

export type ProbeKind = 'startup' | 'liveness' | 'readiness';
type Result = 'success' | 'failure';

const KINDS: ProbeKind[] = ['startup', 'liveness', 'readiness'];
const MAX_TICKS = 20_000;

/**
 * What the prober workers of one container have concluded so far. Programs are pure functions
 * of time, so this is a pure function of the container's start and the time evaluated `through`;
 * it is stored only to avoid re-running old ticks.
 */
export interface ProbeState {
  /** Ticks at or before this virtual time have been evaluated. */
  through: number;
  /** When the container counts as started: its start without a startup probe, else the probe's success. */
  startedAt?: number;
  /** Readiness: true without a readiness probe; otherwise false until its success threshold is met. */
  ready: boolean;
  /** A liveness or startup probe reached its failure threshold; probing stopped. */
  failed?: { kind: 'liveness' | 'startup'; at: number };
  runs: Partial<Record<ProbeKind, { last: Result; run: number }>>;
}

export interface ProbeFailure {
  kind: ProbeKind;
  at: number;
  output: string;
  /** The probe could not run at all (upstream words it `… probe errored: …`). */
  errored?: boolean;
  /** Consecutive failures so far, and how many it takes. */
  run: number;
  threshold: number;
}

export interface ProbeInput {
  container: Container;
  program: Program;
  podIP: string;
  /** When the runtime started the container. */
  containerStartedAt: number;
  /** When the pod's prober workers started (the kubelet admitted the pod): their ticks keep this phase. */
  workerStartedAt: number;
  /** No probe runs at or after this time (the container is being stopped). */
  stopAt?: number;
  /** Virtual-time intervals during which a probe is made to fail (failProbe). */
  forced?: ProbeFaults;
}

function probeOf(container: Container, kind: ProbeKind): Probe | undefined {
  return kind === 'startup' ? container.startupProbe : kind === 'liveness' ? container.livenessProbe : container.readinessProbe;
}

const periodMs = (p: Probe) => (p.periodSeconds ?? 10) * 1000;
const delayMs = (p: Probe) => (p.initialDelaySeconds ?? 0) * 1000;

export function initialProbeState(input: ProbeInput): ProbeState {
  return {
    through: input.containerStartedAt - 1,
    startedAt: input.container.startupProbe ? undefined : input.containerStartedAt,
    ready: !input.container.readinessProbe,
    runs: {},
  };
}

/**
 * upstream: the sync after a container starts (PLEG relists every 1s) asks for a readiness run
 * at once, and so does the sync right after a startup probe passes.
 */
const READINESS_TRIGGER_MS = 1000;

function readinessTrigger(state: ProbeState, input: ProbeInput): number | undefined {
  if (state.ready || state.startedAt === undefined) return undefined;
  return input.container.startupProbe ? state.startedAt : input.containerStartedAt + READINESS_TRIGGER_MS;
}

/**
 * The next run of a probe after `after`. A prober worker ticks every period from when it was
 * created (pod admission), not from the container start; readiness also runs once when asked.
 * upstream: pkg/kubelet/prober/worker.go run, prober_manager.go UpdatePodStatus
 */
function nextTick(kind: ProbeKind, probe: Probe, state: ProbeState, input: ProbeInput, after: number): number {
  const base = Math.min(input.workerStartedAt, input.containerStartedAt);
  const period = periodMs(probe);
  let t = after < base ? base : base + (Math.floor((after - base) / period) + 1) * period;
  const trigger = kind === 'readiness' ? readinessTrigger(state, input) : undefined;
  if (trigger !== undefined && trigger > after && trigger < t) t = trigger;
  return t;
}

/** Whether a run at `t` probes: past initialDelaySeconds (whole seconds), startup holding the others. */
function runsAt(state: ProbeState, kind: ProbeKind, probe: Probe, input: ProbeInput, t: number): boolean {
  if (state.failed || t < input.containerStartedAt) return false;
  if (Math.floor((t - input.containerStartedAt) / 1000) < (probe.initialDelaySeconds ?? 0)) return false;
  if (kind === 'startup') return state.startedAt === undefined;
  return state.startedAt !== undefined && t >= state.startedAt;
}

interface Walk {
  state: ProbeState;
  failures: ProbeFailure[];
  /** The first tick that changed something or failed, when stopping on the first one. */
  interestingAt?: number;
}

/** Evaluates ticks in time order up to `limit` (inclusive); upstream: pkg/kubelet/prober/worker.go doProbe. */
function walk(from: ProbeState, input: ProbeInput, limit: number, stopOnInteresting: boolean): Walk {
  const state: ProbeState = { ...from, runs: { ...from.runs } };
  const failures: ProbeFailure[] = [];
  const end = input.stopAt !== undefined ? Math.min(limit, input.stopAt - 1) : limit;
  let exhausted = true;
  for (let guard = 0; !state.failed; guard++) {
    if (guard >= MAX_TICKS) {
      exhausted = false;
      break;
    }
    let t = Infinity;
    let kind: ProbeKind | undefined;
    for (const k of KINDS) {
      const probe = probeOf(input.container, k);
      if (!probe) continue;
      const tick = nextTick(k, probe, state, input, state.through);
      if (tick < t) [t, kind] = [tick, k];
    }
    if (!kind || t > end) break;
    // Evaluate every kind due at this same instant, in upstream's worker order.
    let interesting = false;
    for (const k of KINDS) {
      const probe = probeOf(input.container, k);
      if (!probe || nextTick(k, probe, state, input, state.through) !== t || !runsAt(state, k, probe, input, t)) continue;
      const { result, output, errored } = probeForcedAt(input.forced, k, t)
        ? forcedProbeFailure(probe, input.container, input.podIP)
        : runProbe(probe, input.program, t - input.containerStartedAt, input.container, input.podIP);
      const prev = state.runs[k];
      const run = prev && prev.last === result ? prev.run + 1 : 1;
      state.runs[k] = { last: result, run };
      if (result === 'failure') {
        failures.push({ kind: k, at: t, output, run, threshold: probe.failureThreshold ?? 3, ...(errored ? { errored } : {}) });
        interesting = true;
      }
      const threshold = result === 'failure' ? probe.failureThreshold ?? 3 : probe.successThreshold ?? 1;
      if (run < threshold) continue;
      if (k === 'startup' && result === 'success') {
        state.startedAt = t;
        interesting = true;
      } else if (k !== 'readiness' && result === 'failure') {
        state.failed = { kind: k as 'liveness' | 'startup', at: t };
        state.runs[k] = { last: result, run: 0 };
      } else if (k === 'readiness' && state.ready !== (result === 'success')) {
        state.ready = result === 'success';
        interesting = true;
      }
    }
    state.through = t;
    if (interesting && stopOnInteresting) return { state, failures, interestingAt: t };
  }
  if (exhausted && !state.failed && end > state.through) state.through = end;
  return { state, failures };
}

/** The probe state as of `to`, and the failed probe runs (for `Unhealthy` events) after `state.through`. */
export function evaluateProbes(state: ProbeState, input: ProbeInput, to: number): { state: ProbeState; failures: ProbeFailure[] } {
  if (to <= state.through) return { state, failures: [] };
  const { state: next, failures } = walk(state, input, to, false);
  return { state: next, failures };
}

/** The last moment the program changes behaviour; after it, every probe answers the same forever. */
function lastChangeMs(program: Program): number {
  const times = [program.exitAfterMs ?? 0];
  for (const o of program.output) times.push(o.atMs);
  for (const l of program.listens) {
    times.push(l.fromMs, l.untilMs ?? 0);
    for (const r of l.http?.routes ?? []) times.push(r.fromMs ?? 0, r.untilMs ?? 0);
  }
  for (const f of program.files) times.push(f.createdAtMs, f.removedAtMs ?? 0);
  for (const u of program.context?.fileUpdates ?? []) times.push(u.atMs);
  return Math.max(...times);
}

/**
 * When the next probe run that matters happens after `state.through`: a failure (an `Unhealthy`
 * event) or a change of started/ready/failed. Undefined when every later run only repeats success.
 */
export function nextProbeWake(state: ProbeState, input: ProbeInput): number | undefined {
  const probes = KINDS.map((k) => probeOf(input.container, k)).filter((p): p is Probe => !!p);
  if (probes.length === 0 || state.failed) return undefined;
  const slack = Math.max(...probes.map((p) => delayMs(p) + periodMs(p) * (Math.max(p.failureThreshold ?? 3, p.successThreshold ?? 1) + 2)));
  const horizon = Math.max(input.containerStartedAt + lastChangeMs(input.program), state.through, ...probeFaultTimes(input.forced)) + slack;
  return walk(state, input, horizon, true).interestingAt;
}
