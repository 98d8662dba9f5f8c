/**
 * The status as stored, read into and written from the v2 shape. An autoscaling/v1 object shows
 * only currentCPUUtilizationPercentage in its status; its conditions and current metrics travel
 * in round-trip annotations (upstream Convert_autoscaling_HorizontalPodAutoscaler_To_v1_…).
 */
import type { MetricStatus } from 'kubernetes-types/autoscaling/v2';
import type { KubeObject } from '../../api';
import { isV1 } from './hpaSpec';
import type { HpaCondition, HpaStatus } from './types';

export const CONDITIONS_ANNOTATION = 'autoscaling.alpha.kubernetes.io/conditions';
export const METRIC_STATUSES_ANNOTATION = 'autoscaling.alpha.kubernetes.io/current-metrics';

interface StoredStatus extends Partial<HpaStatus> { currentCPUUtilizationPercentage?: number }

function parseList<T>(text: string | undefined): T[] | undefined {
  if (!text) return undefined;
  try {
    const v = JSON.parse(text);
    return Array.isArray(v) ? (v as T[]) : undefined;
  } catch {
    return undefined;
  }
}

interface V1Current { name: string; container?: string; currentAverageUtilization?: number; currentAverageValue?: string }

/** A v1 round-trip metric status back in the v2 shape. */
function fromV1Metric(m: { type: string; resource?: V1Current; containerResource?: V1Current }): MetricStatus | { type: '' } {
  const current = (c: V1Current) => ({ ...(c.currentAverageUtilization !== undefined ? { averageUtilization: c.currentAverageUtilization } : {}),
    ...(c.currentAverageValue !== undefined ? { averageValue: c.currentAverageValue } : {}) });
  if (m.type === 'Resource' && m.resource) return { type: 'Resource', resource: { name: m.resource.name, current: current(m.resource) } };
  if (m.type === 'ContainerResource' && m.containerResource) {
    const c = m.containerResource;
    return { type: 'ContainerResource', containerResource: { name: c.name, container: c.container ?? '', current: current(c) } };
  }
  return { type: m.type } as MetricStatus | { type: '' };
}

export function readStatus(obj: KubeObject): HpaStatus {
  const s = (obj.status ?? {}) as StoredStatus;
  const annotations = obj.metadata.annotations ?? {};
  const conditions = isV1(obj) ? parseList<HpaCondition>(annotations[CONDITIONS_ANNOTATION]) : s.conditions;
  const metrics = isV1(obj) ? parseList<Parameters<typeof fromV1Metric>[0]>(annotations[METRIC_STATUSES_ANNOTATION])?.map(fromV1Metric)
    : s.currentMetrics;
  return {
    ...(s.observedGeneration !== undefined ? { observedGeneration: s.observedGeneration } : {}),
    ...(s.lastScaleTime ? { lastScaleTime: s.lastScaleTime } : {}),
    currentReplicas: s.currentReplicas ?? 0,
    desiredReplicas: s.desiredReplicas ?? 0,
    ...(metrics?.length ? { currentMetrics: metrics } : {}),
    ...(conditions?.length ? { conditions } : {}),
  };
}

/** The stored form of a v2 status: upstream's omitempty fields dropped. */
function v2Status(status: HpaStatus): Record<string, unknown> {
  return {
    ...(status.conditions?.length ? { conditions: status.conditions } : {}),
    ...(status.currentMetrics?.length ? { currentMetrics: status.currentMetrics } : {}),
    ...(status.currentReplicas ? { currentReplicas: status.currentReplicas } : {}),
    desiredReplicas: status.desiredReplicas,
    ...(status.lastScaleTime ? { lastScaleTime: status.lastScaleTime } : {}),
    ...(status.observedGeneration !== undefined ? { observedGeneration: status.observedGeneration } : {}),
  };
}

/** v1 MetricStatus (v2beta1 field names: currentAverageUtilization, currentAverageValue). */
function v1MetricStatus(m: MetricStatus | { type: '' }): unknown {
  if (m.type === 'Resource' && 'resource' in m && m.resource) {
    const c = m.resource.current ?? {};
    return { type: 'Resource', resource: { name: m.resource.name,
      ...(c.averageUtilization !== undefined ? { currentAverageUtilization: c.averageUtilization } : {}), currentAverageValue: c.averageValue ?? '0' } };
  }
  if (m.type === 'ContainerResource' && 'containerResource' in m && m.containerResource) {
    const r = m.containerResource;
    const c = r.current ?? {};
    return { type: 'ContainerResource', containerResource: { name: r.name, container: r.container,
      ...(c.averageUtilization !== undefined ? { currentAverageUtilization: c.averageUtilization } : {}), currentAverageValue: c.averageValue ?? '0' } };
  }
  return { type: m.type };
}

function cpuUtilization(status: HpaStatus): number | undefined {
  for (const m of status.currentMetrics ?? []) {
    if (m.type === 'Resource' && 'resource' in m && m.resource?.name === 'cpu' && m.resource.current?.averageUtilization !== undefined) {
      return m.resource.current.averageUtilization;
    }
  }
  return undefined;
}

/** What to store: the status and, for a v1 object, its annotations with the round-trip keys. */
export function storedStatus(obj: KubeObject, status: HpaStatus): { status: Record<string, unknown>; annotations?: Record<string, string> } {
  if (!isV1(obj)) return { status: v2Status(status) };
  const annotations: Record<string, string> = { ...(obj.metadata.annotations ?? {}) };
  delete annotations[CONDITIONS_ANNOTATION];
  delete annotations[METRIC_STATUSES_ANNOTATION];
  if (status.currentMetrics?.length) annotations[METRIC_STATUSES_ANNOTATION] = JSON.stringify(status.currentMetrics.map(v1MetricStatus));
  if (status.conditions?.length) annotations[CONDITIONS_ANNOTATION] = JSON.stringify(status.conditions);
  const cpu = cpuUtilization(status);
  return {
    status: {
      ...(status.observedGeneration !== undefined ? { observedGeneration: status.observedGeneration } : {}),
      ...(status.lastScaleTime ? { lastScaleTime: status.lastScaleTime } : {}),
      currentReplicas: status.currentReplicas,
      desiredReplicas: status.desiredReplicas,
      ...(cpu !== undefined ? { currentCPUUtilizationPercentage: cpu } : {}),
    },
    annotations,
  };
}
