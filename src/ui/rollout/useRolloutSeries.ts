import { useMemo } from 'react';
import { createRolloutProjector, type RolloutSeries } from '../../projections/rollout';
import { usePlayground } from '../../store';

/** One projector for the app: it remembers what it read per cluster and Deployment, so each new Step costs only itself. */
const project = createRolloutProjector();

/** The rollout series of a Deployment up to the newest Step (the chart marks the cursor on it). */
export function useRolloutSeries(name: string, namespace: string | undefined): RolloutSeries {
  const cluster = usePlayground((s) => s.cluster);
  const stepCount = usePlayground((s) => s.cluster.steps.length);
  // stepCount is a dependency on purpose: the series grows with the Steps of the same cluster
  return useMemo(() => project(cluster, { name, namespace }), [cluster, stepCount, name, namespace]);
}
