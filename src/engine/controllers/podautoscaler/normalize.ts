/**
 * From the metrics' proposal to the replica count actually set (upstream horizontal.go
 * normalizeDesiredReplicas / normalizeDesiredReplicasWithBehaviors). Pure: the per-HPA history of
 * recommendations and scale events goes in and comes back updated; nothing is mutated.
 */
import { CONDITIONS, type ConditionChange } from './conditions';
import { DOWNSCALE_STABILIZATION_WINDOW_MS, type Behavior, type ScaleHistory, type ScalingRules } from './types';
import { scaleDownLimit, scaleUpLimit, type PolicyLimit } from './policies';

export interface Normalized {
  /** After stabilization, before the rate limits and min/max. */
  stabilized: number;
  desired: number;
  /** AbleToScale: ReadyForNewScale, ScaleDownStabilized or ScaleUpStabilized. */
  ableToScale: ConditionChange;
  /** ScalingLimited: False DesiredWithinRange, or True with the limit that bit. */
  limited: ConditionChange;
  /** The rate limit considered (legacy max(2×current, 4), or the behavior's policies). */
  rate?: { kind: 'legacy'; limit: number } | PolicyLimit;
  /** The stabilization window used, in seconds. */
  window: number;
  history: ScaleHistory;
}

export interface NormalizeInput {
  history: ScaleHistory;
  now: number;
  currentReplicas: number;
  proposal: number;
  minReplicas: number;
  maxReplicas: number;
}

const limitedBy = (reason: string, message: string, limited: boolean): ConditionChange =>
  ({ type: 'ScalingLimited', status: limited ? 'True' : 'False', reason, message });

const MESSAGES = {
  ScaleUpLimit: 'the desired replica count is increasing faster than the maximum scale rate',
  ScaleDownLimit: 'the desired replica count is decreasing faster than the maximum scale rate',
  TooManyReplicas: 'the desired replica count is more than the maximum replica count',
  TooFewReplicas: 'the desired replica count is less than the minimum replica count',
};

/** upstream recordInitialRecommendation: the first sync remembers the current size as a recommendation. */
export function recordInitialRecommendation(history: ScaleHistory, current: number, now: number): ScaleHistory {
  return history.recommendations.length ? history : { ...history, recommendations: [{ replicas: current, time: now }] };
}

/** Replaces the last sample flagged old, or appends (upstream keeps the list bounded this way). */
function record<T>(list: T[], old: number, item: T): T[] {
  const out = [...list];
  if (old >= 0) out[old] = item;
  else out.push(item);
  return out;
}

/** Without behavior: the highest recommendation of the last 300s, then min/max and max(2×current, 4). */
export function normalizeLegacy(input: NormalizeInput): Normalized {
  const { history, now, currentReplicas: current, proposal } = input;
  const cutoff = now - DOWNSCALE_STABILIZATION_WINDOW_MS;
  let stabilized = proposal;
  let old = -1;
  history.recommendations.forEach((r, i) => {
    if (r.time < cutoff) old = i;
    else if (r.replicas > stabilized) stabilized = r.replicas;
  });
  const recommendations = record(history.recommendations, old, { replicas: proposal, time: now });
  const ableToScale: ConditionChange = stabilized !== proposal
    ? { type: 'AbleToScale', status: 'True', reason: 'ScaleDownStabilized', message: 'recent recommendations were higher than current one, applying the highest recent recommendation' }
    : CONDITIONS.readyForNewScale;
  // upstream calculateScaleUpLimit / convertDesiredReplicasWithRules
  const limit = Math.trunc(Math.max(2 * current, 4));
  const [maxAllowed, upReason] = input.maxReplicas > limit ? [limit, 'ScaleUpLimit'] : [input.maxReplicas, 'TooManyReplicas'];
  let desired = stabilized;
  let reason = 'DesiredWithinRange';
  if (stabilized < input.minReplicas) [desired, reason] = [input.minReplicas, 'TooFewReplicas'];
  else if (stabilized > maxAllowed) [desired, reason] = [maxAllowed, upReason];
  const limited = reason === 'DesiredWithinRange' ? CONDITIONS.withinRange
    : limitedBy(reason, MESSAGES[reason as keyof typeof MESSAGES], desired !== stabilized);
  return { stabilized, desired, ableToScale, limited, rate: { kind: 'legacy', limit }, window: 300, history: { ...history, recommendations } };
}

