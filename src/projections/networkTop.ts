/**
 * `kubectl top pod` and `kubectl top node` as of a snapshot, from metrics-server's tables (the
 * engine's printers, which follow kubectl's metrics printer and its errors).
 */
export { topNodes, topPods } from '../engine/metrics/top';
