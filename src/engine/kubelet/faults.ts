/**
 * Faults injected on demand (the `faults` table), as the kubelet and the runtime honour them:
 * - `exit/<containerId>`: the container's process dies at `at` with `exitCode` (OOMKilled when `oom`);
 * - `probe/<podUid>/<container>`: per probe kind, the intervals during which that probe fails;
 * - `memory/<podUid>/<container>`: the container keeps allocating from `at` (no memory limit: the
 *   Node runs low and the kubelet's eviction manager evicts a Pod).
 * Records are versioned with the cluster, so every Step shows the faults in force.
 */
import type { ReconcileContext } from '../controllers/types';
import type { ProbeKind } from './probeState';

export const FAULTS_TABLE = 'faults';

export interface ExitFault {
  at: number;
  exitCode: number;
  oom?: boolean;
}

export interface FailingInterval {
  from: number;
  until?: number;
}

export type ProbeFaults = Partial<Record<ProbeKind, FailingInterval[]>>;

export interface MemoryFault {
  at: number;
  /** The container instance that allocates (a restart ends the fault). */
  containerId: string;
}

export const exitFaultKey = (containerId: string) => `exit/${containerId}`;
export const probeFaultKey = (podUid: string, container: string) => `probe/${podUid}/${container}`;
export const memoryFaultKey = (podUid: string, container: string) => `memory/${podUid}/${container}`;

type Tables = Pick<ReconcileContext, 'table'>;

export function exitFault(ctx: Tables, containerId: string): ExitFault | undefined {
  return ctx.table<ExitFault>(FAULTS_TABLE).get(exitFaultKey(containerId));
}

export function probeFaults(ctx: Tables, podUid: string, container: string): ProbeFaults | undefined {
  return ctx.table<ProbeFaults>(FAULTS_TABLE).get(probeFaultKey(podUid, container));
}

export function memoryFault(ctx: Tables, podUid: string, container: string): MemoryFault | undefined {
  return ctx.table<MemoryFault>(FAULTS_TABLE).get(memoryFaultKey(podUid, container));
}

/** Whether a probe of `kind` is made to fail at virtual time `t`. */
export function probeForcedAt(faults: ProbeFaults | undefined, kind: ProbeKind, t: number): boolean {
  return (faults?.[kind] ?? []).some((i) => i.from <= t && (i.until === undefined || t < i.until));
}

/** Every moment a forced failure starts or ends (the prober's look-ahead must reach past them). */
export function probeFaultTimes(faults: ProbeFaults | undefined): number[] {
  return Object.values(faults ?? {}).flatMap((list) => (list ?? []).flatMap((i) => (i.until === undefined ? [i.from] : [i.from, i.until])));
}