/** With behavior: both stabilization windows, then the scaling policies and min/max. */
export function normalizeWithBehavior(input: NormalizeInput, behavior: Behavior): Normalized {
  const { history, now, currentReplicas: current, proposal } = input;
  const upCutoff = now - behavior.scaleUp.stabilizationWindowSeconds * 1000;
  const downCutoff = now - behavior.scaleDown.stabilizationWindowSeconds * 1000;
  let up = proposal;
  let down = proposal;
  let old = -1;
  history.recommendations.forEach((r, i) => {
    if (r.time > upCutoff) up = Math.min(r.replicas, up);
    if (r.time > downCutoff) down = Math.max(r.replicas, down);
    if (r.time < upCutoff && r.time < downCutoff) old = i;
  });
  let stabilized = current;
  if (stabilized < up) stabilized = up;
  if (stabilized > down) stabilized = down;
  const recommendations = record(history.recommendations, old, { replicas: proposal, time: now });
  const ableToScale: ConditionChange = stabilized === proposal ? CONDITIONS.readyForNewScale
    : proposal >= current
      ? { type: 'AbleToScale', status: 'True', reason: 'ScaleUpStabilized', message: 'recent recommendations were lower than current one, applying the lowest recent recommendation' }
      : { type: 'AbleToScale', status: 'True', reason: 'ScaleDownStabilized', message: 'recent recommendations were higher than current one, applying the highest recent recommendation' };
  const next = { ...history, recommendations };
  const rated = applyRate(stabilized, input, behavior, now);
  const window = (proposal >= current ? behavior.scaleUp : behavior.scaleDown).stabilizationWindowSeconds;
  return { stabilized, ...rated, ableToScale, window, history: next };
}

/** upstream convertDesiredReplicasWithBehaviorRate. */
function applyRate(desired: number, input: NormalizeInput, behavior: Behavior, now: number):
  { desired: number; limited: ConditionChange; rate?: PolicyLimit } {
  const current = input.currentReplicas;
  const { scaleUp, scaleDown } = input.history;
  if (desired > current) {
    const rate = scaleUpLimit(current, scaleUp, scaleDown, behavior.scaleUp, now);
    const limit = Math.max(rate.limit, current);
    const [maxAllowed, reason] = input.maxReplicas > limit ? [limit, 'ScaleUpLimit'] : [input.maxReplicas, 'TooManyReplicas'];
    if (desired > maxAllowed) return { desired: maxAllowed, limited: limitedBy(reason, MESSAGES[reason as 'ScaleUpLimit'], true), rate };
    return { desired, limited: CONDITIONS.withinRange, rate };
  }
  if (desired < current) {
    const rate = scaleDownLimit(current, scaleUp, scaleDown, behavior.scaleDown, now);
    const limit = Math.min(rate.limit, current);
    const [minAllowed, reason] = input.minReplicas < limit ? [limit, 'ScaleDownLimit'] : [input.minReplicas, 'TooFewReplicas'];
    if (desired < minAllowed) return { desired: minAllowed, limited: limitedBy(reason, MESSAGES[reason as 'ScaleDownLimit'], true), rate };
    return { desired, limited: CONDITIONS.withinRange, rate };
  }
  return { desired, limited: CONDITIONS.withinRange };
}

/** upstream storeScaleEvent: remember a rescale for the policies' periods (only with behavior). */
export function storeScaleEvent(history: ScaleHistory, behavior: Behavior | undefined, now: number, prev: number, next: number): ScaleHistory {
  if (!behavior) return history;
  const upward = next > prev;
  const rules: ScalingRules = upward ? behavior.scaleUp : behavior.scaleDown;
  const longest = Math.max(0, ...rules.policies.map((p) => p.periodSeconds));
  const cutoff = now - longest * 1000;
  const events = (upward ? history.scaleUp : history.scaleDown).map((e) => (e.time < cutoff ? { ...e, outdated: true } : e));
  let old = -1;
  events.forEach((e, i) => {
    if (e.outdated) old = i;
  });
  const stored = record(events, old, { change: Math.abs(next - prev), time: now, outdated: false });
  return upward ? { ...history, scaleUp: stored } : { ...history, scaleDown: stored };
}
