/**
 * Which Services a Pod change concerns, shared by the EndpointSlice and Endpoints controllers.
 * upstream: pkg/controller/util/endpoint/controller_utils.go (GetPodServiceMemberships,
 * GetServicesToUpdateOnPodChange, podEndpointsChanged, determineNeededServiceUpdates)
 */
import type { KubeObject } from '../../api';
import { deepEqual, keyOf } from '../../util/objects';
import { matchesMap } from '../../util/selectors';
import { isPodReady, podPhase } from '../shared/pods';
import type { StoreReader } from '../types';

interface ServiceSpecLike { selector?: Record<string, string>; type?: string }

/**
 * The Service's selector, or undefined when it has none. upstream: an empty `selector: {}` does not
 * survive storage (protobuf drops empty maps), so it means "no selector", never "every Pod".
 */
export function serviceSelector(svc: KubeObject): Record<string, string> | undefined {
  const selector = (svc.spec as ServiceSpecLike | undefined)?.selector;
  return selector && Object.keys(selector).length > 0 ? selector : undefined;
}

/** upstream GetPodServiceMemberships: keys of the Services in the Pod's namespace whose selector picks it. */
export function podServiceMemberships(pod: KubeObject, lister: StoreReader): Set<string> {
  const keys = new Set<string>();
  for (const svc of lister.list('Service', pod.metadata.namespace)) {
    const selector = serviceSelector(svc);
    if (selector && matchesMap(selector, pod.metadata.labels)) keys.add(keyOf(svc));
  }
  return keys;
}

const podIPs = (pod: KubeObject) => ((pod.status as { podIPs?: { ip: string }[] } | undefined)?.podIPs ?? []).map((p) => p.ip);
const spec = (pod: KubeObject) => (pod.spec ?? {}) as { hostname?: string; subdomain?: string };
const terminal = (pod: KubeObject) => podPhase(pod) === 'Succeeded' || podPhase(pod) === 'Failed';

/** upstream podEndpointsChanged: [does the endpoint itself change, may the membership change]. */
export function podEndpointsChanged(old: KubeObject, pod: KubeObject): [boolean, boolean] {
  const labelsChanged = !deepEqual(old.metadata.labels, pod.metadata.labels) ||
    spec(old).hostname !== spec(pod).hostname || spec(old).subdomain !== spec(pod).subdomain;
  const changed = old.metadata.deletionTimestamp !== pod.metadata.deletionTimestamp ||
    isPodReady(old) !== isPodReady(pod) || !deepEqual(podIPs(old), podIPs(pod)) ||
    // a Pod that finishes leaves the endpoints even when its readiness did not flip first
    terminal(old) !== terminal(pod);
  return [changed, labelsChanged];
}

/**
 * upstream GetServicesToUpdateOnPodChange (and addPod/deletePod): a new or deleted Pod concerns the
 * Services selecting it; a changed Pod concerns them when its endpoint changed, and a relabelled
 * Pod also the Services it left (only those it left or joined, when nothing else changed).
 */
export function servicesForPodChange(pod: KubeObject, old: KubeObject | undefined, lister: StoreReader): string[] {
  if (!old) return [...podServiceMemberships(pod, lister)].sort();
  if (old.metadata.resourceVersion === pod.metadata.resourceVersion) return [];
  const [changed, labelsChanged] = podEndpointsChanged(old, pod);
  if (!changed && !labelsChanged) return [];
  const now = podServiceMemberships(pod, lister);
  if (!labelsChanged) return [...now].sort();
  const before = podServiceMemberships(old, lister);
  const keys = new Set<string>();
  for (const k of now) if (changed || !before.has(k)) keys.add(k);
  for (const k of before) if (changed || !now.has(k)) keys.add(k);
  return [...keys].sort();
}
