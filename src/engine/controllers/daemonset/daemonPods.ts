/**
 * A DaemonSet's Pods, claimed and grouped by the Node each belongs to.
 * upstream: daemon_controller.go (getDaemonPods, getNodesToDaemonPods, podByCreationTimestampAndPhase)
 */
import type { KubeObject } from '../../api';
import { virtualMs } from '../../core/time';
import { controllerOf } from '../../util/objects';
import { claimObjects } from '../shared/ownership';
import { podPhase } from '../shared/pods';
import type { ReconcileContext } from '../types';
import { selects, type DaemonSetObject } from './daemonSetSpec';
import { targetNodeName } from './podTemplate';

/** The Pods this DaemonSet controls, adopting matching orphans and releasing Pods it no longer selects. */
export function claimDaemonPods(ctx: ReconcileContext, ds: DaemonSetObject): KubeObject[] {
  const candidates = ctx.list('Pod', ds.metadata.namespace).filter((p) => {
    const ref = controllerOf(p);
    return ref ? ref.uid === ds.metadata.uid : selects(ds, p.metadata.labels);
  });
  return claimObjects(ctx, ds, ds.spec.selector, candidates, (p) => selects(ds, p.metadata.labels));
}

const isTerminal = (pod: KubeObject) => podPhase(pod) === 'Succeeded' || podPhase(pod) === 'Failed';

/**
 * upstream getNodesToDaemonPods: the Pods by target Node. A finished Pod already being deleted is
 * left out (nothing more to do with it) unless `includeDeletedTerminal`; a Pod naming no Node is skipped.
 */
export function nodesToDaemonPods(pods: KubeObject[], includeDeletedTerminal = false): Map<string, KubeObject[]> {
  const byNode = new Map<string, KubeObject[]>();
  for (const pod of pods) {
    if (!includeDeletedTerminal && isTerminal(pod) && pod.metadata.deletionTimestamp) continue;
    const node = targetNodeName(pod);
    if (node === undefined) continue;
    const list = byNode.get(node);
    if (list) list.push(pod);
    else byNode.set(node, [pod]);
  }
  return byNode;
}

/** upstream podByCreationTimestampAndPhase: bound Pods first, then oldest first, then by name. */
export function byCreationTimestampAndPhase(a: KubeObject, b: KubeObject): number {
  const boundA = !!(a.spec as { nodeName?: string } | undefined)?.nodeName;
  const boundB = !!(b.spec as { nodeName?: string } | undefined)?.nodeName;
  if (boundA !== boundB) return boundA ? -1 : 1;
  const ta = virtualMs(a.metadata.creationTimestamp) ?? 0;
  const tb = virtualMs(b.metadata.creationTimestamp) ?? 0;
  if (ta !== tb) return ta - tb;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}
