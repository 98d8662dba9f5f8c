/**
 * What a running container listens on, asked of the kubelet's program model: the program is a
 * pure function of the image, command/args and the inputs the container started with (env,
 * files, declared ports, ports its siblings already held). Those inputs are rebuilt here the way
 * the kubelet built them at creation, once per container id (kept in the caller's memo).
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { RuntimeContainer } from '../api';
import type { StoreReader } from '../controllers/types';
import { containerEnv } from '../kubelet/env';
import type { Listener } from '../kubelet/program';
import { httpStatus } from '../kubelet/programNet';
import { programForRecord, type ProgramExtras } from '../kubelet/programs';
import { containerFiles } from '../kubelet/volumeFiles';

/** What traffic and metrics need of a container's program (JSON-like, memo-friendly). */
export interface ServingPlan {
  listens: Listener[];
  exitAfterMs?: number;
  /** Resident memory it settles at when it allocates on purpose (stress tools). */
  memoryBytes?: number;
  /** Threads it keeps busy spinning (stress `--cpu N`, vish/stress `-cpus N`). */
  cpuHogs?: number;
}

function specOf(pod: Pod, name: string): Container | undefined {
  return [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].find((c) => c.name === name);
}

/** upstream kubelet: the program inputs of a container, fixed when it was created. */
function extrasOf(pod: Pod, spec: Container, record: RuntimeContainer, siblings: number[], store: StoreReader, hostIP: string): ProgramExtras {
  const podIP = pod.status?.podIP ?? '';
  const env = containerEnv(pod, spec, store, hostIP, podIP);
  const { files, mounts } = containerFiles(pod, spec, store);
  return {
    env: env.ok ? env.env : {}, files, mounts, startedAt: record.createdAt, portsInUse: siblings,
    ports: (spec.ports ?? []).map((p) => ({ port: p.containerPort, protocol: p.protocol === 'UDP' ? 'UDP' : 'TCP' })),
    ...(spec.stdin ? { stdin: true } : {}),
    ...(spec.workingDir ? { workingDir: spec.workingDir } : {}),
  };
}

export function servingPlan(pod: Pod, record: RuntimeContainer, siblings: number[], store: StoreReader, hostIP: string): ServingPlan {
  const spec = specOf(pod, record.name);
  if (!spec) return { listens: [] };
  const program = programForRecord(record.image, spec, extrasOf(pod, spec, record, siblings, store, hostIP));
  if (!program || program.startError) return { listens: [] };
  const hogs = cpuHogs(program.output.map((o) => o.line));
  return {
    listens: program.listens,
    ...(program.exitAfterMs !== undefined ? { exitAfterMs: program.exitAfterMs } : {}),
    ...(program.memoryBytes ? { memoryBytes: program.memoryBytes } : {}),
    ...(hogs ? { cpuHogs: hogs } : {}),
  };
}

/** CPU-burning workers a stress tool announced in its output. */
function cpuHogs(lines: string[]): number {
  let n = 0;
  for (const line of lines) {
    const m = /dispatching hogs: (\d+) cpu/.exec(line);
    if (m) n += Number(m[1]);
    if (line.includes('Spawning a thread to consume CPU')) n += 1;
  }
  return n;
}

/** The listener serving `port`/`protocol` `elapsedMs` after the container started, if any. */
export function listenerAt(plan: ServingPlan, port: number, protocol: string, elapsedMs: number): Listener | undefined {
  if (plan.exitAfterMs !== undefined && elapsedMs >= plan.exitAfterMs) return undefined;
  return plan.listens.find((l) => l.port === port && l.protocol === protocol && l.fromMs <= elapsedMs
    && (l.untilMs === undefined || elapsedMs < l.untilMs));
}

/** The HTTP status a listener answers for `path` (undefined when it does not speak HTTP); the kubelet's own matcher. */
export function listenerStatus(listener: Listener, path: string, elapsedMs: number): number | undefined {
  return httpStatus(listener.http?.routes, path, elapsedMs);
}
