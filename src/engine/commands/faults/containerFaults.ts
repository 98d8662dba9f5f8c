import type { CommandResult } from '../../api';
import type { ReconcileContext } from '../../controllers/types';
import { exitFaultKey, FAULTS_TABLE, memoryFaultKey, probeFaultKey, type ExitFault, type MemoryFault, type ProbeFaults } from '../../kubelet/faults';
import type { ProbeKind } from '../../kubelet/probeState';
import { findContainer, running, wakeKubelet } from './target';

const fail = (message: string): CommandResult => ({ ok: false, message });
const notRunning = (container: string, ref: string) => fail(`error: container ${container} of pod ${ref} is not running`);

/** The container's main process dies with `exitCode` (137: SIGKILL); the kubelet restarts it per restartPolicy. */
export function killContainer(ctx: ReconcileContext, pod: string, container: string,
  namespace?: string, exitCode = 137): CommandResult {
  if (!Number.isInteger(exitCode) || exitCode < 0 || exitCode > 255) return fail(`error: exit code must be 0..255, got ${exitCode}`);
  const target = findContainer(ctx, pod, container, namespace);
  if ('error' in target) return fail(target.error);
  if (!running(target)) return notRunning(container, target.ref);
  ctx.table<ExitFault>(FAULTS_TABLE).set(exitFaultKey(target.record.id), { at: ctx.now, exitCode });
  const how = exitCode === 137 ? 'SIGKILL, exit code 137' : exitCode === 143 ? 'SIGTERM, exit code 143' : `exit code ${exitCode}`;
  ctx.describe(`Killed the main process of container ${container} in Pod ${target.ref} (${how}); ` +
    `the kubelet notices and restarts it per restartPolicy ${target.pod.spec?.restartPolicy ?? 'Always'}`);
  wakeKubelet(ctx, target);
  return { ok: true, message: `container ${container} of pod ${target.ref} killed (${how})` };
}

/**
 * The container allocates past its memory limit: the kernel OOM-kills it (OOMKilled, exit 137). Without
 * a limit nothing stops it short of the Node: memory runs low and the kubelet evicts the Pod.
 */
export function exhaustMemory(ctx: ReconcileContext, pod: string, container: string, namespace?: string): CommandResult {
  const target = findContainer(ctx, pod, container, namespace);
  if ('error' in target) return fail(target.error);
  if (!running(target)) return notRunning(container, target.ref);
  const limit = target.record.limits.memory;
  if (limit) {
    ctx.table<ExitFault>(FAULTS_TABLE).set(exitFaultKey(target.record.id), { at: ctx.now, exitCode: 137, oom: true });
    ctx.describe(`Container ${container} in Pod ${target.ref} allocated past its memory limit of ${limit}: ` +
      'the kernel OOM-kills it (OOMKilled, exit code 137)');
  } else {
    ctx.table<MemoryFault>(FAULTS_TABLE).set(memoryFaultKey(target.pod.metadata.uid, container),
      { at: ctx.now, containerId: target.record.id });
    ctx.describe(`Container ${container} in Pod ${target.ref} has no memory limit and keeps allocating: ` +
      `Node ${target.node} runs low on memory and its kubelet's eviction manager will step in`);
  }
  wakeKubelet(ctx, target);
  return { ok: true, message: `container ${container} of pod ${target.ref} is exhausting ${limit ? `its ${limit} memory limit` : `the memory of node ${target.node}`}` };
}

const PROBE_FIELD: Record<ProbeKind, 'livenessProbe' | 'readinessProbe' | 'startupProbe'> = {
  liveness: 'livenessProbe', readiness: 'readinessProbe', startup: 'startupProbe',
};

/** Makes a probe fail from now on (`failing`), or answer as the app really does again. */
export function failProbe(ctx: ReconcileContext, pod: string, container: string, probe: ProbeKind,
  failing: boolean, namespace?: string): CommandResult {
  if (!(probe in PROBE_FIELD)) return fail(`error: unknown probe "${probe}" (liveness, readiness or startup)`);
  const target = findContainer(ctx, pod, container, namespace);
  if ('error' in target) return fail(target.error);
  const spec = target.container[PROBE_FIELD[probe]];
  if (!spec) return fail(`error: container ${container} of pod ${target.ref} has no ${probe} probe`);
  const table = ctx.table<ProbeFaults>(FAULTS_TABLE);
  const key = probeFaultKey(target.pod.metadata.uid, container);
  const faults = table.get(key) ?? {};
  const intervals = faults[probe] ?? [];
  const open = intervals.length > 0 && intervals[intervals.length - 1].until === undefined;
  if (open === failing) return { ok: true, message: `${probe} probe of container ${container} in pod ${target.ref} is already ${failing ? 'failing' : 'passing'}` };
  const next = failing ? [...intervals, { from: ctx.now }] : [...intervals.slice(0, -1), { ...intervals[intervals.length - 1], until: ctx.now }];
  table.set(key, { ...faults, [probe]: next });
  const threshold = failing ? spec.failureThreshold ?? 3 : spec.successThreshold ?? 1;
  const period = spec.periodSeconds ?? 10;
  const consequence = !failing ? `after ${threshold} success${threshold === 1 ? '' : 'es'} the container counts as ${probe === 'readiness' ? 'Ready' : 'healthy'} again`
    : probe === 'readiness' ? `after ${threshold} failures (every ${period}s) the container is not Ready and leaves the Service endpoints`
      : `after ${threshold} failures (every ${period}s) the kubelet kills the container and restarts it`;
  ctx.describe(`The ${probe} probe of container ${container} in Pod ${target.ref} ${failing ? 'now fails' : 'passes again'}: ${consequence}`);
  if (target.record) wakeKubelet(ctx, target);
  return { ok: true, message: `${probe} probe of container ${container} in pod ${target.ref} ${failing ? 'failing' : 'recovered'}` };
}
