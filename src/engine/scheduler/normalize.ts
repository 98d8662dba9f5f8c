/** Score normalization shared by plugins. upstream: pkg/scheduler/framework/plugins/helper/normalize_score.go */
import type { NodeScore } from './framework';

export const MAX_NODE_SCORE = 100;

/**
 * Scales scores so the highest becomes 100 (integer division, like upstream); `reverse` turns
 * "more is worse" counts into "fewer is better". All zeros stay 0, or become 100 when reversed.
 */
export function defaultNormalizeScore(scores: readonly NodeScore[], reverse: boolean): number[] {
  const max = scores.reduce((m, s) => Math.max(m, s.score), 0);
  if (max === 0) return scores.map(() => (reverse ? MAX_NODE_SCORE : 0));
  return scores.map((s) => {
    const scaled = Math.trunc((MAX_NODE_SCORE * s.score) / max);
    return reverse ? MAX_NODE_SCORE - scaled : scaled;
  });
}
