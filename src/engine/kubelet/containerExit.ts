import type { RuntimeContainer } from '../api';
import { backoffEndSince } from './backoff';
import { exitFault, exitFaultKey, FAULTS_TABLE } from './faults';
import { withEntry } from './podMemo';
import { programOfRecord } from './running';
import { exitOf, type ExitPlan } from './termination';
import { act, containerRefs, latestRecord, previousRecord, wake, type ContainerRef, type PodSync } from './podSync';

function exitMessage(name: string, exit: ExitPlan, graceMs: number): string {
  if (exit.cause === 'sigkill') {
    return `Container ${name} did not stop within its ${Math.round(graceMs / 1000)}s grace period; killed with SIGKILL (exit code 137)`;
  }
  if (exit.cause === 'oom') return `Container ${name} went over its memory limit and was OOM-killed (exit code 137)`;
  if (exit.cause === 'sigterm') return `Container ${name} stopped after SIGTERM (exit code ${exit.exitCode})`;
  if (exit.cause === 'killed') return `Container ${name} exited with code ${exit.exitCode}: its process was killed`;
  return exit.exitCode === 0 ? `Container ${name} completed (exit code 0)` : `Container ${name} exited with code ${exit.exitCode}`;
}

/** An exit injected by a fault (killContainer, exhaustMemory over a limit) for this container instance. */
function injectedExit(s: PodSync, record: RuntimeContainer): ExitPlan | undefined {
  const fault = exitFault(s.ctx, record.id);
  if (!fault) return undefined;
  return { at: Math.max(fault.at, record.startedAt ?? record.createdAt), exitCode: fault.exitCode, cause: fault.oom ? 'oom' : 'killed' };
}

function earliest(a: ExitPlan | undefined, b: ExitPlan | undefined): ExitPlan | undefined {
  if (!a || !b) return a ?? b;
  return b.at <= a.at ? b : a;
}

/**
 * The runtime side of a container ending (what PLEG notices): the earliest exit that is due becomes
 * CONTAINER_EXITED with its exit code. Exits not yet due become wake-ups.
 */
export function processExits(s: PodSync): boolean {
  let due: { ref: ContainerRef; record: RuntimeContainer; exit: ExitPlan } | undefined;
  for (const ref of containerRefs(s.pod)) {
    const record = latestRecord(s, ref.spec.name);
    if (record?.state !== 'CONTAINER_RUNNING') continue;
    const exit = earliest(exitOf(programOfRecord(s, ref, record), record, s.memo.kills[record.id]), injectedExit(s, record));
    if (!exit) continue;
    if (exit.at > s.now) wake(s, exit.at);
    else if (!due || exit.at < due.exit.at) due = { ref, record, exit };
  }
  if (!due) return false;
  const { ref, record, exit } = due;
  const name = ref.spec.name;
  const plan = s.memo.kills[record.id];
  s.rt.putContainer({
    ...record, state: 'CONTAINER_EXITED', exitCode: exit.exitCode,
    reason: exit.cause === 'oom' ? 'OOMKilled' : exit.exitCode === 0 ? 'Completed' : 'Error', finishedAt: exit.at,
  });
  let restartNow = s.memo.restartNow;
  if (plan?.restartNow && !s.pod.metadata.deletionTimestamp) {
    // upstream: the replacement starts in the same sync, back-off judged from the exit before this one
    const previous = previousRecord(s, name);
    const eventTime = previous?.finishedAt ?? exit.at;
    const blocked = previous && backoffEndSince(s.memo.restartBackoff[name], eventTime, s.now) !== undefined;
    if (!blocked) restartNow = withEntry(restartNow, name, { id: record.id, eventTime });
  }
  if (exitFault(s.ctx, record.id)) s.ctx.table(FAULTS_TABLE).set(exitFaultKey(record.id), undefined);
  s.memo = {
    ...s.memo, restartNow,
    kills: withEntry(s.memo.kills, record.id, undefined),
    probes: withEntry(s.memo.probes, record.id, undefined),
  };
  act(s, exitMessage(name, exit, plan ? plan.sigkillAt - plan.startedAt : 0));
  return true;
}
