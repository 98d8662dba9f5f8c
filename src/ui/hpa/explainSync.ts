/**
 * An HPA sync in words, in the UI's language, from the controller's HpaSyncRecord: explainSync()
 * gives every line (the target, one per metric, then stabilization and limits, then the decision);
 * syncSummary() the one sentence:
 * `desired = ceil(3 × 180% / 50%) = 11, capped by the scale-up limit max(2 × 3, 4) to 6`.
 * Pure (no React). The engine words the same record for its Steps in English (podautoscaler/explain.ts);
 * this is the panel's translatable wording, the same English but for plurals ("1 Pod uses", "1 replica").
 * Targets, labels, errors and reasons are the engine's data and stay as they are.
 */
import type { HpaSyncRecord } from '../../engine/controllers/podautoscaler/syncRecord';
import { englishT, type Translate } from '../../i18n/translate';
import { formulaOf, explainMetric } from './explainMetric';
import { limitPhrase, policyLines } from './explainLimits';


/** The metric whose proposal won (the highest), as upstream computeReplicasForMetrics picks it. */
const winner = (r: HpaSyncRecord) => {
  const valid = (r.metrics ?? []).filter((m) => m.error === undefined);
  return valid.reduce<typeof valid[number] | undefined>((best, m) => (!best || (m.replicas ?? 0) > (best.replicas ?? 0) ? m : best), undefined);
};

/** One sentence: the formula of the deciding metric and what limited it. */
export function syncSummary(r: HpaSyncRecord, t: Translate = englishT): string {
  const current = r.currentReplicas ?? 0;
  switch (r.outcome) {
    case 'failed-get-scale': return t('hpa.cannotReadScale', { target: r.target, error: r.error ?? '' });
    case 'scaling-disabled': return t('hpa.scalingDisabled', { target: r.target });
    case 'above-max': return t('hpa.aboveMax', { target: r.target, count: current, max: r.maxReplicas });
    case 'below-min': return t('hpa.belowMin', { target: r.target, count: current, min: r.minReplicas });
    case 'failed-metrics': return t('hpa.noReplicaCount', { error: r.error ?? '' });
  }
  const best = winner(r);
  const head = best ? formulaOf(best, t) : t('hpa.desiredPlain', { replicas: r.normalization?.proposal ?? current });
  const limit = r.normalization ? limitPhrase(r.normalization, current, r.minReplicas, r.maxReplicas, t) : '';
  return limit ? t('hpa.limited', { head, limit }) : head;
}

/** Every line of the calculation, for the HPA panel. */
export function explainSync(r: HpaSyncRecord, t: Translate = englishT): string[] {
  const range = { target: r.target, min: r.minReplicas, max: r.maxReplicas };
  const lines = [r.currentReplicas === undefined ? t('hpa.targetUnknownReplicas', range)
    : t('hpa.targetReplicas', { ...range, count: r.currentReplicas })];
  for (const m of r.metrics ?? []) lines.push(explainMetric(m, t));
  const n = r.normalization;
  if (n) {
    lines.push(t('hpa.highestProposal', { replicas: n.proposal }));
    if (n.stabilized !== n.proposal || n.desired !== n.stabilized) lines.push(limitPhrase(n, r.currentReplicas ?? 0, r.minReplicas, r.maxReplicas, t));
    if (n.rate?.kind === 'policies' && n.rate.proposals.length && n.desired !== n.stabilized) lines.push(policyLines(n.rate, t));
  } else if (r.outcome !== 'computed') {
    lines.push(syncSummary(r, t));
  }
  if (r.scaleError) lines.push(t('hpa.scaleFailed', { target: r.target, replicas: r.desiredReplicas, error: r.scaleError }));
  else if (r.rescale) {
    lines.push(t('hpa.scaled', { target: r.target, from: r.currentReplicas ?? '', to: r.desiredReplicas, reason: r.rescaleReason ?? '' }));
  } else if (r.outcome !== 'failed-get-scale' && r.outcome !== 'failed-metrics') lines.push(t('hpa.stays', { target: r.target, replicas: r.desiredReplicas }));
  return lines;
}
