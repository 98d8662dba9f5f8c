/**
 * What metrics-server serves (metrics.k8s.io), as versioned tables:
 * - `metrics/pods`: `ns/name` → PodMetrics;
 * - `metrics/nodes`: node name → NodeMetrics.
 * A record is rewritten only when a value changes (or the Pod's readiness changed since it was
 * taken); between rewrites metrics-server keeps reporting the same values at every scrape, so the
 * sample time to use at virtual time `now` is `lastScrapeTime(now)` (see metricsServer.ts).
 */
export const POD_METRICS_TABLE = 'metrics/pods';
export const NODE_METRICS_TABLE = 'metrics/nodes';
/** metrics-server --metric-resolution. */
export const METRIC_RESOLUTION_MS = 15_000;

export interface Usage {
  /** CPU in millicores, rounded up as `kubectl top` prints it. */
  cpuMilli: number;
  memoryBytes: number;
}

export interface PodMetrics extends Usage {
  namespace: string;
  name: string;
  uid: string;
  node: string;
  /** The sampling window, in ms. */
  window: number;
  /** Virtual time of the scrape that produced these values. */
  timestamp: number;
  /** Per running container (the Pod's values are their sums). */
  containers: Record<string, Usage>;
}

export interface NodeMetrics extends Usage {
  name: string;
  window: number;
  timestamp: number;
}
