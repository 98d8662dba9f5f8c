/**
 * The DaemonSet's core loop: a Pod on every Node that should run one, none elsewhere.
 * upstream: daemon_controller.go manage, getUnscheduledPodsWithoutNode
 */
import type { KubeObject } from '../../api';
import type { ReconcileContext } from '../types';
import type { DaemonSetObject } from './daemonSetSpec';
import type { Eligibility } from './eligibility';
import { podsShouldBeOnNode, type NodeToCreate, type PodToDelete } from './podsShouldBeOnNode';
import { syncNodes } from './syncNodes';

export interface DaemonSetView {
  ds: DaemonSetObject;
  key: string;
  /** Nodes in the order every pass walks them. */
  nodes: KubeObject[];
  eligibility: Map<string, Eligibility>;
  hash: string;
  generation: number;
}

export interface ManageResult { writes: number; error?: string; requeueAfter?: number }

export function manage(ctx: ReconcileContext, v: DaemonSetView, byNode: Map<string, KubeObject[]>): ManageResult {
  const creates: NodeToCreate[] = [];
  const deletes: PodToDelete[] = [];
  let requeueAfter: number | undefined;
  for (const node of v.nodes) {
    const name = node.metadata.name;
    const plan = podsShouldBeOnNode(ctx, v.ds, v.key, name, byNode.get(name), v.eligibility.get(name)!, v.hash);
    if (plan.create) creates.push(plan.create);
    deletes.push(...plan.deletes);
    if (plan.requeueAfter !== undefined) requeueAfter = Math.min(requeueAfter ?? Infinity, plan.requeueAfter);
  }
  deletes.push(...podsOfMissingNodes(v, byNode));
  const result = syncNodes(ctx, v.ds, deletes, creates, v.hash, v.generation);
  return { ...result, requeueAfter };
}

/**
 * Pods aimed at Nodes that no longer exist. upstream deletes the unscheduled ones here and leaves
 * bound ones to the pod garbage collector (gcOrphaned), which force-deletes them since no kubelet
 * is left to finish them.
 */
function podsOfMissingNodes(v: DaemonSetView, byNode: Map<string, KubeObject[]>): PodToDelete[] {
  const existing = new Set(v.nodes.map((n) => n.metadata.name));
  const out: PodToDelete[] = [];
  for (const [node, pods] of [...byNode].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (existing.has(node)) continue;
    for (const pod of pods) {
      if (!(pod.spec as { nodeName?: string } | undefined)?.nodeName) {
        out.push({ pod, why: `Node ${node}, which it was made for, no longer exists` });
      }
    }
  }
  return out;
}
