/**
 * The spec of a stored HPA in the v2 shape. autoscaling/v1 objects are converted as upstream's
 * conversion does (pkg/apis/autoscaling/v1/conversion.go): targetCPUUtilizationPercentage becomes
 * a cpu Utilization metric, placed after any metrics kept in the round-trip annotation.
 */
import type { HorizontalPodAutoscalerBehavior, HPAScalingRules, MetricSpec } from 'kubernetes-types/autoscaling/v2';
import type { KubeObject } from '../../api';
import type { Behavior, HpaSpec, ScalingPolicy, ScalingRules } from './types';

export const METRIC_SPECS_ANNOTATION = 'autoscaling.alpha.kubernetes.io/metrics';
export const BEHAVIOR_ANNOTATION = 'autoscaling.alpha.kubernetes.io/behavior';

/** upstream v2 defaulting: a HPA without metrics scales on 80% of its Pods' cpu requests. */
const DEFAULT_CPU_METRIC: MetricSpec = { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } };

const DEFAULT_SCALE_UP: ScalingRules = {
  stabilizationWindowSeconds: 0, selectPolicy: 'Max',
  policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }],
};
/** upstream leaves the scale-down window unset; the controller fills in its 300s (maybeInitScaleDownStabilizationWindow). */
const DEFAULT_SCALE_DOWN: ScalingRules = {
  stabilizationWindowSeconds: 300, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
};

interface RawSpec {
  scaleTargetRef?: { apiVersion?: string; kind?: string; name?: string };
  minReplicas?: number;
  maxReplicas?: number;
  metrics?: MetricSpec[];
  behavior?: HorizontalPodAutoscalerBehavior | null;
  targetCPUUtilizationPercentage?: number;
}

function rules(given: HPAScalingRules | undefined, defaults: ScalingRules): ScalingRules {
  if (!given) return defaults;
  const select = given.selectPolicy === 'Min' || given.selectPolicy === 'Disabled' ? given.selectPolicy : 'Max';
  const policies = (given.policies ?? defaults.policies).map((p) => ({ ...p }) as ScalingPolicy);
  return { stabilizationWindowSeconds: given.stabilizationWindowSeconds ?? defaults.stabilizationWindowSeconds, selectPolicy: select, policies };
}

export function behaviorOf(raw: HorizontalPodAutoscalerBehavior | null | undefined): Behavior | undefined {
  if (!raw) return undefined;
  return { scaleUp: rules(raw.scaleUp, DEFAULT_SCALE_UP), scaleDown: rules(raw.scaleDown, DEFAULT_SCALE_DOWN) };
}

function parseJson<T>(text: string | undefined): T | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

interface V1ResourceMetric { name: string; targetAverageUtilization?: number; targetAverageValue?: string }

/** The v1 round-trip annotation holds v2beta1-style specs; Resource metrics are the ones a learner writes. */
function v1AnnotationMetrics(text: string | undefined): MetricSpec[] {
  const list = parseJson<{ type: string; resource?: V1ResourceMetric }[]>(text);
  if (!Array.isArray(list)) return [];
  return list.flatMap((m): MetricSpec[] => {
    if (m?.type !== 'Resource' || !m.resource?.name) return [];
    const r = m.resource;
    const target = r.targetAverageUtilization !== undefined
      ? { type: 'Utilization', averageUtilization: r.targetAverageUtilization }
      : { type: 'AverageValue', averageValue: r.targetAverageValue };
    return [{ type: 'Resource', resource: { name: r.name, target } }];
  });
}

function v1Metrics(obj: KubeObject, spec: RawSpec): MetricSpec[] {
  const other = v1AnnotationMetrics(obj.metadata.annotations?.[METRIC_SPECS_ANNOTATION]);
  const cpu = spec.targetCPUUtilizationPercentage;
  const metrics: MetricSpec[] = cpu === undefined ? other
    : [...other, { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: cpu } } }];
  return metrics.length ? metrics : [DEFAULT_CPU_METRIC];
}

export const isV1 = (obj: KubeObject) => obj.apiVersion === 'autoscaling/v1';

export function hpaSpecOf(obj: KubeObject): HpaSpec {
  const spec = (obj.spec ?? {}) as RawSpec;
  const ref = spec.scaleTargetRef ?? {};
  const rawBehavior = isV1(obj)
    ? parseJson<HorizontalPodAutoscalerBehavior>(obj.metadata.annotations?.[BEHAVIOR_ANNOTATION])
    : spec.behavior ?? undefined;
  const metrics = isV1(obj) ? v1Metrics(obj, spec) : spec.metrics?.length ? spec.metrics : [DEFAULT_CPU_METRIC];
  return {
    scaleTargetRef: { apiVersion: ref.apiVersion, kind: ref.kind ?? '', name: ref.name ?? '' },
    minReplicas: spec.minReplicas ?? 1,
    maxReplicas: spec.maxReplicas ?? 0,
    metrics,
    behavior: behaviorOf(rawBehavior),
  };
}
