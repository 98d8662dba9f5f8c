import { useMemo } from 'react';
import { usePlayground } from '../../../store';
import { filterStepIndices, isFilterActive, needsObjectIndex } from '../../../projections/stepFilter';
import { objectIndexFor } from '../../../projections/stepFilterIndex';
import { groupSteps, listRows, type StepGroup, type StepListRow } from '../../../projections/stepGroups';

/** The Step list's rows for the current filter and grouping, read by position (virtual list). */
export interface StepRows {
  length: number;
  row(position: number): StepListRow;
  /** The row that shows the cursor's Step (or the nearest row before it when that Step is hidden). */
  positionOf(stepIndex: number): number;
  /** Whether the Step at `index` is shown (it matches the filter). */
  visible(index: number): boolean;
  /** How many Steps the filter shows; null without a filter. */
  matching: number | null;
  groups: StepGroup[] | null;
}

/** The last position whose key is at most `index` in an ascending list (binary search), or 0. */
function floorPosition(sorted: readonly number[], index: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= index) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}

function rowSpan(r: StepListRow): [number, number] {
  return r.type === 'step' ? [r.index, r.index] : [r.group.first, r.group.last];
}

/**
 * Filters and groups the Steps. Every write without a filter is the identity (no arrays built,
 * so ten thousand Steps cost nothing); otherwise one O(n) pass each time the Steps grow.
 */
export function useStepRows(expanded: ReadonlySet<number>): StepRows {
  const cluster = usePlayground((s) => s.cluster);
  const count = usePlayground((s) => s.cluster.steps.length);
  const filter = usePlayground((s) => s.stepFilter);
  const grouping = usePlayground((s) => s.stepGrouping);

  const indices = useMemo(() => {
    if (!isFilterActive(filter)) return null;
    const touched = needsObjectIndex(filter) ? (i: number) => objectIndexFor(cluster).touched(i) : () => [];
    return filterStepIndices(cluster.steps, filter, touched);
    // count: the Steps array grows in place
  }, [cluster, count, filter]);

  const groups = useMemo(
    () => (grouping === 'write' ? null : groupSteps(cluster.steps, indices, grouping)),
    [cluster, count, indices, grouping],
  );

  return useMemo((): StepRows => {
    const matching = indices ? indices.length : null;
    const shown = indices ? new Set(indices) : null;
    const visible = (i: number) => !shown || shown.has(i);
    if (groups) {
      const rows = listRows(groups, expanded);
      return {
        length: rows.length, row: (p) => rows[p], visible, matching, groups,
        positionOf(stepIndex) {
          let best = 0;
          for (let p = 0; p < rows.length; p++) {
            const [first, last] = rowSpan(rows[p]);
            if (first > stepIndex) break;
            best = p;
            if (stepIndex <= last && rows[p].type === 'step') return p;
            if (stepIndex <= last && !(rows[p] as { expanded?: boolean }).expanded) return p;
          }
          return best;
        },
      };
    }
    if (indices) {
      return {
        length: indices.length, row: (p) => ({ type: 'step', index: indices[p], nested: false }), visible, matching, groups: null,
        positionOf: (stepIndex) => floorPosition(indices, stepIndex),
      };
    }
    return {
      length: count, row: (p) => ({ type: 'step', index: p, nested: false }), visible, matching: null, groups: null,
      positionOf: (stepIndex) => stepIndex,
    };
  }, [indices, groups, expanded, count]);
}
