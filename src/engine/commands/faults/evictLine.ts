import type { ReconcileContext } from '../../controllers/types';
import { evictPod } from '../../controllers/disruption/eviction';
import { EVICTION_RETRY_MS, type DrainPod } from './drainRecord';

/**
 * One eviction attempt of kubectl drain's per-Pod loop: prints `evicting pod …`, POSTs the Eviction,
 * and on 429 prints the retry line. Returns the Pod's next state, the lines, and a fatal error if any.
 * upstream: staging/src/k8s.io/kubectl/pkg/drain/drain.go evictPods
 */
export function attemptEviction(ctx: ReconcileContext, pod: DrainPod): { pod: DrainPod; lines: string[]; error?: string; cause?: string } {
  const lines = [`evicting pod ${pod.namespace}/${pod.name}`];
  const result = evictPod(ctx, pod.namespace, pod.name);
  if (result.ok) return { pod: { ...pod, state: 'waiting', at: ctx.now }, lines };
  if (result.code === 404) return { pod: { ...pod, state: 'done', at: ctx.now }, lines };
  if (result.code === 429) {
    lines.push(`error when evicting pods/"${pod.name}" -n "${pod.namespace}" (will retry after 5s): ${result.message}`);
    return { pod: { ...pod, state: 'retry', at: ctx.now + EVICTION_RETRY_MS }, lines, cause: result.cause };
  }
  const error = `error when evicting pods/"${pod.name}" -n "${pod.namespace}": ${result.message}`;
  return { pod: { ...pod, state: 'done', at: ctx.now }, lines, error };
}
