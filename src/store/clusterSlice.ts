import type { Cluster } from '../engine/api';
import type { ClusterSlice, PlaygroundDeps, SliceGet, SliceSet } from './types';

/**
 * Keeps the store in step with one cluster: every engine change bumps `version`, moves a following
 * cursor and clears the timeline notice (why the last move found nothing is stale once something happened).
 */
export function createClusterBinding(set: SliceSet) {
  let detach: () => void = () => {};
  return {
    attach(cluster: Cluster) {
      detach();
      detach = cluster.subscribe(() => {
        set((s) => ({
          version: s.version + 1,
          ...(s.following ? { cursor: s.cluster.steps.length - 1 } : {}),
          ...(s.timelineNotice ? { timelineNotice: null } : {}),
        }));
      });
    },
  };
}

export function createClusterSlice(
  set: SliceSet,
  get: SliceGet,
  deps: PlaygroundDeps,
  binding: ReturnType<typeof createClusterBinding>,
  cluster: Cluster,
): ClusterSlice {
  return {
    cluster,
    version: 0,
    resetCluster() {
      get().pause();
      const fresh = deps.createCluster();
      binding.attach(fresh);
      set((s) => ({
        cluster: fresh,
        version: s.version + 1,
        cursor: fresh.steps.length - 1,
        following: true,
        selection: null,
        problems: [],
        lastApplied: null,
        timelineNotice: null,
      }));
    },
  };
}
