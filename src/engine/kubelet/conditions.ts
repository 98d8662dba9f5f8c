import type { ContainerStatus, PodCondition, PodSpec } from 'kubernetes-types/core/v1';
import { isSidecar, type PodPhase } from './phase';

/** The condition types the kubelet owns, in the order it writes them. */
export const KUBELET_CONDITIONS = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];

type Raw = Pick<PodCondition, 'type' | 'status' | 'reason' | 'message'>;

/** Go's `%s` of a []string: `[a b]`. */
function goList(names: string[]): string {
  return `[${names.join(' ')}]`;
}

function find(statuses: readonly ContainerStatus[], name: string): ContainerStatus | undefined {
  return statuses.find((s) => s.name === name);
}

/** upstream: pkg/kubelet/status/generate.go GenerateContainersReadyCondition */
export function containersReadyCondition(spec: PodSpec, statuses: readonly ContainerStatus[], phase: PodPhase): Raw {
  const unknown: string[] = [];
  const unready: string[] = [];
  const check = (name: string) => {
    const s = find(statuses, name);
    if (!s) unknown.push(name);
    else if (!s.ready) unready.push(name);
  };
  for (const c of spec.initContainers ?? []) if (isSidecar(c)) check(c.name);
  for (const c of spec.containers ?? []) check(c.name);
  if ((phase === 'Succeeded' && unknown.length === 0) || phase === 'Failed') {
    return { type: 'ContainersReady', status: 'False', reason: phase === 'Failed' ? 'PodFailed' : 'PodCompleted' };
  }
  const messages: string[] = [];
  if (unknown.length) messages.push(`containers with unknown status: ${goList(unknown)}`);
  if (unready.length) messages.push(`containers with unready status: ${goList(unready)}`);
  if (messages.length) return { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message: messages.join(', ') };
  return { type: 'ContainersReady', status: 'True' };
}

/** upstream: GeneratePodReadyCondition — ContainersReady, then the readiness gates. */
export function podReadyCondition(
  spec: PodSpec, others: readonly PodCondition[], statuses: readonly ContainerStatus[], phase: PodPhase,
): Raw {
  const containersReady = containersReadyCondition(spec, statuses, phase);
  if (containersReady.status !== 'True') return { ...containersReady, type: 'Ready' };
  const messages: string[] = [];
  for (const gate of spec.readinessGates ?? []) {
    const c = others.find((o) => o.type === gate.conditionType);
    if (!c) messages.push(`corresponding condition of pod readiness gate "${gate.conditionType}" does not exist.`);
    else if (c.status !== 'True') {
      messages.push(`the status of pod readiness gate "${gate.conditionType}" is not "True", but ${c.status}`);
    }
  }
  if (messages.length) return { type: 'Ready', status: 'False', reason: 'ReadinessGatesNotReady', message: messages.join(', ') };
  return { type: 'Ready', status: 'True' };
}

/** upstream: GeneratePodInitializedCondition */
export function initializedCondition(spec: PodSpec, statuses: readonly ContainerStatus[], phase: PodPhase): Raw {
  const unknown: string[] = [];
  const incomplete: string[] = [];
  for (const c of spec.initContainers ?? []) {
    const s = find(statuses, c.name);
    if (!s) unknown.push(c.name);
    else if (isSidecar(c) ? !s.started : !s.ready) incomplete.push(c.name);
  }
  if (phase === 'Succeeded' && unknown.length === 0) return { type: 'Initialized', status: 'True', reason: 'PodCompleted' };
  // upstream: once any regular container has started, the pod was initialized (sidecars may restart).
  const anyStarted = (spec.containers ?? []).some((c) => {
    const s = find(statuses, c.name);
    return !!s && !!(s.state?.running || s.state?.terminated);
  });
  if (anyStarted) return { type: 'Initialized', status: 'True' };
  const messages: string[] = [];
  if (unknown.length) messages.push(`containers with unknown status: ${goList(unknown)}`);
  if (incomplete.length) messages.push(`containers with incomplete status: ${goList(incomplete)}`);
  if (messages.length) {
    return { type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: messages.join(', ') };
  }
  return { type: 'Initialized', status: 'True' };
}

/**
 * The pod's conditions as the kubelet writes them: conditions it does not own first (kept as
 * they are), then its own in upstream order. A condition keeps its lastTransitionTime while its
 * status is unchanged (the status manager's `updateLastTransitionTime`).
 */
export function podConditions(input: {
  spec: PodSpec;
  old: readonly PodCondition[];
  statuses: readonly ContainerStatus[];
  phase: PodPhase;
  sandboxReady: boolean;
  now: string;
}): PodCondition[] {
  const { spec, old, statuses, phase } = input;
  const others = old.filter((c) => !KUBELET_CONDITIONS.includes(c.type));
  const raw: Raw[] = [
    { type: 'PodReadyToStartContainers', status: input.sandboxReady ? 'True' : 'False' },
    initializedCondition(spec, statuses, phase),
    podReadyCondition(spec, others, statuses, phase),
    containersReadyCondition(spec, statuses, phase),
    { type: 'PodScheduled', status: 'True' },
  ];
  const own = raw.map((c): PodCondition => {
    const previous = old.find((o) => o.type === c.type);
    const lastTransitionTime = previous && previous.status === c.status && previous.lastTransitionTime
      ? previous.lastTransitionTime : input.now;
    const out: PodCondition = { type: c.type, status: c.status, lastProbeTime: null as unknown as undefined, lastTransitionTime };
    if (c.reason) out.reason = c.reason;
    if (c.message) out.message = c.message;
    return out;
  });
  return [...others, ...own];
}
