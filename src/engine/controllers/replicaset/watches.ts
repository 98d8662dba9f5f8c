import type { KubeObject, OwnerReference } from '../../api';
import { controllerOf, deepEqual, keyOf, objectKey } from '../../util/objects';
import type { StoreReader, WatchSpec } from '../types';
import type { ReplicaKind } from './replicaKinds';

/** upstream resolveControllerRef: the owner this ref names, if it is of our kind and the uid matches. */
function resolve(kind: ReplicaKind, namespace: string | undefined, ref: OwnerReference | undefined,
  lister: StoreReader): string | undefined {
  if (!ref || ref.kind !== kind.kind) return undefined;
  const owner = lister.get(kind.kind, ref.name, namespace);
  return owner && owner.metadata.uid === ref.uid ? objectKey(namespace, ref.name) : undefined;
}

/** upstream getPodReplicaSets: every owner in the Pod's namespace whose selector picks it. */
function selectingOwners(kind: ReplicaKind, pod: KubeObject, lister: StoreReader): string[] {
  return lister.list(kind.kind, pod.metadata.namespace)
    .filter((owner) => kind.selects(owner, pod.metadata.labels))
    .map(keyOf);
}

/**
 * upstream addPod / updatePod / deletePod: a Pod wakes its controller (the old one too when the
 * controller reference changed); an orphan wakes every owner that selects it, so one can adopt it,
 * but only when it appears or its labels or references change, and never once it is being deleted.
 */
export function mapPod(kind: ReplicaKind) {
  return (pod: KubeObject, old: KubeObject | undefined, lister: StoreReader): string[] => {
    const ns = pod.metadata.namespace;
    const keys = new Set<string>();
    const ref = controllerOf(pod);
    const oldRef = old && controllerOf(old);
    const refChanged = old !== undefined && !deepEqual(ref, oldRef);
    if (refChanged && oldRef) {
      const previous = resolve(kind, ns, oldRef, lister);
      if (previous) keys.add(previous);
    }
    if (ref) {
      const current = resolve(kind, ns, ref, lister);
      if (current) keys.add(current);
      return [...keys];
    }
    const live = lister.get('Pod', pod.metadata.name, ns);
    const deleted = old === undefined && live?.metadata.uid !== pod.metadata.uid;
    const labelsChanged = old !== undefined && !deepEqual(pod.metadata.labels, old.metadata.labels);
    if (!deleted && !pod.metadata.deletionTimestamp && (old === undefined || labelsChanged || refChanged)) {
      for (const key of selectingOwners(kind, pod, lister)) keys.add(key);
    }
    return [...keys];
  };
}

export function replicaWatches(kind: ReplicaKind): WatchSpec[] {
  return [
    { kind: kind.kind, map: (owner) => [keyOf(owner)] },
    { kind: 'Pod', map: mapPod(kind) },
  ];
}
