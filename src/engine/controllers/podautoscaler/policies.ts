/**
 * The behavior's scaling policies (upstream calculateScaleUpLimitWithScalingRules /
 * calculateScaleDownLimitWithBehaviors). Each policy measures from the replica count at the start
 * of its period — the current count minus what was added, plus what was removed, within it.
 */
import type { ScaleEvent, ScalingPolicy, ScalingRules } from './types';

export interface PolicyProposal extends ScalingPolicy {
  periodStart: number;
  proposed: number;
}

export interface PolicyLimit {
  kind: 'policies';
  direction: 'up' | 'down';
  select: ScalingRules['selectPolicy'];
  proposals: PolicyProposal[];
  limit: number;
}

/** upstream getReplicasChangePerPeriod: events strictly within the last periodSeconds. */
export function changeInPeriod(periodSeconds: number, events: ScaleEvent[], now: number): number {
  const cutoff = now - periodSeconds * 1000;
  let sum = 0;
  for (const e of events) if (e.time > cutoff) sum += e.change;
  return sum;
}

function periodStart(current: number, p: ScalingPolicy, up: ScaleEvent[], down: ScaleEvent[], now: number): number {
  return current - changeInPeriod(p.periodSeconds, up, now) + changeInPeriod(p.periodSeconds, down, now);
}

export function scaleUpLimit(current: number, up: ScaleEvent[], down: ScaleEvent[], rules: ScalingRules, now: number): PolicyLimit {
  const base = { kind: 'policies' as const, direction: 'up' as const, select: rules.selectPolicy };
  if (rules.selectPolicy === 'Disabled') return { ...base, proposals: [], limit: current };
  const proposals = rules.policies.map((p) => {
    const start = periodStart(current, p, up, down, now);
    // upstream: a Percent proposal rounds up, or a small target could never grow
    const proposed = p.type === 'Pods' ? start + p.value : Math.ceil(start * (1 + p.value / 100));
    return { ...p, periodStart: start, proposed };
  });
  const values = proposals.map((p) => p.proposed);
  const limit = rules.selectPolicy === 'Min' ? Math.min(2 ** 31 - 1, ...values) : Math.max(-(2 ** 31), ...values);
  return { ...base, proposals, limit };
}

export function scaleDownLimit(current: number, up: ScaleEvent[], down: ScaleEvent[], rules: ScalingRules, now: number): PolicyLimit {
  const base = { kind: 'policies' as const, direction: 'down' as const, select: rules.selectPolicy };
  if (rules.selectPolicy === 'Disabled') return { ...base, proposals: [], limit: current };
  const proposals = rules.policies.map((p) => {
    const start = periodStart(current, p, up, down, now);
    const proposed = p.type === 'Pods' ? start - p.value : Math.trunc(start * (1 - p.value / 100));
    return { ...p, periodStart: start, proposed };
  });
  const values = proposals.map((p) => p.proposed);
  // for scaling down the smallest change is the highest count: Min keeps the max, Max the min
  const limit = rules.selectPolicy === 'Min' ? Math.max(-(2 ** 31), ...values) : Math.min(2 ** 31 - 1, ...values);
  return { ...base, proposals, limit };
}
