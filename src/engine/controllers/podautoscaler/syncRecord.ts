/**
 * What one HPA sync saw and decided, kept in the versioned table `hpa/syncs` (key `ns/name`) so
 * the UI can show the formula as of any Step. JSON-like; explainSync() turns it into sentences.
 */
import type { ReplicaCalc } from './replicaCalculator';
import type { PolicyLimit } from './policies';

export const HPA_SYNCS_TABLE = 'hpa/syncs';

export type SyncOutcome =
  | 'failed-get-scale'   // the target could not be read (AbleToScale False FailedGetScale)
  | 'scaling-disabled'   // the target is at 0 replicas
  | 'above-max' | 'below-min'  // out of range: clamped without looking at metrics
  | 'failed-metrics'     // no usable metric (or a selector problem)
  | 'computed';          // a proposal from the metrics, normalized

export interface MetricRecord {
  label: string;
  name?: string;
  calc?: ReplicaCalc;
  replicas?: number;
  error?: string;
}

export interface NormalizationRecord {
  legacy: boolean;
  proposal: number;
  stabilized: number;
  /** The stabilization window that applied, in seconds. */
  window: number;
  /** AbleToScale reason: ReadyForNewScale, ScaleDownStabilized, ScaleUpStabilized. */
  stabilization: string;
  /** ScalingLimited reason: DesiredWithinRange, ScaleUpLimit, ScaleDownLimit, TooManyReplicas, TooFewReplicas. */
  limit: string;
  rate?: { kind: 'legacy'; limit: number } | PolicyLimit;
  desired: number;
}

export interface HpaSyncRecord {
  namespace: string;
  name: string;
  time: number;
  /** `Deployment/web`. */
  target: string;
  minReplicas: number;
  maxReplicas: number;
  outcome: SyncOutcome;
  currentReplicas?: number;
  error?: string;
  metrics?: MetricRecord[];
  normalization?: NormalizationRecord;
  desiredReplicas: number;
  rescale: boolean;
  rescaleReason?: string;
  /** The scale write failed with this error. */
  scaleError?: string;
}
