/**
 * What normalization did to an HPA's proposal, in the UI's language: the stabilization window,
 * min/max, and the scale-up/scale-down limits or behavior policies (upstream normalizeDesiredReplicas
 * and normalizeDesiredReplicasWithBehaviors). Mirrors the engine's explainer (podautoscaler/explain.ts).
 */
import type { PolicyLimit } from '../../engine/controllers/podautoscaler/policies';
import type { NormalizationRecord } from '../../engine/controllers/podautoscaler/syncRecord';
import { englishT, type Translate } from '../../i18n/translate';

/** `the scale-up policy (max(4 pods, 100%) in 15s)`. */
function policyText(rate: PolicyLimit, t: Translate): string {
  if (rate.select === 'Disabled') return rate.direction === 'up' ? t('hpa.scaleUpDisabled') : t('hpa.scaleDownDisabled');
  const periods = new Set(rate.proposals.map((p) => p.periodSeconds));
  const one = periods.size === 1;
  const parts = rate.proposals.map((p) => {
    const part = p.type === 'Pods' ? t('hpa.policyPods', { count: p.value }) : `${p.value}%`;
    return one ? part : t('hpa.inPeriod', { policy: part, period: p.periodSeconds });
  });
  const inner = parts.length === 1 ? parts[0] : `${rate.select === 'Min' ? 'min' : 'max'}(${parts.join(', ')})`;
  const policy = one ? t('hpa.inPeriod', { policy: inner, period: [...periods][0] }) : inner;
  return rate.direction === 'up' ? t('hpa.scaleUpPolicy', { policy }) : t('hpa.scaleDownPolicy', { policy });
}

/** How normalization moved the proposal, or '' when it did not. */
export function limitPhrase(n: NormalizationRecord, current: number, min: number, max: number, t: Translate = englishT): string {
  const parts: string[] = [];
  if (n.stabilized !== n.proposal) {
    parts.push(n.stabilization === 'ScaleUpStabilized'
      ? t('hpa.heldUp', { replicas: n.stabilized, window: n.window })
      : t('hpa.heldDown', { replicas: n.stabilized, window: n.window }));
  }
  if (n.desired !== n.stabilized) {
    switch (n.limit) {
      case 'TooManyReplicas': parts.push(t('hpa.cappedByMax', { max })); break;
      case 'TooFewReplicas': parts.push(t('hpa.raisedToMin', { min })); break;
      case 'ScaleUpLimit':
        parts.push(n.rate?.kind === 'policies' ? t('hpa.cappedByPolicy', { policy: policyText(n.rate, t), replicas: n.desired })
          : t('hpa.cappedByLegacyLimit', { current, replicas: n.desired }));
        break;
      case 'ScaleDownLimit':
        parts.push(n.rate?.kind === 'policies' ? t('hpa.limitedByPolicy', { policy: policyText(n.rate, t), replicas: n.desired })
          : t('hpa.limitedTo', { replicas: n.desired }));
        break;
    }
  }
  return parts.join(t('hpa.thenAlso'));
}

/** The policy arithmetic, for the detailed view: `Pods 4 per 15s from 3 at the period's start: 3 + 4 = 7; …`. */
export function policyLines(rate: PolicyLimit, t: Translate = englishT): string {
  const up = rate.direction === 'up';
  const lines = rate.proposals.map((p) => {
    const calc = p.type === 'Pods'
      ? `${p.periodStart} ${up ? '+' : '−'} ${p.value} = ${p.proposed}`
      : `${up ? 'ceil' : 'floor'}(${p.periodStart} × ${up ? 1 + p.value / 100 : 1 - p.value / 100}) = ${p.proposed}`;
    const policy = `${p.type} ${p.value}${p.type === 'Percent' ? '%' : ''}`;
    return t('hpa.policyLine', { policy, period: p.periodSeconds, start: p.periodStart, calc });
  });
  return t('hpa.policySelect', { lines: lines.join(t('hpa.semicolon')), select: rate.select, limit: rate.limit });
}
