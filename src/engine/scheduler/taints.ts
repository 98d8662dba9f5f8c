/**
 * Taint/toleration matching. upstream: k8s.io/api/core/v1 Toleration.ToleratesTaint,
 * pkg/apis/core/v1/helper FindMatchingUntoleratedTaint.
 */
import type { Taint, Toleration } from 'kubernetes-types/core/v1';

/** An empty effect matches every effect; an empty key with `Exists` matches every taint. */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  switch (toleration.operator ?? '') {
    case '':
    case 'Equal':
      return (toleration.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    // upstream KEP-5471: `Gt 900` tolerates a taint whose integer value is greater than 900
    case 'Gt':
    case 'Lt': {
      const have = Number(taint.value);
      const bound = Number(toleration.value);
      if (!/^-?\d+$/.test(taint.value ?? '') || !Number.isFinite(bound)) return false;
      return toleration.operator === 'Gt' ? have > bound : have < bound;
    }
    default:
      return false;
  }
}

export function tolerationsTolerateTaint(tolerations: readonly Toleration[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((t) => toleratesTaint(t, taint));
}

/** The taints that keep pods off a node at scheduling time. */
export const isDoNotScheduleTaint = (taint: Taint): boolean =>
  taint.effect === 'NoSchedule' || taint.effect === 'NoExecute';

/** The first taint (in the node's order) passing `include` that no toleration tolerates. */
export function findUntoleratedTaint(
  taints: readonly Taint[] | undefined,
  tolerations: readonly Toleration[] | undefined,
  include: (taint: Taint) => boolean,
): Taint | undefined {
  return (taints ?? []).find((taint) => include(taint) && !tolerationsTolerateTaint(tolerations, taint));
}
