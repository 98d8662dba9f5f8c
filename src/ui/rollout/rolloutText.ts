/**
 * The rollout panel's sentences, from a sample of the rollout series (`src/projections/rollout.ts`):
 * the strategy and its bounds, and the numbers at the cursor as one sentence (also the chart's
 * accessible value). Pure: takes the translator, English by default.
 */
import { englishT, type Translate } from '../../i18n/translate';
import type { RolloutSample } from '../../projections/rollout';

/** `Recreate, 3 replicas: …` or `RollingUpdate, 4 replicas: at most 5 Pods (4 + maxSurge 1), at least 3 available (…)`. */
export function strategyLine(s: RolloutSample, t: Translate = englishT): string {
  if (s.maxTotal === undefined || s.minAvailable === undefined) return t('rollout.recreateLine', { replicas: s.replicas });
  return t('rollout.rollingLine', { replicas: s.replicas, maxTotal: s.maxTotal, surge: s.maxTotal - s.replicas,
    minAvailable: s.minAvailable, unavailable: s.replicas - s.minAvailable });
}

const compare = (value: number, bound: number, atMost: boolean): string =>
  atMost ? (value <= bound ? '≤' : '>') : (value >= bound ? '≥' : '<');

/**
 * `Revision 2: 3 of 4 available, revision 1: 1 of 1 available — total 5 ≤ max 5; available 4 ≥ min 3`.
 * Revisions newest first; ReplicaSets with neither desired nor running Pods are left out. The
 * total is Σ spec.replicas, which is what the controller keeps within replicas + maxSurge.
 */
export function rolloutSummary(sample: RolloutSample | undefined, t: Translate = englishT): string {
  if (!sample) return t('rollout.summaryNone');
  const sets = Object.values(sample.sets)
    .filter((s) => s.spec > 0 || s.pods > 0)
    .sort((a, b) => b.revision - a.revision);
  // more available than desired: the ReplicaSet was just scaled down and its Pods are not deleted yet
  const parts = sets.map((s) => {
    const counts = { revision: s.revision || '?', available: s.available, desired: s.spec };
    return s.available > s.spec ? t('rollout.summaryScalingDown', counts) : t('rollout.summaryRevision', counts);
  });
  const head = parts.length ? parts.join(t('rollout.summarySeparator')) : t('rollout.summaryNoPods');
  const text = head.charAt(0).toUpperCase() + head.slice(1);
  if (sample.maxTotal === undefined || sample.minAvailable === undefined) {
    return t('rollout.summaryRecreate', { sets: text, total: sample.total, replicas: sample.replicas, available: sample.available });
  }
  return t('rollout.summaryRolling', {
    sets: text, total: sample.total, totalVsMax: compare(sample.total, sample.maxTotal, true), maxTotal: sample.maxTotal,
    available: sample.available, availableVsMin: compare(sample.available, sample.minAvailable, false), minAvailable: sample.minAvailable,
  });
}
