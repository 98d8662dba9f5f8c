import type { RuntimeContainer } from '../api';
import { backoffEndSince, nextBackoff } from './backoff';
import { recordContainerEnv, pruneContainerEnv } from './containerEnvTable';
import { resolveContainerEnv } from './env';
import { formatGoDuration } from './goDuration';
import { postStartFailureMessage, runHook } from './hooks';
import { runtimeId } from './ids';
import { ensureImage } from './imagePull';
import { withEntry } from './podMemo';
import type { ProgramExtras } from './programs';
import { podContainerFiles } from './volumeFiles';
import { programOfRecord } from './running';
import { planKill } from './termination';
import { recordContainerStart, refreshBeforeStart } from './volumeResync';
import {
  act, containerRefs, formatPod, latestRecord, podEvent, recordsOf, sandboxOf, wake, type ContainerRef, type PodSync,
} from './podSync';

/** How a container's turn in the sync went: it acted, it blocks the containers after it, or it lets them go on. */
export type StartOutcome = 'acted' | 'waiting' | 'skipped';

const CONFIG_RETRY_MS = 10_000;

/**
 * Brings one container that should run one transition closer to running: back-off, image,
 * environment, create, start. upstream: kuberuntime_manager.go SyncPod → startContainer.
 */
export function startFlow(s: PodSync, ref: ContainerRef): StartOutcome {
  const name = ref.spec.name;
  const latest = latestRecord(s, name);
  if (latest?.state === 'CONTAINER_CREATED') return startCreated(s, ref, latest);
  const replaceNow = latest && s.memo.restartNow[name]?.id === latest.id;
  if (latest?.state === 'CONTAINER_EXITED' && !replaceNow) {
    const end = backoffEndSince(s.memo.restartBackoff[name], latest.finishedAt ?? s.now, s.now);
    if (end !== undefined) return crashLoopBackOff(s, ref, end);
  }
  const image = ensureImage(s, ref);
  if (image.kind === 'acted') return 'acted';
  if (image.kind === 'waiting') return 'waiting';
  if (image.kind === 'failed') return 'skipped';

  const sandbox = sandboxOf(s);
  const { result: env, reads } = resolveContainerEnv(s.pod, ref.spec, s.ctx, s.hostIP, sandbox?.ip ?? '');
  if (!env.ok) return configError(s, ref, env.message);
  if (refreshBeforeStart(s, ref)) return 'acted';

  const extras = programExtras(s, ref, env.env);
  const id = runtimeId(s.ctx.rng);
  const record: RuntimeContainer = {
    id, sandboxId: sandbox!.id, pod: s.pod.metadata.name, namespace: s.pod.metadata.namespace ?? 'default', name,
    image: image.image.reference, type: ref.type, state: 'CONTAINER_CREATED', attempt: latest ? latest.attempt + 1 : 0,
    createdAt: s.now, limits: limitsOf(ref),
  };
  // upstream container GC keeps one dead container per container name: the lastState
  const keep = new Set([latest?.id]);
  for (const old of recordsOf(s, name)) if (!keep.has(old.id)) s.rt.removeContainer(old.id);
  let restartBackoff = s.memo.restartBackoff;
  if (latest) {
    const eventTime = replaceNow ? s.memo.restartNow[name].eventTime : latest.finishedAt ?? s.now;
    restartBackoff = withEntry(restartBackoff, name, nextBackoff(restartBackoff[name], eventTime, s.now));
  }
  if (!image.pulled) podEvent(s, 'Normal', 'Pulled', `Container image "${ref.spec.image}" already present on machine`, ref);
  podEvent(s, 'Normal', 'Created', `Created container ${name}`, ref);
  s.rt.putContainer(record);
  const alive = new Set(recordsOf(s).map((r) => r.id));
  const prune = <T>(byId: Record<string, T>) => Object.fromEntries(Object.entries(byId).filter(([k]) => alive.has(k)));
  s.memo = {
    ...s.memo, restartBackoff,
    inputs: prune({ ...s.memo.inputs, [id]: extras }),
    startErrors: prune(s.memo.startErrors),
    pulls: withEntry(s.memo.pulls, name, undefined),
    imageErrors: withEntry(s.memo.imageErrors, name, undefined),
    restartNow: withEntry(s.memo.restartNow, name, undefined),
  };
  recordContainerStart(s, ref, id);
  pruneContainerEnv(s.ctx, s.node, s.uid, alive);
  recordContainerEnv(s.ctx, s.node, id, { podUid: s.uid, container: name, env: env.env, ...reads });
  act(s, latest ? `Created container ${name} (restart #${record.attempt})` : `Created container ${name}`);
  return 'acted';
}

/** The program's input fixed at creation: env, the files its volumes show, ports, what the pod already binds. */
function programExtras(s: PodSync, ref: ContainerRef, env: Record<string, string>): ProgramExtras {
  const { files, mounts } = podContainerFiles(s, ref.spec);
  const portsInUse: number[] = [];
  for (const other of containerRefs(s.pod)) {
    const record = latestRecord(s, other.spec.name);
    if (other.spec.name === ref.spec.name || record?.state !== 'CONTAINER_RUNNING') continue;
    const elapsed = s.now - (record.startedAt ?? record.createdAt);
    for (const l of programOfRecord(s, other, record)?.listens ?? []) {
      if (l.fromMs <= elapsed && (l.untilMs === undefined || elapsed < l.untilMs)) portsInUse.push(l.port);
    }
  }
  return {
    env, files, mounts, startedAt: s.now, portsInUse,
    ports: (ref.spec.ports ?? []).map((p) => ({ port: p.containerPort, protocol: p.protocol === 'UDP' ? 'UDP' : 'TCP' })),
    ...(ref.spec.stdin ? { stdin: true } : {}),
    ...(ref.spec.workingDir ? { workingDir: ref.spec.workingDir } : {}),
  };
}

