import type { KubeObject, OwnerReference } from '../../api';
import { controllerOf, deepEqual, keyOf, objectKey } from '../../util/objects';
import type { Controller, StoreReader, WatchSpec } from '../types';
import { selects, type DaemonSetObject } from './daemonSetSpec';
import { nodeShouldRunDaemonPod } from './eligibility';
import { syncDaemonSet } from './syncDaemonSet';

/** upstream resolveControllerRef: the DaemonSet a controller reference names, if the uid matches. */
function resolve(namespace: string | undefined, ref: OwnerReference | undefined, lister: StoreReader): string | undefined {
  if (!ref || ref.kind !== 'DaemonSet') return undefined;
  const ds = lister.get('DaemonSet', ref.name, namespace);
  return ds && ds.metadata.uid === ref.uid ? objectKey(namespace, ref.name) : undefined;
}

/**
 * upstream addPod / updatePod / deletePod and addHistory / updateHistory / deleteHistory: an
 * object wakes the DaemonSet controlling it (and the previous one when the reference changed); an
 * orphan that appears or changes labels wakes every DaemonSet selecting it, so one can adopt it.
 */
function mapOwned(obj: KubeObject, old: KubeObject | undefined, lister: StoreReader): string[] {
  const ns = obj.metadata.namespace;
  const keys = new Set<string>();
  const ref = controllerOf(obj);
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
  const deleted = old === undefined && lister.get(obj.kind, obj.metadata.name, ns)?.metadata.uid !== obj.metadata.uid;
  const labelsChanged = old !== undefined && !deepEqual(obj.metadata.labels, old.metadata.labels);
  if (!deleted && (old === undefined || labelsChanged || refChanged)) {
    for (const ds of lister.list('DaemonSet', ns)) if (selects(ds as DaemonSetObject, obj.metadata.labels)) keys.add(keyOf(ds));
  }
  return [...keys];
}

/** upstream nodeInSameCondition: conditions compared without their heartbeat and transition times. */
const conditionsOf = (node: KubeObject) => ((node.status as { conditions?: { type: string; status: string; reason?: string; message?: string }[] } | undefined)
  ?.conditions ?? []).map((c) => ({ type: c.type, status: c.status, reason: c.reason, message: c.message }));

/**
 * upstream addNode / updateNode: a new Node wakes the DaemonSets that should run on it; a changed
 * Node wakes those for which it changed whether they should run (or keep running) there. Updates
 * that only touch status other than conditions (heartbeats) are ignored, as upstream's
 * shouldIgnoreNodeUpdate does. A deleted Node wakes the DaemonSets that may have Pods on it.
 */
function mapNode(node: KubeObject, old: KubeObject | undefined, lister: StoreReader): string[] {
  const all = lister.list('DaemonSet') as DaemonSetObject[];
  if (!old) {
    const gone = lister.get('Node', node.metadata.name)?.metadata.uid !== node.metadata.uid;
    return all.filter((ds) => {
      const e = nodeShouldRunDaemonPod(node, ds);
      return gone ? e.shouldContinueRunning : e.shouldRun;
    }).map(keyOf);
  }
  const { status: _s, metadata: { resourceVersion: _r, ...meta }, ...rest } = node;
  const { status: _os, metadata: { resourceVersion: _or, ...oldMeta }, ...oldRest } = old;
  if (deepEqual(conditionsOf(node), conditionsOf(old)) && deepEqual(meta, oldMeta) && deepEqual(rest, oldRest)) return [];
  return all.filter((ds) => {
    const a = nodeShouldRunDaemonPod(old, ds);
    const b = nodeShouldRunDaemonPod(node, ds);
    return a.shouldRun !== b.shouldRun || a.shouldContinueRunning !== b.shouldContinueRunning;
  }).map(keyOf);
}

const watches: WatchSpec[] = [
  { kind: 'DaemonSet', map: (ds) => [keyOf(ds)] },
  { kind: 'Pod', map: mapOwned },
  { kind: 'ControllerRevision', map: mapOwned },
  { kind: 'Node', map: mapNode },
];

/**
 * daemonset-controller: one Pod per eligible Node (nodeSelector, required node affinity, taints
 * against the Pods' tolerations), each pinned to its Node by node affinity and bound by the
 * default scheduler; Pods follow Nodes that join, leave or change; templates are rolled out with
 * RollingUpdate (maxUnavailable / maxSurge) or OnDelete and recorded as ControllerRevisions.
 */
export const daemonSetController: Controller = {
  name: 'daemonset-controller',
  watches,
  reconcile: syncDaemonSet,
};
