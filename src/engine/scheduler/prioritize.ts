/**
 * The scoring half of a scheduling cycle: PreScore, Score, NormalizeScore, weights, then a uniform
 * random pick among the best. upstream: schedule_one.go (prioritizeNodes, selectHost),
 * framework/runtime/framework.go (RunScorePlugins)
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { Random } from '../core/random';
import type { CycleContext, NodeInfo, Plugin } from './framework';

export interface NodeScores {
  node: string;
  total: number;
  /** weighted score per plugin that took part */
  byPlugin: Record<string, number>;
}

export function prioritizeNodes(
  ctx: CycleContext, pod: Pod, plugins: readonly Plugin[], feasible: readonly NodeInfo[],
): NodeScores[] {
  const result: NodeScores[] = feasible.map((n) => ({ node: n.name, total: 0, byPlugin: {} }));
  for (const plugin of plugins) {
    if (!plugin.score) continue;
    if (plugin.preScore?.(ctx, pod, feasible)?.skip) continue;
    const raw = feasible.map((n) => ({ node: n.name, score: plugin.score!(ctx, pod, n) }));
    const normalized = plugin.normalize ? plugin.normalize(raw, ctx, pod) : raw.map((s) => s.score);
    const weight = plugin.weight ?? 1;
    normalized.forEach((s, i) => {
      result[i].byPlugin[plugin.name] = s * weight;
      result[i].total += s * weight;
    });
  }
  return result;
}

/**
 * The highest total wins; ties are broken uniformly at random by reservoir sampling, in node order.
 * `scores` must not be empty.
 */
export function selectHost(scores: readonly NodeScores[], rng: Random): string {
  let best = scores[0];
  let ties = 1;
  for (const s of scores.slice(1)) {
    if (s.total > best.total) {
      best = s;
      ties = 1;
    } else if (s.total === best.total) {
      ties++;
      if (rng.int(ties) === 0) best = s;
    }
  }
  return best.node;
}
