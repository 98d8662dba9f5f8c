/**
 * The HorizontalPodAutoscaler as the controller works on it: always the autoscaling/v2 shape
 * (upstream converts v1 objects to the internal version first), plus the records it keeps.
 */
import type { HorizontalPodAutoscalerCondition, MetricSpec, MetricStatus } from 'kubernetes-types/autoscaling/v2';

/** upstream defaults (pkg/controller/podautoscaler/config/v1alpha1/defaults.go). */
export const SYNC_PERIOD_MS = 15_000;
export const TOLERANCE = 0.1;
export const DOWNSCALE_STABILIZATION_WINDOW_MS = 300_000;
export const CPU_INITIALIZATION_PERIOD_MS = 300_000;
export const INITIAL_READINESS_DELAY_MS = 30_000;

export interface ScaleTargetRef {
  apiVersion?: string;
  kind: string;
  name: string;
}

export interface ScalingPolicy {
  type: 'Pods' | 'Percent';
  value: number;
  periodSeconds: number;
}

/** HPAScalingRules with every default filled in. */
export interface ScalingRules {
  stabilizationWindowSeconds: number;
  selectPolicy: 'Max' | 'Min' | 'Disabled';
  policies: ScalingPolicy[];
}

export interface Behavior {
  scaleUp: ScalingRules;
  scaleDown: ScalingRules;
}

/** The spec in the v2 shape, defaults applied. */
export interface HpaSpec {
  scaleTargetRef: ScaleTargetRef;
  minReplicas: number;
  maxReplicas: number;
  metrics: MetricSpec[];
  /** Absent: the legacy normalization (300s window, max(2×current, 4) scale-up cap). */
  behavior?: Behavior;
}

export interface HpaCondition extends HorizontalPodAutoscalerCondition {
  type: 'AbleToScale' | 'ScalingActive' | 'ScalingLimited' | string;
  status: 'True' | 'False' | 'Unknown' | string;
}

/** The v2 status (upstream HorizontalPodAutoscalerStatus). */
export interface HpaStatus {
  observedGeneration?: number;
  lastScaleTime?: string;
  currentReplicas: number;
  desiredReplicas: number;
  /** A metric that failed keeps an empty entry (`type: ""`), as upstream's zero MetricStatus. */
  currentMetrics?: (MetricStatus | { type: '' })[];
  conditions?: HpaCondition[];
}

/** One Pod's metric as the metrics API returned it (value in milli-units: millicores, milli-bytes). */
export interface PodMetric {
  value: number;
  timestamp: number;
  window: number;
}

/** upstream timestampedRecommendation / timestampedScaleEvent, kept per HPA between syncs. */
export interface Recommendation {
  replicas: number;
  time: number;
}

export interface ScaleEvent {
  change: number;
  time: number;
  outdated: boolean;
}

export interface ScaleHistory {
  recommendations: Recommendation[];
  scaleUp: ScaleEvent[];
  scaleDown: ScaleEvent[];
}

export const emptyHistory = (): ScaleHistory => ({ recommendations: [], scaleUp: [], scaleDown: [] });