function limitsOf(ref: ContainerRef): RuntimeContainer['limits'] {
  const limits = ref.spec.resources?.limits ?? {};
  return {
    ...(limits.cpu !== undefined ? { cpu: String(limits.cpu) } : {}),
    ...(limits.memory !== undefined ? { memory: String(limits.memory) } : {}),
  };
}

/** StartContainer: the process runs (or the runtime refuses: StartError, exit 128), then postStart. */
function startCreated(s: PodSync, ref: ContainerRef, record: RuntimeContainer): StartOutcome {
  const name = ref.spec.name;
  const program = programOfRecord(s, ref, record);
  if (program?.startError) {
    s.rt.putContainer({ ...record, state: 'CONTAINER_EXITED', exitCode: 128, reason: 'StartError', finishedAt: s.now });
    podEvent(s, 'Warning', 'Failed', `Error: ${program.startError}`, ref);
    s.memo = {
      ...s.memo,
      startErrors: withEntry(s.memo.startErrors, record.id, program.startError),
      reasons: withEntry(s.memo.reasons, name, { reason: 'RunContainerError', message: program.startError }),
    };
    act(s, `Container ${name} failed to start: ${program.startError}`);
    return 'acted';
  }
  const running: RuntimeContainer = { ...record, state: 'CONTAINER_RUNNING', startedAt: s.now };
  s.rt.putContainer(running);
  podEvent(s, 'Normal', 'Started', `Started container ${name}`, ref);
  s.memo = { ...s.memo, reasons: withEntry(s.memo.reasons, name, undefined) };
  const postStart = ref.spec.lifecycle?.postStart;
  if (postStart && program) {
    const outcome = runHook(postStart, program, 0, ref, sandboxOf(s)?.ip ?? '', record.image);
    if (!outcome.ok) {
      podEvent(s, 'Warning', 'FailedPostStartHook', 'PostStartHook failed', ref);
      podEvent(s, 'Normal', 'Killing', 'FailedPostStartHook', ref);
      const plan = planKill(s, ref, program, running, 'postStart', s.pod.spec?.terminationGracePeriodSeconds ?? 30);
      s.memo = {
        ...s.memo,
        kills: withEntry(s.memo.kills, record.id, plan),
        reasons: withEntry(s.memo.reasons, name, {
          reason: 'PostStartHookError', message: postStartFailureMessage(postStart, name, formatPod(s.pod), outcome.output),
        }),
      };
      act(s, `Started container ${name}, but its postStart hook failed; stopping it`);
      return 'acted';
    }
  }
  act(s, `Started container ${name}`);
  return 'acted';
}

/** Waiting/CrashLoopBackOff with upstream's message, and one BackOff event per back-off period. */
function crashLoopBackOff(s: PodSync, ref: ContainerRef, end: number): StartOutcome {
  const name = ref.spec.name;
  wake(s, end);
  if (s.memo.noticed[name] === end) return 'skipped';
  const backoff = formatGoDuration(s.memo.restartBackoff[name].backoffMs);
  podEvent(s, 'Warning', 'BackOff', `Back-off restarting failed container ${name} in pod ${formatPod(s.pod)}`, ref);
  s.memo = {
    ...s.memo,
    noticed: withEntry(s.memo.noticed, name, end),
    reasons: withEntry(s.memo.reasons, name, {
      reason: 'CrashLoopBackOff', message: `back-off ${backoff} restarting failed container=${name} pod=${formatPod(s.pod)}`,
    }),
  };
  act(s, `Container ${name} is in CrashLoopBackOff: next restart in ${backoff}`);
  return 'acted';
}

/** CreateContainerConfigError (a missing ConfigMap/Secret key in env), retried every pod sync. */
function configError(s: PodSync, ref: ContainerRef, message: string): StartOutcome {
  const name = ref.spec.name;
  const last = s.memo.noticed[`config/${name}`];
  if (last !== undefined && s.now < last + CONFIG_RETRY_MS && s.memo.reasons[name]?.message === message) {
    wake(s, last + CONFIG_RETRY_MS);
    return 'skipped';
  }
  podEvent(s, 'Warning', 'Failed', `Error: ${message}`, ref);
  s.memo = {
    ...s.memo,
    noticed: withEntry(s.memo.noticed, `config/${name}`, s.now),
    reasons: withEntry(s.memo.reasons, name, { reason: 'CreateContainerConfigError', message }),
  };
  wake(s, s.now + CONFIG_RETRY_MS);
  act(s, `Cannot create container ${name}: ${message}`);
  return 'acted';
}

/** A running container whose image no longer matches the spec is replaced (upstream: hash changed). */
export function definitionChanged(s: PodSync, ref: ContainerRef, record: RuntimeContainer, specReference: string | undefined): boolean {
  if (!specReference || record.image === specReference || s.memo.kills[record.id]) return false;
  const name = ref.spec.name;
  podEvent(s, 'Normal', 'Killing', `Container ${name} definition changed, will be restarted`, ref);
  const plan = planKill(s, ref, programOfRecord(s, ref, record), record, 'changed', s.pod.spec?.terminationGracePeriodSeconds ?? 30);
  s.memo = { ...s.memo, kills: withEntry(s.memo.kills, record.id, { ...plan, restartNow: true }) };
  act(s, `The image of container ${name} changed; stopping it to start it again`);
  return true;
}

