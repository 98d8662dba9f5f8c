/**
 * Which NoExecute taints a Pod tolerates, and for how long.
 * upstream: pkg/apis/core/v1/helper GetMatchingTolerations, pkg/controller/tainteviction getMinTolerationTime
 */
import type { Taint, Toleration } from 'kubernetes-types/core/v1';
import { toleratesTaint } from '../../scheduler/taints';

/** For every taint the first toleration that tolerates it; `allTolerated` false when one has none. */
export function matchingTolerations(taints: readonly Taint[], tolerations: readonly Toleration[]): { allTolerated: boolean; used: Toleration[] } {
  const used: Toleration[] = [];
  for (const taint of taints) {
    const match = tolerations.find((t) => toleratesTaint(t, taint));
    if (!match) return { allTolerated: false, used: [] };
    used.push(match);
  }
  return { allTolerated: true, used };
}

/** The shortest tolerationSeconds among `used`, in ms: 0 for none used or any ≤ 0, -1 for "forever". */
export function minTolerationMs(used: readonly Toleration[]): number {
  if (used.length === 0) return 0;
  let min = Infinity;
  for (const t of used) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    if (t.tolerationSeconds <= 0) return 0;
    min = Math.min(min, t.tolerationSeconds);
  }
  return min === Infinity ? -1 : min * 1000;
}
