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

export function readStatus(obj: KubeObject): HpaStatus {
  const s = (obj.status ?? {}) as StoredStatus;
  const conditions = isV1(obj) ? parseList<HpaCondition>(obj.metadata.annotations?.[CONDITIONS_ANNOTATION]) : s.conditions;
  return {
    ...(s.observedGeneration !== undefined ? { observedGeneration: s.observedGeneration } : {}),
    ...(s.lastScaleTime ? { lastScaleTime: s.lastScaleTime } : {}),
    currentReplicas: s.currentReplicas ?? 0,
    desiredReplicas: s.desiredReplicas ?? 0,
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
