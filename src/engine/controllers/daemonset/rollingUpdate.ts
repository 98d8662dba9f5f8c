/**
 * RollingUpdate of a DaemonSet, after the core loop: without surge, delete old Pods on up to
 * maxUnavailable Nodes and let the core loop create their replacements; with surge, create new
 * Pods next to old ones on up to maxSurge Nodes, and let the core loop delete each old Pod once
 * its replacement is available. upstream: pkg/controller/daemon/update.go (rollingUpdate,
 * updatedDesiredNodeCounts, findUpdatedPodsOnNode), util.IsPodUpdated
 */
import type { KubeObject } from '../../api';
import { isPodAvailable } from '../shared/pods';
import type { ReconcileContext } from '../types';
import { compareNodeNames, minReadySecondsOf, REVISION_HASH_LABEL, TEMPLATE_GENERATION_LABEL } from './daemonSetSpec';
import type { DaemonSetView } from './manage';
import type { NodeToCreate, PodToDelete } from './podsShouldBeOnNode';
import { syncNodes, type SyncNodesResult } from './syncNodes';
import { rolloutLimits } from './updateCounts';

/** upstream IsPodUpdated: the Pod carries the current hash, or the current template generation. */
export function isPodUpdated(pod: KubeObject, hash: string, generation: number | undefined): boolean {
  const labels = pod.metadata.labels ?? {};
  return (!!hash && labels[REVISION_HASH_LABEL] === hash) ||
    (generation !== undefined && labels[TEMPLATE_GENERATION_LABEL] === String(generation));
}

/** upstream findUpdatedPodsOnNode: the one new and the one old live Pod; ok false if there are more. */
function findUpdatedPodsOnNode(pods: KubeObject[], hash: string, generation: number | undefined) {
  let newPod: KubeObject | undefined;
  let oldPod: KubeObject | undefined;
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    if (isPodUpdated(pod, hash, generation)) {
      if (newPod) return { ok: false as const };
      newPod = pod;
    } else {
      if (oldPod) return { ok: false as const };
      oldPod = pod;
    }
  }
  return { ok: true as const, newPod, oldPod };
}

export function rollingUpdate(ctx: ReconcileContext, v: DaemonSetView, byNode: Map<string, KubeObject[]>): SyncNodesResult {
  const nodeToPods = new Map(byNode);
  let desired = 0;
  for (const node of v.nodes) {
    if (!v.eligibility.get(node.metadata.name)?.shouldRun) continue;
    desired++;
    if (!nodeToPods.has(node.metadata.name)) nodeToPods.set(node.metadata.name, []);
  }
  const limits = rolloutLimits(v.ds, desired);
  const entries = [...nodeToPods].sort(([a], [b]) => compareNodeNames(a, b));
  const available = (pod: KubeObject) => isPodAvailable(pod, minReadySecondsOf(v.ds), ctx.now);
  const plan = limits.maxSurge === 0
    ? withoutSurge(v, entries, limits.maxUnavailable, available)
    : withSurge(v, entries, limits.maxSurge, desired, available);
  return syncNodes(ctx, v.ds, plan.deletes, plan.creates, v.hash, v.generation);
}

interface Plan { deletes: PodToDelete[]; creates: NodeToCreate[] }

function withoutSurge(v: DaemonSetView, entries: [string, KubeObject[]][], maxUnavailable: number,
  available: (pod: KubeObject) => boolean): Plan {
  let numUnavailable = 0;
  const allowed: PodToDelete[] = [];
  const candidates: PodToDelete[] = [];
  for (const [node, pods] of entries) {
    const found = findUpdatedPodsOnNode(pods, v.hash, v.generation);
    if (!found.ok) {
      numUnavailable++;
      continue;
    }
    const { newPod, oldPod } = found;
    if ((!oldPod && !newPod) || (oldPod && newPod)) numUnavailable++;
    else if (newPod) {
      if (!available(newPod)) numUnavailable++;
    } else if (oldPod && !available(oldPod)) {
      allowed.push({ pod: oldPod, why: `rolling update: the old Pod on ${node} is not available anyway, so it is replaced right away` });
      numUnavailable++;
    } else if (oldPod && numUnavailable < maxUnavailable) {
      candidates.push({ pod: oldPod, why: `rolling update (maxUnavailable ${maxUnavailable}): the old Pod on ${node} goes first, ` +
        'and a Pod from the new template replaces it once it is gone' });
    }
  }
  const room = Math.min(Math.max(0, maxUnavailable - numUnavailable), candidates.length);
  return { deletes: [...allowed, ...candidates.slice(0, room)], creates: [] };
}

function withSurge(v: DaemonSetView, entries: [string, KubeObject[]][], maxSurge: number, desired: number,
  available: (pod: KubeObject) => boolean): Plan {
  const deletes: PodToDelete[] = [];
  const shouldNotRun: PodToDelete[] = [];
  const allowedNodes: NodeToCreate[] = [];
  const candidateNodes: NodeToCreate[] = [];
  let numSurge = 0;
  let numAvailable = 0;
  for (const [node, pods] of entries) {
    const found = findUpdatedPodsOnNode(pods, v.hash, v.generation);
    if (!found.ok) {
      numSurge++;
      continue;
    }
    const { newPod, oldPod } = found;
    if (oldPod ? available(oldPod) : newPod && available(newPod)) numAvailable++;
    if (!oldPod) continue;
    const shouldRun = v.eligibility.get(node)?.shouldRun ?? false;
    if (!newPod) {
      if (!available(oldPod)) {
        if (!shouldRun) deletes.push({ pod: oldPod, why: `its old Pod on ${node} is not available and the Node no longer runs the DaemonSet` });
        else allowedNodes.push({ node, why: `rolling update: the old Pod on ${node} is not available, so a new one starts beside it now` });
      } else if (!shouldRun) {
        shouldNotRun.push({ pod: oldPod, why: `Node ${node} no longer runs the DaemonSet, and enough Pods elsewhere are available` });
      } else if (numSurge < maxSurge) {
        candidateNodes.push({ node, why: `rolling update (maxSurge ${maxSurge}): a new Pod starts next to the old one on ${node}, ` +
          'which is deleted once the new one is available' });
      }
    } else if (!available(newPod)) {
      numSurge++;
    } else {
      deletes.push({ pod: oldPod, why: `rolling update (maxSurge ${maxSurge}): the new Pod ${newPod.metadata.name} on ${node} is available, so the old one goes` });
    }
  }
  // upstream: with surge the owner expects full availability; a Node leaving the DaemonSet loses its
  // Pod only while more Pods are available than desired
  const deletable = Math.min(Math.max(0, numAvailable - desired), shouldNotRun.length);
  deletes.push(...shouldNotRun.slice(0, deletable));
  const room = Math.min(Math.max(0, maxSurge - numSurge), candidateNodes.length);
  return { deletes, creates: [...allowedNodes, ...candidateNodes.slice(0, room)] };
}
