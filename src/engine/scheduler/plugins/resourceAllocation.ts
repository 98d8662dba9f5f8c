/**
 * The arithmetic behind NodeResourcesFit's LeastAllocated score and NodeResourcesBalancedAllocation,
 * over cpu and memory (weight 1 each). Integer math as upstream.
 * upstream: plugins/noderesources/{resource_allocation,least_allocated,balanced_allocation}.go
 */
import { MAX_NODE_SCORE } from '../normalize';

export interface Usage {
  /** what the node would have requested with this pod on it */
  requested: number;
  allocatable: number;
}

function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/** Weighted mean of the free share of each resource; resources the node lacks are skipped. */
export function leastAllocatedScore(usage: readonly Usage[]): number {
  let total = 0;
  let weights = 0;
  for (const u of usage) {
    if (u.allocatable === 0) continue;
    total += leastRequestedScore(u.requested, u.allocatable);
    weights += 1;
  }
  return weights === 0 ? 0 : Math.trunc(total / weights);
}

/** 100 × (1 − standard deviation of the requested fractions): favours nodes used evenly. */
export function balancedAllocationScore(usage: readonly Usage[]): number {
  const fractions = usage
    .filter((u) => u.allocatable !== 0)
    .map((u) => Math.min(u.requested / u.allocatable, 1));
  let std = 0;
  if (fractions.length === 2) {
    std = Math.abs((fractions[0] - fractions[1]) / 2);
  } else if (fractions.length > 2) {
    const mean = fractions.reduce((a, b) => a + b, 0) / fractions.length;
    std = Math.sqrt(fractions.reduce((a, f) => a + (f - mean) ** 2, 0) / fractions.length);
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}
