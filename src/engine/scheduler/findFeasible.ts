/**
 * The filtering half of a scheduling cycle: PreFilter, then Filter over the nodes, recording why
 * each rejected node was rejected. upstream: schedule_one.go (findNodesThatFitPod),
 * framework/runtime/framework.go (RunPreFilterPlugins, RunFilterPlugins)
 */
import type { Pod } from 'kubernetes-types/core/v1';
import {
  SUCCESS, unresolvable, type CycleContext, type NodeInfo, type Plugin, type Status,
} from './framework';

export interface Diagnosis {
  /** Nodes that were filtered and failed, with the failing plugin's status. */
  statuses: Map<string, Status>;
  /** The status of every node that was never filtered (outside the PreFilter result, or all on a PreFilter rejection). */
  absentStatus: Status;
  /** Set when PreFilter rejected the pod: this message replaces the per-node histogram. */
  preFilterMessage?: string;
  /** Plugins that rejected the pod (for requeueing on the cluster events they care about). */
  rejectedBy: Set<string>;
}

export interface FilterOutcome {
  feasible: NodeInfo[];
  diagnosis: Diagnosis;
  /** How many nodes were looked at (feasible + rejected), for the next cycle's start index. */
  processed: number;
}

const DEFAULT_ABSENT: Status = unresolvable();

interface PreFilterOutcome {
  skipped: Set<string>;
  nodeNames?: Set<string>;
  pluginsWithNodes: string[];
  rejection?: { status: Status; plugin: string };
}

function runPreFilters(ctx: CycleContext, pod: Pod, plugins: readonly Plugin[]): PreFilterOutcome {
  const out: PreFilterOutcome = { skipped: new Set(), pluginsWithNodes: [] };
  for (const plugin of plugins) {
    const r = plugin.preFilter?.(ctx, pod);
    if (!r) continue;
    if (r.skip) {
      out.skipped.add(plugin.name);
      continue;
    }
    if (r.status && r.status.code !== 'Success') {
      out.rejection = { status: r.status, plugin: plugin.name };
      // upstream: an unresolvable rejection stops here; an unschedulable one lets the rest run
      if (r.status.code === 'UnschedulableAndUnresolvable') return out;
      continue;
    }
    if (!r.nodeNames) continue;
    out.pluginsWithNodes.push(plugin.name);
    out.nodeNames = out.nodeNames ? new Set([...out.nodeNames].filter((n) => r.nodeNames!.has(n))) : new Set(r.nodeNames);
    if (out.nodeNames.size === 0) {
      const names = [...out.pluginsWithNodes].sort();
      const msg = names.length === 1
        ? `node(s) didn't satisfy plugin ${names[0]}`
        : `node(s) didn't satisfy plugin(s) [${names.join(' ')}] simultaneously`;
      out.rejection = { status: unresolvable(msg), plugin: plugin.name };
      return out;
    }
  }
  return out;
}

/** Filters in plugin order; the first failing plugin's status is the node's. */
export function runFilters(
  ctx: CycleContext, pod: Pod, plugins: readonly Plugin[], skipped: ReadonlySet<string>, nodeInfo: NodeInfo,
): { status: Status; plugin?: string } {
  for (const plugin of plugins) {
    if (!plugin.filter || skipped.has(plugin.name)) continue;
    const status = plugin.filter(ctx, pod, nodeInfo);
    if (status.code !== 'Success') return { status, plugin: plugin.name };
  }
  return { status: SUCCESS };
}

/**
 * upstream numFeasibleNodesToFind: every node below 100 nodes; above, an adaptive share
 * (50% − nodes/125, at least 5%), never fewer than 100.
 */
export function numFeasibleNodesToFind(numNodes: number): number {
  if (numNodes < 100) return numNodes;
  const percentage = Math.max(5, 50 - Math.trunc(numNodes / 125));
  return Math.max(100, Math.trunc((numNodes * percentage) / 100));
}

export function findFeasibleNodes(
  ctx: CycleContext, pod: Pod, plugins: readonly Plugin[], startIndex: number,
): FilterOutcome {
  const diagnosis: Diagnosis = { statuses: new Map(), absentStatus: DEFAULT_ABSENT, rejectedBy: new Set() };
  const pre = runPreFilters(ctx, pod, plugins);
  if (pre.rejection) {
    diagnosis.absentStatus = pre.rejection.status;
    diagnosis.preFilterMessage = pre.rejection.status.reasons.join(', ');
    diagnosis.rejectedBy.add(pre.rejection.plugin);
    return { feasible: [], diagnosis, processed: 0 };
  }
  let nodes = ctx.allNodes;
  if (pre.nodeNames) {
    const names = pre.nodeNames;
    nodes = nodes.filter((n) => names.has(n.name));
    const plugins = [...pre.pluginsWithNodes].sort();
    diagnosis.absentStatus = unresolvable(`node(s) didn't satisfy plugin(s) [${plugins.join(' ')}]`);
    plugins.forEach((p) => diagnosis.rejectedBy.add(p));
  }
  const wanted = numFeasibleNodesToFind(nodes.length);
  const feasible: NodeInfo[] = [];
  for (let i = 0; i < nodes.length && feasible.length < wanted; i++) {
    const nodeInfo = nodes[(startIndex + i) % nodes.length];
    const { status, plugin } = runFilters(ctx, pod, plugins, pre.skipped, nodeInfo);
    if (status.code === 'Success') {
      feasible.push(nodeInfo);
    } else {
      diagnosis.statuses.set(nodeInfo.name, status);
      if (plugin) diagnosis.rejectedBy.add(plugin);
    }
  }
  return { feasible, diagnosis, processed: feasible.length + diagnosis.statuses.size };
}

/** PreFilter and Filter for one node alone (the preemption dry run re-checks a node this way). */
export function evaluateNode(ctx: CycleContext, pod: Pod, plugins: readonly Plugin[], nodeInfo: NodeInfo): Status {
  const pre = runPreFilters(ctx, pod, plugins);
  if (pre.rejection) return pre.rejection.status;
  if (pre.nodeNames && !pre.nodeNames.has(nodeInfo.name)) {
    return unresolvable(`node(s) didn't satisfy plugin(s) [${[...pre.pluginsWithNodes].sort().join(' ')}]`);
  }
  return runFilters(ctx, pod, plugins, pre.skipped, nodeInfo).status;
}
