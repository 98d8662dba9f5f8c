/**
 * HPA conditions (upstream setConditionInList): a condition keeps its place in the list; its
 * lastTransitionTime moves only when its status flips.
 */
import { timestamp } from '../../core/time';
import type { HpaCondition } from './types';

export type ConditionType = 'AbleToScale' | 'ScalingActive' | 'ScalingLimited';

export interface ConditionChange {
  type: ConditionType;
  status: 'True' | 'False';
  reason: string;
  message: string;
}

export function setCondition(list: HpaCondition[] | undefined, change: ConditionChange, now: number): HpaCondition[] {
  const out = (list ?? []).map((c) => ({ ...c }));
  let existing = out.find((c) => c.type === change.type);
  if (!existing) {
    existing = { type: change.type, status: '' };
    out.push(existing);
  }
  if (existing.status !== change.status) existing.lastTransitionTime = timestamp(now);
  existing.status = change.status;
  existing.reason = change.reason;
  existing.message = change.message;
  // keep upstream's field order (type, status, lastTransitionTime, reason, message)
  return out.map(({ type, status, lastTransitionTime, reason, message }) =>
    ({ type, status, ...(lastTransitionTime ? { lastTransitionTime } : {}), reason, message }));
}

/** The messages upstream puts on each condition reason. */
export const CONDITIONS = {
  succeededGetScale: { type: 'AbleToScale', status: 'True', reason: 'SucceededGetScale', message: "the HPA controller was able to get the target's current scale" },
  readyForNewScale: { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size' },
  scalingDisabled: { type: 'ScalingActive', status: 'False', reason: 'ScalingDisabled', message: 'scaling is disabled since the replica count of the target is zero' },
  withinRange: { type: 'ScalingLimited', status: 'False', reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range' },
} satisfies Record<string, ConditionChange>;

export const failedGetScale = (err: string): ConditionChange =>
  ({ type: 'AbleToScale', status: 'False', reason: 'FailedGetScale', message: `the HPA controller was unable to get the target's current scale: ${err}` });

export const failedUpdateScale = (err: string): ConditionChange =>
  ({ type: 'AbleToScale', status: 'False', reason: 'FailedUpdateScale', message: `the HPA controller was unable to update the target scale: ${err}` });

export const succeededRescale = (replicas: number): ConditionChange =>
  ({ type: 'AbleToScale', status: 'True', reason: 'SucceededRescale', message: `the HPA controller was able to update the target scale to ${replicas}` });

export const validMetricFound = (metric: string): ConditionChange =>
  ({ type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: `the HPA was able to successfully calculate a replica count from ${metric}` });

/** upstream getUnableComputeReplicaCountCondition. */
export const unableToCompute = (reason: string, err: string): ConditionChange =>
  ({ type: 'ScalingActive', status: 'False', reason, message: `the HPA was unable to compute the replica count: ${err}` });

export const invalidSelector = (message: string, reason = 'InvalidSelector'): ConditionChange =>
  ({ type: 'ScalingActive', status: 'False', reason, message });
