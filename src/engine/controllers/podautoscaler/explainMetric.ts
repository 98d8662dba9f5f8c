/**
 * One metric's calculation in words, numbers filled in:
 * `cpu: 3 Pods use 540m of 300m requested = 180% (target 50%) → desired = ceil(3 × 180% / 50%) = 11`.
 */
import { formatBytesApprox, formatCpu } from '../../util/quantity';
import type { ReplicaCalc } from './replicaCalculator';
import type { MetricRecord } from './syncRecord';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `1 Pod uses`, `3 Pods use`. */
const podsUse = (n: number) => `${plural(n, 'Pod')} ${n === 1 ? 'uses' : 'use'}`;

/** A milli-unit amount of a resource as a learner reads it: `540m` CPU, `120Mi` memory. */
export function amount(resource: string, milli: number): string {
  if (resource === 'cpu') return formatCpu(Math.round(milli));
  if (resource === 'memory') return formatBytesApprox(milli / 1000);
  return formatCpu(Math.round(milli));
}

/** `180%` or `120Mi`: a current or target value in the metric's own terms. */
function value(calc: ReplicaCalc, v: number): string {
  return calc.mode === 'Utilization' ? `${v}%` : amount(calc.resource, v);
}

function firstPass(calc: ReplicaCalc): string {
  const pods = podsUse(calc.measured);
  if (calc.mode === 'Utilization') {
    return `${pods} ${amount(calc.resource, calc.usage)} of ${amount(calc.resource, calc.requests ?? 0)} requested`
      + ` = ${calc.current}% (target ${calc.target}%)`;
  }
  return `${pods} ${value(calc, calc.current)} each on average (target ${value(calc, calc.target)})`;
}

function groupsNote(calc: ReplicaCalc): string {
  const g = calc.groups;
  const parts: string[] = [];
  if (g.ignored.length) parts.push(`${plural(g.ignored.length, 'Pod')} being deleted or Failed ignored`);
  if (g.unready.length && !calc.second?.unreadyAsZero) parts.push(`${plural(g.unready.length, 'not-ready Pod')} left out`);
  return parts.length ? ` (${parts.join('; ')})` : '';
}

function secondPassNote(calc: ReplicaCalc): string {
  const s = calc.second!;
  const parts: string[] = [];
  if (s.unreadyAsZero) parts.push(`${plural(calc.groups.unready.length, 'not-ready Pod')} counted as idle`);
  const missing = calc.groups.missing.length;
  if (s.missingAs === 'zero') parts.push(`${plural(missing, 'Pod')} without metrics counted as idle`);
  if (s.missingAs === 'request') parts.push(`${plural(missing, 'Pod')} without metrics counted at 100% of request`);
  if (s.missingAs === 'target') parts.push(`${plural(missing, 'Pod')} without metrics counted at the target`);
  const direction = calc.ratio > 1 ? 'scaling up' : 'scaling down';
  return `; ${direction}, so ${parts.join(' and ')}: ${plural(s.pods, 'Pod')} at ${value(calc, s.current)}`;
}

const ratioText = (calc: ReplicaCalc, current: number) =>
  `|1 − ${value(calc, current)} / ${value(calc, calc.target)}| = ${Math.abs(1 - current / calc.target).toFixed(2)}`;

/** The formula and its outcome for one metric. */
export function explainCalc(calc: ReplicaCalc): string {
  const head = firstPass(calc) + groupsNote(calc);
  const keep = `stay at ${calc.currentReplicas}`;
  switch (calc.step) {
    case 'tolerance':
      return `${head}: ${ratioText(calc, calc.current)} is within the 0.1 tolerance → ${keep}`;
    case 'formula':
      return `${head} → desired = ceil(${calc.groups.readyCount} × ${value(calc, calc.current)} / ${value(calc, calc.target)}) = ${calc.replicas}`;
    case 'second-pass':
      return `${head}${secondPassNote(calc)} → desired = ceil(${calc.second!.pods} × ${value(calc, calc.second!.current)}`
        + ` / ${value(calc, calc.target)}) = ${calc.replicas}`;
    case 'second-pass-tolerance':
      return `${head}${secondPassNote(calc)}: ${ratioText(calc, calc.second!.current)} is within the 0.1 tolerance → ${keep}`;
    case 'second-pass-flip':
      return `${head}${secondPassNote(calc)}, which reverses the direction → ${keep}`;
    case 'second-pass-count':
      return `${head}${secondPassNote(calc)}, but that count would move the other way → ${keep}`;
  }
}

export function explainMetric(m: MetricRecord): string {
  if (m.error !== undefined) return `${m.label}: ${m.error}`;
  return `${m.label}: ${m.calc ? explainCalc(m.calc) : `desired ${m.replicas}`}`;
}

/** The short form for a Step: `desired = ceil(3 × 180% / 50%) = 11`, or why it stays. */
export function formulaOf(m: MetricRecord): string {
  const calc = m.calc;
  if (!calc) return `${m.label} proposes ${m.replicas}`;
  const target = value(calc, calc.target);
  const second = calc.second;
  switch (calc.step) {
    case 'formula':
      return `desired = ceil(${calc.groups.readyCount} × ${value(calc, calc.current)} / ${target}) = ${calc.replicas}`;
    case 'second-pass':
      return `desired = ceil(${second!.pods} × ${value(calc, second!.current)} / ${target}) = ${calc.replicas}`;
    case 'tolerance':
    case 'second-pass-tolerance':
      return `${m.label} at ${value(calc, second?.current ?? calc.current)} of target ${target} is within the 0.1 tolerance: desired stays ${calc.replicas}`;
    default:
      return `${m.label} at ${value(calc, calc.current)} of target ${target}, but counting the not-ready and unmeasured Pods`
        + ` gives ${value(calc, second!.current)} over ${plural(second!.pods, 'Pod')}, the other way: desired stays ${calc.replicas}`;
  }
}
