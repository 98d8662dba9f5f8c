/**
 * An HPA sync in words, from its HpaSyncRecord: explainSync() gives every line (one per metric,
 * then stabilization and limits, then the decision); syncSummary() the one sentence a Step shows:
 * `desired = ceil(3 × 180% / 50%) = 11, capped by the scale-up limit max(2 × 3, 4) to 6`.
 */
import { explainMetric, formulaOf } from './explainMetric';
import type { PolicyLimit } from './policies';
import type { HpaSyncRecord, NormalizationRecord } from './syncRecord';

const replicas = (n: number) => `${n} replica${n === 1 ? '' : 's'}`;

function policyText(rate: PolicyLimit): string {
  if (rate.select === 'Disabled') return `scale-${rate.direction} is disabled (selectPolicy: Disabled)`;
  const periods = new Set(rate.proposals.map((p) => p.periodSeconds));
  const one = periods.size === 1;
  const parts = rate.proposals.map((p) => `${p.value}${p.type === 'Pods' ? (p.value === 1 ? ' pod' : ' pods') : '%'}${one ? '' : ` in ${p.periodSeconds}s`}`);
  const inner = parts.length === 1 ? parts[0] : `${rate.select === 'Min' ? 'min' : 'max'}(${parts.join(', ')})`;
  return `the scale-${rate.direction} policy (${inner}${one ? ` in ${[...periods][0]}s` : ''})`;
}

/** How normalization moved the proposal, or '' when it did not. */
export function limitPhrase(n: NormalizationRecord, current: number, min: number, max: number): string {
  const parts: string[] = [];
  if (n.stabilized !== n.proposal) {
    parts.push(n.stabilization === 'ScaleUpStabilized'
      ? `held at ${n.stabilized} by the ${n.window}s scale-up stabilization window (lowest recent recommendation)`
      : `held at ${n.stabilized} by the ${n.window}s scale-down stabilization window (highest recent recommendation)`);
  }
  if (n.desired !== n.stabilized) {
    switch (n.limit) {
      case 'TooManyReplicas': parts.push(`capped by maxReplicas to ${max}`); break;
      case 'TooFewReplicas': parts.push(`raised to minReplicas ${min}`); break;
      case 'ScaleUpLimit':
        parts.push(n.rate?.kind === 'policies' ? `capped by ${policyText(n.rate)} to ${n.desired}`
          : `capped by the scale-up limit max(2 × ${current}, 4) to ${n.desired}`);
        break;
      case 'ScaleDownLimit':
        parts.push(n.rate?.kind === 'policies' ? `limited by ${policyText(n.rate)} to ${n.desired}` : `limited to ${n.desired}`);
        break;
    }
  }
  return parts.join(', then ');
}

/** The policy arithmetic, for the detailed view: `Pods 4 per 15s: 3 + 4 = 7; Percent 100% per 15s: ceil(3 × 2) = 6`. */
function policyLines(rate: PolicyLimit): string {
  return rate.proposals.map((p) => {
    const calc = p.type === 'Pods'
      ? `${p.periodStart} ${rate.direction === 'up' ? '+' : '−'} ${p.value} = ${p.proposed}`
      : `${rate.direction === 'up' ? 'ceil' : 'floor'}(${p.periodStart} × ${rate.direction === 'up' ? 1 + p.value / 100 : 1 - p.value / 100}) = ${p.proposed}`;
    return `${p.type} ${p.value}${p.type === 'Percent' ? '%' : ''} per ${p.periodSeconds}s from ${p.periodStart} at the period's start: ${calc}`;
  }).join('; ') + `; selectPolicy ${rate.select} → at most ${rate.limit}`;
}

const winner = (r: HpaSyncRecord) => {
  const valid = (r.metrics ?? []).filter((m) => m.error === undefined);
  return valid.reduce<typeof valid[number] | undefined>((best, m) => (!best || (m.replicas ?? 0) > (best.replicas ?? 0) ? m : best), undefined);
};

/** One sentence: the formula of the deciding metric and what limited it. */
export function syncSummary(r: HpaSyncRecord): string {
  const current = r.currentReplicas ?? 0;
  switch (r.outcome) {
    case 'failed-get-scale': return `cannot read the scale of ${r.target}: ${r.error}`;
    case 'scaling-disabled': return `${r.target} has 0 replicas, so autoscaling is disabled until it is scaled up`;
    case 'above-max': return `${r.target} has ${replicas(current)}, above maxReplicas ${r.maxReplicas}: desired = ${r.maxReplicas}`;
    case 'below-min': return `${r.target} has ${replicas(current)}, below minReplicas ${r.minReplicas}: desired = ${r.minReplicas}`;
    case 'failed-metrics': return `no replica count can be computed: ${r.error}`;
  }
  const best = winner(r);
  const head = best ? formulaOf(best) : `desired ${r.normalization?.proposal ?? current}`;
  const limit = r.normalization ? limitPhrase(r.normalization, current, r.minReplicas, r.maxReplicas) : '';
  return limit ? `${head}, ${limit}` : head;
}

/** Every line of the calculation, for the inspector. */
export function explainSync(r: HpaSyncRecord): string[] {
  const count = r.currentReplicas === undefined ? '? replicas' : replicas(r.currentReplicas);
  const lines = [`${r.target}: ${count} (min ${r.minReplicas}, max ${r.maxReplicas})`];
  for (const m of r.metrics ?? []) lines.push(explainMetric(m));
  const n = r.normalization;
  if (n) {
    lines.push(`highest proposal: ${n.proposal}`);
    if (n.stabilized !== n.proposal || n.desired !== n.stabilized) lines.push(limitPhrase(n, r.currentReplicas ?? 0, r.minReplicas, r.maxReplicas));
    if (n.rate?.kind === 'policies' && n.rate.proposals.length && n.desired !== n.stabilized) lines.push(policyLines(n.rate));
  } else if (r.outcome !== 'computed') {
    lines.push(syncSummary(r));
  }
  if (r.scaleError) lines.push(`scaling ${r.target} to ${r.desiredReplicas} failed: ${r.scaleError}`);
  else if (r.rescale) lines.push(`${r.target} scaled from ${r.currentReplicas} to ${r.desiredReplicas} (reason: ${r.rescaleReason})`);
  else if (r.outcome !== 'failed-get-scale' && r.outcome !== 'failed-metrics') lines.push(`${r.target} stays at ${r.desiredReplicas}`);
  return lines;
}
