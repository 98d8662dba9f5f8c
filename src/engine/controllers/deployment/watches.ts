/**
 * What wakes the deployment-controller: its Deployments, their ReplicaSets (an orphan wakes every
 * Deployment that selects it, so one can adopt it), and, for Recreate, the deletion of their Pods.
 * upstream: deployment_controller.go (add/update/deleteReplicaSet, deletePod, getDeploymentForPod)
 */
import type { KubeObject, OwnerReference } from '../../api';
import { controllerOf, deepEqual, keyOf, objectKey } from '../../util/objects';
import { matchesSelector } from '../../util/selectors';
import type { StoreReader, WatchSpec } from '../types';
import type { DeploymentObject } from './types';

function resolve(ref: OwnerReference | undefined, kind: string, namespace: string | undefined,
  lister: StoreReader): KubeObject | undefined {
  if (!ref || ref.kind !== kind) return undefined;
  const owner = lister.get(kind, ref.name, namespace);
  return owner && owner.metadata.uid === ref.uid ? owner : undefined;
}

/** upstream getDeploymentsForReplicaSet: Deployments whose (non-empty) selector matches the labels. */
function selectingDeployments(rs: KubeObject, lister: StoreReader): string[] {
  return lister.list('Deployment', rs.metadata.namespace).filter((d) => {
    const sel = (d as DeploymentObject).spec.selector;
    const empty = !sel || (!Object.keys(sel.matchLabels ?? {}).length && !(sel.matchExpressions ?? []).length);
    return !empty && matchesSelector(sel, rs.metadata.labels);
  }).map(keyOf);
}

function mapReplicaSet(rs: KubeObject, old: KubeObject | undefined, lister: StoreReader): string[] {
  const ns = rs.metadata.namespace;
  const keys = new Set<string>();
  const ref = controllerOf(rs);
  const oldRef = old && controllerOf(old);
  const refChanged = old !== undefined && !deepEqual(ref, oldRef);
  if (refChanged && oldRef) {
    const previous = resolve(oldRef, 'Deployment', ns, lister);
    if (previous) keys.add(keyOf(previous));
  }
  if (ref) {
    const owner = resolve(ref, 'Deployment', ns, lister);
    if (owner) keys.add(keyOf(owner));
    return [...keys];
  }
  const live = lister.get('ReplicaSet', rs.metadata.name, ns);
  const deleted = old === undefined && live?.metadata.uid !== rs.metadata.uid;
  const labelsChanged = old !== undefined && !deepEqual(rs.metadata.labels, old.metadata.labels);
  if (!deleted && (old === undefined || labelsChanged || refChanged)) {
    for (const key of selectingDeployments(rs, lister)) keys.add(key);
  }
  return [...keys];
}

/**
 * upstream deletePod: a Recreate Deployment is synced when the last Pod of its ReplicaSets is gone
 * (that is what it waits for before it creates the new ReplicaSet).
 */
function mapPod(pod: KubeObject, old: KubeObject | undefined, lister: StoreReader): string[] {
  if (old !== undefined) return [];
  const ns = pod.metadata.namespace;
  const live = lister.get('Pod', pod.metadata.name, ns);
  if (live?.metadata.uid === pod.metadata.uid) return [];
  const rs = resolve(controllerOf(pod), 'ReplicaSet', ns, lister);
  const d = rs && resolve(controllerOf(rs), 'Deployment', ns, lister) as DeploymentObject | undefined;
  if (!d || d.spec.strategy?.type !== 'Recreate') return [];
  const owned = new Set(lister.list('ReplicaSet', ns).filter((r) => controllerOf(r)?.uid === d.metadata.uid)
    .map((r) => r.metadata.uid));
  const remaining = lister.list('Pod', ns).some((p) => owned.has(controllerOf(p)?.uid ?? '') &&
    matchesSelector(d.spec.selector, p.metadata.labels));
  return remaining ? [] : [objectKey(ns, d.metadata.name)];
}

export const deploymentWatches: WatchSpec[] = [
  { kind: 'Deployment', map: (d) => [keyOf(d)] },
  { kind: 'ReplicaSet', map: mapReplicaSet },
  { kind: 'Pod', map: mapPod },
];
