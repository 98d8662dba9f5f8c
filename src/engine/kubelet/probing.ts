import type { RuntimeContainer } from '../api';
import { virtualMs } from '../core/time';
import { probeFaults } from './faults';
import { withEntry } from './podMemo';
import { evaluateProbes, initialProbeState, nextProbeWake, type ProbeFailure, type ProbeKind, type ProbeState } from './probeState';
import { programOfRecord } from './running';
import { planKill } from './termination';
import { act, containerRefs, latestRecord, podEvent, sandboxOf, wake, type ContainerRef, type PodSync } from './podSync';

interface ProbeUpdate {
  ref: ContainerRef;
  record: RuntimeContainer;
  prev: ProbeState;
  next: ProbeState;
  failures: ProbeFailure[];
}

const KIND_NAME: Record<ProbeKind, string> = { startup: 'Startup', liveness: 'Liveness', readiness: 'Readiness' };

/**
 * Brings every running container's probe results up to now (into `s.probes`, which the status
 * uses) and returns the containers where something happened: a failed run (an Unhealthy event),
 * startup passing, readiness flipping, or a liveness/startup probe giving up.
 */
export function evaluateAllProbes(s: PodSync): ProbeUpdate[] {
  const podIP = sandboxOf(s)?.ip ?? '';
  const updates: ProbeUpdate[] = [];
  for (const ref of containerRefs(s.pod)) {
    const record = latestRecord(s, ref.spec.name);
    if (record?.state !== 'CONTAINER_RUNNING') continue;
    const program = programOfRecord(s, ref, record);
    const input = {
      container: ref.spec, podIP, containerStartedAt: record.startedAt ?? record.createdAt,
      workerStartedAt: s.memo.admittedAt ?? virtualMs(s.pod.status?.startTime) ?? record.createdAt,
      stopAt: s.memo.kills[record.id]?.startedAt, program: program!, forced: probeFaults(s.ctx, s.uid, ref.spec.name),
    };
    if (!program || ref.type === 'init') {
      s.probes.set(record.id, { through: s.now, startedAt: input.containerStartedAt, ready: true, runs: {} });
      continue;
    }
    const prev = s.memo.probes[record.id] ?? initialProbeState(input);
    const { state: next, failures } = evaluateProbes(prev, input, s.now);
    s.probes.set(record.id, next);
    if (failures.length || next.startedAt !== prev.startedAt || next.ready !== prev.ready || !!next.failed !== !!prev.failed) {
      updates.push({ ref, record, prev, next, failures });
    }
    const at = nextProbeWake(next, input);
    if (at !== undefined) wake(s, at);
  }
  return updates;
}

/** Reports what the probers found (one Step), and starts the kill of a container that failed liveness/startup. */
export function probeAction(s: PodSync, updates: ProbeUpdate[]): boolean {
  if (updates.length === 0) return false;
  const messages: string[] = [];
  for (const { ref, record, prev, next, failures } of updates) {
    const name = ref.spec.name;
    for (const f of failures) {
      podEvent(s, 'Warning', 'Unhealthy', `${KIND_NAME[f.kind]} probe ${f.errored ? 'errored' : 'failed'}: ${f.output}`, ref);
    }
    s.memo = { ...s.memo, probes: withEntry(s.memo.probes, record.id, next) };
    if (next.failed && !s.memo.kills[record.id]) {
      const kind = next.failed.kind;
      const restart = (s.pod.spec?.restartPolicy ?? 'Always') !== 'Never' || ref.type === 'sidecar';
      podEvent(s, 'Normal', 'Killing', `Container ${name} failed ${kind} probe${restart ? ', will be restarted' : ''}`, ref);
      const probe = kind === 'liveness' ? ref.spec.livenessProbe : ref.spec.startupProbe;
      const grace = probe?.terminationGracePeriodSeconds ?? s.pod.spec?.terminationGracePeriodSeconds ?? 30;
      const plan = planKill(s, ref, programOfRecord(s, ref, record), record, kind, grace);
      s.memo = { ...s.memo, kills: withEntry(s.memo.kills, record.id, { ...plan, restartNow: restart }) };
      messages.push(`Container ${name} failed its ${kind} probe ${probe?.failureThreshold ?? 3} times in a row; stopping it`);
    } else if (next.startedAt !== prev.startedAt) {
      messages.push(`Startup probe of container ${name} succeeded`);
    } else if (next.ready !== prev.ready) {
      messages.push(next.ready ? `Readiness probe of container ${name} succeeded: container is ready`
        : `Readiness probe of container ${name} failed: container is not ready`);
    } else {
      for (const f of failures) {
        const count = f.kind === 'readiness' ? '' : ` (${f.run} of ${f.threshold})`;
        messages.push(`${KIND_NAME[f.kind]} probe of container ${name} failed${count}: ${f.output}`);
      }
    }
  }
  act(s, messages.join('; '));
  return true;
}
