import type { Cluster, ClusterView, Step } from '../engine/api';

/**
 * The cluster as of the Step at `cursor`. Before the first Step there is no snapshot to read,
 * so the view reads the live cluster through a fresh object (a new identity per call, so
 * memoized consumers notice changes).
 */
export function viewAt(cluster: Cluster, cursor: number): ClusterView {
  if (cursor >= 0 && cursor < cluster.steps.length) return cluster.at(cursor);
  return {
    now: cluster.now,
    stepIndex: cluster.steps.length - 1,
    get: (kind, name, namespace) => cluster.get(kind, name, namespace),
    list: (kind, namespace) => cluster.list(kind, namespace),
    events: () => cluster.events(),
    runtime: (node) => cluster.runtime(node),
    table: (name) => cluster.table(name),
  };
}

export function stepAt(cluster: Cluster, cursor: number): Step | undefined {
  return cursor >= 0 ? cluster.steps[cursor] : undefined;
}
