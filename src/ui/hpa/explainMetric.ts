/**
 * One metric of an HPA sync in words, numbers filled in, in the UI's language:
 * `cpu: 3 Pods use 540m of 300m requested = 180% (target 50%) → desired = ceil(3 × 180% / 50%) = 11`.
 * Pure (no React). The wording follows the engine's explainer (src/engine/controllers/podautoscaler/explainMetric.ts,
 * whose English the Steps keep); labels, errors and quantities are the engine's data, never translated.
 */
import { amount } from '../../engine/controllers/podautoscaler/explainMetric';
import type { ReplicaCalc } from '../../engine/controllers/podautoscaler/replicaCalculator';
import type { MetricRecord } from '../../engine/controllers/podautoscaler/syncRecord';
import { englishT, type Translate } from '../../i18n/translate';

/** `180%` or `120Mi`: a current or target value in the metric's own terms. */
function value(calc: ReplicaCalc, v: number): string {
  return calc.mode === 'Utilization' ? `${v}%` : amount(calc.resource, v);
}

function firstPass(calc: ReplicaCalc, t: Translate): string {
  if (calc.mode === 'Utilization') {
    return t('hpa.podsUseRequested', {
      count: calc.measured, usage: amount(calc.resource, calc.usage), requests: amount(calc.resource, calc.requests ?? 0),
      current: calc.current, target: calc.target,
    });
  }
  return t('hpa.podsUseAverage', { count: calc.measured, current: value(calc, calc.current), target: value(calc, calc.target) });
}

function groupsNote(calc: ReplicaCalc, t: Translate): string {
  const g = calc.groups;
  const parts: string[] = [];
  if (g.ignored.length) parts.push(t('hpa.podsIgnored', { count: g.ignored.length }));
  if (g.unready.length && !calc.second?.unreadyAsZero) parts.push(t('hpa.unreadyLeftOut', { count: g.unready.length }));
  return parts.length ? t('hpa.note', { note: parts.join(t('hpa.semicolon')) }) : '';
}

function secondPassNote(calc: ReplicaCalc, t: Translate): string {
  const s = calc.second!;
  const parts: string[] = [];
  if (s.unreadyAsZero) parts.push(t('hpa.unreadyAsIdle', { count: calc.groups.unready.length }));
  const missing = calc.groups.missing.length;
  if (s.missingAs === 'zero') parts.push(t('hpa.missingAsIdle', { count: missing }));
  if (s.missingAs === 'request') parts.push(t('hpa.missingAsRequest', { count: missing }));
  if (s.missingAs === 'target') parts.push(t('hpa.missingAsTarget', { count: missing }));
  const params = { parts: parts.join(t('hpa.and')), count: s.pods, value: value(calc, s.current) };
  return calc.ratio > 1 ? t('hpa.secondPassUp', params) : t('hpa.secondPassDown', params);
}

const ratioText = (calc: ReplicaCalc, current: number) =>
  `|1 − ${value(calc, current)} / ${value(calc, calc.target)}| = ${Math.abs(1 - current / calc.target).toFixed(2)}`;

const desired = (t: Translate, pods: number, calc: ReplicaCalc, current: number) =>
  t('hpa.desiredCeil', { pods, current: value(calc, current), target: value(calc, calc.target), replicas: calc.replicas });

/** The formula and its outcome for one metric. */
export function explainCalc(calc: ReplicaCalc, t: Translate = englishT): string {
  const head = firstPass(calc, t) + groupsNote(calc, t);
  const stay = calc.currentReplicas;
  switch (calc.step) {
    case 'tolerance':
      return t('hpa.withinTolerance', { head, ratio: ratioText(calc, calc.current), replicas: stay });
    case 'formula':
      return t('hpa.then', { head, desired: desired(t, calc.groups.readyCount, calc, calc.current) });
    case 'second-pass':
      return t('hpa.then', { head: head + secondPassNote(calc, t), desired: desired(t, calc.second!.pods, calc, calc.second!.current) });
    case 'second-pass-tolerance':
      return t('hpa.withinTolerance', { head: head + secondPassNote(calc, t), ratio: ratioText(calc, calc.second!.current), replicas: stay });
    case 'second-pass-flip':
      return t('hpa.reversesDirection', { head: head + secondPassNote(calc, t), replicas: stay });
    case 'second-pass-count':
      return t('hpa.otherWay', { head: head + secondPassNote(calc, t), replicas: stay });
  }
}

export function explainMetric(m: MetricRecord, t: Translate = englishT): string {
  if (m.error !== undefined) return t('hpa.metricError', { label: m.label, error: m.error });
  return t('hpa.labelled', { label: m.label, text: m.calc ? explainCalc(m.calc, t) : t('hpa.desiredPlain', { replicas: m.replicas ?? '' }) });
}

/** The short form: `desired = ceil(3 × 180% / 50%) = 11`, or why it stays. */
export function formulaOf(m: MetricRecord, t: Translate = englishT): string {
  const calc = m.calc;
  if (!calc) return t('hpa.proposes', { label: m.label, replicas: m.replicas ?? '' });
  const target = value(calc, calc.target);
  const second = calc.second;
  switch (calc.step) {
    case 'formula':
      return desired(t, calc.groups.readyCount, calc, calc.current);
    case 'second-pass':
      return desired(t, second!.pods, calc, second!.current);
    case 'tolerance':
    case 'second-pass-tolerance':
      return t('hpa.staysWithinTolerance', { label: m.label, current: value(calc, second?.current ?? calc.current), target, replicas: calc.replicas });
    default:
      return t('hpa.staysOtherWay', {
        label: m.label, current: value(calc, calc.current), target, second: value(calc, second!.current), pods: second!.pods, replicas: calc.replicas,
      });
  }
}
