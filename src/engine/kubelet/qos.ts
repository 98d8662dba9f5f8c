import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api';
import { toMilli } from '../util/quantity';

export type QOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

const COMPUTE = ['cpu', 'memory'] as const;
type Compute = (typeof COMPUTE)[number];

/**
 * `status.qosClass`, as `ComputePodQOS` computes it: only cpu and memory count, summed over init
 * and regular containers. Guaranteed needs cpu and memory limits on every container and requests
 * equal to limits; no requests or limits anywhere is BestEffort; anything else is Burstable.
 * Requests missing next to a limit count as the limit, as the API server's defaulting makes them.
 * upstream: pkg/apis/core/v1/helper/qos/qos.go
 */
export function qosClass(obj: Pod | KubeObject): QOSClass {
  const pod = obj as Pod;
  const containers: Container[] = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  const requests = new Map<Compute, number>();
  const limits = new Map<Compute, number>();
  let isGuaranteed = true;
  for (const c of containers) {
    const found = new Set<Compute>();
    for (const name of COMPUTE) {
      const limit = toMilli(c.resources?.limits?.[name]);
      const request = c.resources?.requests?.[name] !== undefined ? toMilli(c.resources.requests[name]) : limit;
      if (request > 0) requests.set(name, (requests.get(name) ?? 0) + request);
      if (limit > 0) {
        found.add(name);
        limits.set(name, (limits.get(name) ?? 0) + limit);
      }
    }
    if (found.size !== COMPUTE.length) isGuaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (isGuaranteed) {
    for (const [name, req] of requests) {
      if (limits.get(name) !== req) {
        isGuaranteed = false;
        break;
      }
    }
  }
  return isGuaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
