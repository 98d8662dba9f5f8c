/**
 * The `endpoints.kubernetes.io/last-change-trigger-time` annotation: when did the change happen
 * that this write of Endpoints / EndpointSlices reflects (for kube-proxy's programming latency).
 * upstream: pkg/controller/util/endpoint/trigger_time_tracker.go
 */
import type { KubeObject } from '../../api';
import { timestamp, virtualMs } from '../../core/time';
import { readyCondition } from '../shared/pods';
import type { Memo } from '../types';
import { TRIGGER_TIME_ANNOTATION } from './sliceObjects';

interface TrackerState {
  pods: Record<string, number>;
  service: number;
}

const memoKey = (serviceKey: string) => `trigger-time/${serviceKey}`;

/** upstream getPodTriggerTime: the last transition of the Pod's Ready condition. */
function podTriggerTime(pod: KubeObject): number | undefined {
  return virtualMs(readyCondition(pod)?.lastTransitionTime);
}

/**
 * upstream ComputeEndpointLastChangeTriggerTime: the Service's creation time on its first sync;
 * afterwards the earliest Ready transition (or Service change) not seen by the previous sync, or
 * undefined when there is none (the annotation is then removed). Records what it saw.
 */
export function computeTriggerTime(memo: Memo, serviceKey: string, svc: KubeObject, pods: KubeObject[]): number | undefined {
  const state = memo.get<TrackerState>(memoKey(serviceKey));
  let earliest: number | undefined;
  const seen: Record<string, number> = {};
  for (const pod of pods) {
    const t = podTriggerTime(pod);
    if (t === undefined) continue;
    seen[pod.metadata.name] = t;
    const before = state?.pods[pod.metadata.name];
    if (before === undefined || t > before) earliest = earliest === undefined ? t : Math.min(earliest, t);
  }
  const serviceTime = virtualMs(svc.metadata.creationTimestamp) ?? 0;
  if (state && serviceTime > state.service) earliest = earliest === undefined ? serviceTime : Math.min(earliest, serviceTime);
  memo.set<TrackerState>(memoKey(serviceKey), { pods: seen, service: serviceTime });
  return state ? earliest : serviceTime;
}

/** upstream DeleteService: forget a deleted Service. */
export function forgetTriggerTime(memo: Memo, serviceKey: string): void {
  memo.delete(memoKey(serviceKey));
}

/** upstream addTriggerTimeAnnotation: set the annotation, or clear it when there is no new trigger. */
export function withTriggerTime(annotations: Record<string, string> | undefined, time: number | undefined): Record<string, string> | undefined {
  const next = { ...(annotations ?? {}) };
  if (time !== undefined) next[TRIGGER_TIME_ANNOTATION] = timestamp(time);
  else delete next[TRIGGER_TIME_ANNOTATION];
  return Object.keys(next).length ? next : undefined;
}
