import type { KubeObject, OwnerReference } from '../../api';
import { controllerOf, deepEqual, keyOf, objectKey } from '../../util/objects';
import type { Controller, StoreReader, WatchSpec } from '../types';
import { selects, type StatefulSetObject } from './statefulSetSpec';
import { syncStatefulSet } from './syncStatefulSet';

/** upstream resolveControllerRef: the StatefulSet a controller reference names, if the uid matches. */
function resolve(namespace: string | undefined, ref: OwnerReference | undefined, lister: StoreReader): string | undefined {
  if (!ref || ref.kind !== 'StatefulSet') return undefined;
  const set = lister.get('StatefulSet', ref.name, namespace);
  return set && set.metadata.uid === ref.uid ? objectKey(namespace, ref.name) : undefined;
}

/**
 * upstream addPod / updatePod / deletePod: a Pod wakes the set that controls it (and the previous
 * one when the reference changed); an orphan that appears or changes labels wakes every set whose
 * selector picks it, so one can adopt it.
 */
export function mapPod(pod: KubeObject, old: KubeObject | undefined, lister: StoreReader): string[] {
  const ns = pod.metadata.namespace;
  const keys = new Set<string>();
  const ref = controllerOf(pod);
  const oldRef = old && controllerOf(old);
  const refChanged = old !== undefined && !deepEqual(ref, oldRef);
  if (refChanged && oldRef) {
    const previous = resolve(ns, oldRef, lister);
    if (previous) keys.add(previous);
  }
  if (ref) {
    const current = resolve(ns, ref, lister);
    if (current) keys.add(current);
    return [...keys];
  }
  const deleted = old === undefined && lister.get('Pod', pod.metadata.name, ns)?.metadata.uid !== pod.metadata.uid;
  const labelsChanged = old !== undefined && !deepEqual(pod.metadata.labels, old.metadata.labels);
  if (!deleted && (old === undefined || labelsChanged || refChanged)) {
    for (const set of lister.list('StatefulSet', ns)) {
      if (selects(set as StatefulSetObject, pod.metadata.labels)) keys.add(keyOf(set));
    }
  }
  return [...keys];
}

const watches: WatchSpec[] = [
  { kind: 'StatefulSet', map: (set) => [keyOf(set)] },
  { kind: 'Pod', map: mapPod },
];

/**
 * statefulset-controller: Pods with a stable identity per ordinal (`<set>-<n>`, hostname,
 * subdomain, claims from volumeClaimTemplates), created and removed in order (OrderedReady) or all
 * at once (Parallel), updated from the highest ordinal down (RollingUpdate with partition) or only
 * when deleted (OnDelete); its templates recorded as ControllerRevisions.
 */
export const statefulSetController: Controller = {
  name: 'statefulset-controller',
  watches,
  reconcile: syncStatefulSet,
};
