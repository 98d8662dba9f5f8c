/**
 * A Pod's effective requests and limits (upstream kubectl `resourcehelper.PodRequestsAndLimits`)
 * and its QoS class (upstream `qos.GetPodQOS`), for describe.
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { parseQuantity } from '../engine/util/quantity';
import { addAmounts, maxAmounts, type Amount } from './quantityText';

type Which = 'requests' | 'limits';

/**
 * max(Σ regular + Σ sidecars, max over init containers of (its amount + the sidecars started
 * before it)) + overhead. upstream: sidecars (init with restartPolicy Always) keep running.
 */
export function podAmounts(pod: Pod, which: Which): Map<string, Amount> {
  const total = new Map<string, Amount>();
  for (const c of pod.spec?.containers ?? []) addAmounts(total, c.resources?.[which] as Record<string, unknown>);
  const sidecars = new Map<string, Amount>();
  const initMax = new Map<string, Amount>();
  for (const c of pod.spec?.initContainers ?? []) {
    const own = c.resources?.[which] as Record<string, unknown> | undefined;
    if (c.restartPolicy === 'Always') {
      addAmounts(total, own);
      addAmounts(sidecars, own);
      maxAmounts(initMax, sidecars);
    } else {
      const tmp = new Map<string, Amount>();
      addAmounts(tmp, own);
      for (const [k, v] of sidecars) tmp.set(k, { value: (tmp.get(k)?.value ?? 0) + v.value, format: tmp.get(k)?.format ?? v.format });
      maxAmounts(initMax, tmp);
    }
  }
  maxAmounts(total, initMax);
  if (which === 'requests') addAmounts(total, pod.spec?.overhead as Record<string, unknown>);
  return total;
}

const QOS_RESOURCES = ['cpu', 'memory'];

function hasAny(list: Record<string, unknown> | undefined): boolean {
  return QOS_RESOURCES.some((r) => list?.[r] !== undefined);
}

/** Guaranteed, Burstable or BestEffort; only cpu and memory count, init containers included. */
export function qosClass(pod: Pod): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const containers: Container[] = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  const anySet = containers.some((c) => hasAny(c.resources?.requests) || hasAny(c.resources?.limits));
  if (!anySet) return 'BestEffort';
  const guaranteed = containers.every((c) => QOS_RESOURCES.every((r) => {
    const limit = c.resources?.limits?.[r];
    const request = c.resources?.requests?.[r] ?? limit;
    return limit !== undefined && parseQuantity(request) === parseQuantity(limit);
  }));
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
