/**
 * A Pod's effective requests and limits as exact quantities (formats kept, so quota messages
 * print like upstream's), and the quota names they charge.
 * upstream: staging/src/k8s.io/component-helpers/resource/helpers.go (PodRequests, PodLimits),
 * pkg/quota/v1/evaluator/core/pods.go (podComputeUsageHelper)
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { aggregatePodResources, type Amounts } from '../../util/resources';
import { add, cmp, parseList, quantityOf, type Quantity, type ResourceList } from './quantities';

/** Exact quantities add and compare as the API server's resource.Quantity does. */
const EXACT: Amounts<Quantity> = { add, greater: (a, b) => cmp(a, b) > 0 };

function addInto(into: ResourceList, list: ResourceList): void {
  for (const [k, v] of Object.entries(list)) into[k] = k in into ? add(into[k], v) : v;
}

/** Requests as stored; the API server's defaulting copies a limit into a missing request. */
export function containerRequests(c: Container): ResourceList {
  const limits = parseList(c.resources?.limits);
  return { ...limits, ...parseList(c.resources?.requests) };
}

export function containerLimits(c: Container): ResourceList {
  return parseList(c.resources?.limits);
}

const aggregate = (pod: Pod, per: (c: Container) => ResourceList): ResourceList => aggregatePodResources(pod, per, EXACT);

export function podRequests(pod: Pod): ResourceList {
  const total = aggregate(pod, containerRequests);
  addInto(total, parseList(pod.spec?.overhead));
  return total;
}

/** upstream adds the overhead only to limits that are set. */
export function podLimits(pod: Pod): ResourceList {
  const total = aggregate(pod, containerLimits);
  for (const [k, v] of Object.entries(parseList(pod.spec?.overhead))) if (k in total) total[k] = add(total[k], v);
  return total;
}

/** A resource name that is neither native (no `/`, or `kubernetes.io/`) nor already `requests.`-prefixed. */
export function isExtendedResource(name: string): boolean {
  return name.includes('/') && !name.includes('kubernetes.io/') && !name.startsWith('requests.');
}

/** upstream podComputeUsageHelper: the quota names a set of requests and limits charge. */
export function computeUsage(requests: ResourceList, limits: ResourceList): ResourceList {
  const out: ResourceList = { pods: quantityOf(1) };
  for (const r of ['cpu', 'memory', 'ephemeral-storage']) {
    if (r in requests) {
      out[r] = requests[r];
      out[`requests.${r}`] = requests[r];
    }
    if (r in limits) out[`limits.${r}`] = limits[r];
  }
  for (const [name, q] of Object.entries(requests)) {
    if (name.startsWith('hugepages-')) {
      out[name] = q;
      out[`requests.${name}`] = q;
    }
    if (isExtendedResource(name)) out[`requests.${name}`] = q;
  }
  return out;
}
