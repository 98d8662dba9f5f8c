/**
 * Kube Playground's engine: a small Kubernetes (API server, controllers, scheduler, kubelets) on a
 * virtual clock. Pure TypeScript; runs unchanged in Node and in the browser.
 */
import type { Cluster, ClusterOptions } from './api';
import { SimulatedCluster } from './cluster';

export type * from './api';

/**
 * A new cluster: `nodes` worker Nodes (default 3) named node-1..node-N, each 4 CPU, 8Gi, 110 pods,
 * and the random source seeded with `seed` (default 1). Same seed and commands, same Steps.
 */
export function createCluster(options: ClusterOptions = {}): Cluster {
  return new SimulatedCluster(options);
}
