import { useMemo } from 'react';
import { createHpaSeriesProjector, type HpaSeries } from '../../projections/hpaSeries';
import { usePlayground } from '../../store';

/** One projector for the app: it remembers what it read per cluster and HPA, so each new Step costs only itself. */
const project = createHpaSeriesProjector();

/** The HPA's series up to the newest Step (the chart marks the cursor on it). */
export function useHpaSeries(name: string, namespace: string): HpaSeries {
  const cluster = usePlayground((s) => s.cluster);
  const stepCount = usePlayground((s) => s.cluster.steps.length);
  // stepCount is a dependency on purpose: the series grows with the Steps of the same cluster
  return useMemo(() => project(cluster, name, namespace), [cluster, stepCount, name, namespace]);
}
