import type { ContainerStatus, PodStatus } from 'kubernetes-types/core/v1';
import { timestamp } from '../core/time';
import { podConditions } from './conditions';
import { containerStatusOf } from './containerStatus';
import { podPhase, type PodPhase } from './phase';
import { qosClass } from './qos';
import { evictionCondition } from './evictionManager';
import { containerRefs, recordsOf, sandboxOf, type PodSync } from './podSync';

const isTerminal = (phase: string | undefined) => phase === 'Succeeded' || phase === 'Failed';

/** upstream ShouldEvict (active deadline): the phase, reason and message it forces. */
export const DEADLINE_EXCEEDED = { reason: 'DeadlineExceeded', message: 'Pod was active on the node longer than the specified deadline' };

/**
 * The pod status the kubelet would post now (`generateAPIPodStatus` + the status manager's
 * merge): container statuses from the runtime, the phase from getPhase, kubelet-owned conditions,
 * IPs, start time and QoS class. A terminal phase is held back until the pod has stopped
 * (upstream: mergePodStatus won't report terminal while containers could still run), and a
 * terminal phase once posted never changes.
 */
export function generatePodStatus(s: PodSync): PodStatus {
  const pod = s.pod;
  const old = pod.status ?? {};
  const refs = containerRefs(pod);
  const statusFor = (name: string): ContainerStatus => {
    const ref = refs.find((r) => r.spec.name === name)!;
    // upstream creates and starts a container within one sync: a created-only container is not reported
    const all = recordsOf(s, name).filter((r) => r.state !== 'CONTAINER_CREATED');
    const latest = all[all.length - 1];
    return containerStatusOf({
      pod, ref, latest, previous: all[all.length - 2], reason: s.memo.reasons[name],
      probe: latest ? s.probes.get(latest.id) : undefined, startErrors: s.memo.startErrors,
    });
  };
  const initStatuses = (pod.spec?.initContainers ?? []).map((c) => statusFor(c.name));
  const containerStatuses = (pod.spec?.containers ?? []).map((c) => statusFor(c.name));
  const all = [...containerStatuses, ...initStatuses];

  const finished = !!s.memo.finished;
  let phase: PodPhase = podPhase(pod, all, finished);
  let reason = old.reason;
  let message = old.message;
  if (s.memo.stopping?.reason === 'deadline') {
    phase = 'Failed';
    ({ reason, message } = DEADLINE_EXCEEDED);
  } else if (s.memo.evicted) {
    phase = 'Failed';
    reason = 'Evicted';
    message = s.memo.evicted.message;
  } else if (phase !== old.phase) {
    // upstream: reason and message belong to the phase they came with
    reason = undefined;
    message = undefined;
  }
  if (isTerminal(old.phase) || (isTerminal(phase) && !finished)) {
    phase = (old.phase ?? 'Pending') as PodPhase;
    reason = old.reason;
    message = old.message;
  }

  const evicted = s.memo.evicted;
  const oldConditions = evicted && !old.conditions?.some((c) => c.type === 'DisruptionTarget')
    ? [...(old.conditions ?? []), evictionCondition(evicted.message, evicted.at)] : old.conditions ?? [];
  const sandbox = sandboxOf(s);
  const podIP = sandbox?.ip ?? old.podIP;
  const status: PodStatus = {
    phase,
    conditions: podConditions({
      spec: pod.spec ?? { containers: [] }, old: oldConditions, statuses: [...initStatuses, ...containerStatuses],
      phase, sandboxReady: sandbox?.state === 'SANDBOX_READY', now: timestamp(s.now),
    }),
    ...(message ? { message } : {}),
    ...(reason ? { reason } : {}),
    ...(s.hostIP ? { hostIP: s.hostIP, hostIPs: [{ ip: s.hostIP }] } : {}),
    ...(podIP ? { podIP, podIPs: [{ ip: podIP }] } : {}),
    startTime: old.startTime ?? timestamp(s.now),
    ...(initStatuses.length ? { initContainerStatuses: initStatuses } : {}),
    containerStatuses,
    qosClass: qosClass(pod),
  };
  return status;
}
