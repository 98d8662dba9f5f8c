/**
 * One scheduling cycle for one pod, as a pure function: snapshot in, decision out.
 * The caller (the scheduler controller) binds, records events and requeues.
 * upstream: pkg/scheduler/schedule_one.go (schedulePod), internal/queue/scheduling_queue.go
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { Random } from '../core/random';
import type { CycleContext, NodeInfo, Plugin } from './framework';
import { findFeasibleNodes, type Diagnosis } from './findFeasible';
import { failedSchedulingMessage, fitErrorMessage, NO_NODES_AVAILABLE } from './fitError';
import { defaultPlugins } from './plugins';
import { evaluatePreemption } from './preemption';
import { prioritizeNodes, selectHost, type NodeScores } from './prioritize';

export interface ScheduleInput {
  pod: Pod;
  /** The snapshot: every Node with the pods bound to it (see buildNodeInfos). */
  nodes: NodeInfo[];
  rng: Random;
  /** Selectors of the Services / ReplicaSets / ReplicationControllers / StatefulSets that select this pod (default spreading). */
  spreadSelectors: LabelSelector[];
  /** Namespace → its labels, for affinity terms with a namespaceSelector. Missing namespaces carry only `kubernetes.io/metadata.name`. */
  namespaces?: Record<string, Record<string, string>>;
  /** The plugin list (default: defaultPlugins); the seam for volume plugins. */
  plugins?: readonly Plugin[];
  /** Where the previous cycle stopped in the node list (matters above 100 nodes only). Default 0. */
  startIndex?: number;
}

export type ScheduleResult =
  | {
    ok: true;
    node: string;
    /** One entry per feasible node, in evaluation order. */
    scores: NodeScores[];
    feasible: number;
    nextStartIndex: number;
  }
  | {
    ok: false;
    /** The exact FailedScheduling event / PodScheduled condition message. */
    message: string;
    /** node → the reasons it was rejected for */
    reasons: Record<string, string[]>;
    /** true when every node failed for a reason that no other pod leaving could fix */
    unresolvable: boolean;
    /** plugins that rejected the pod, sorted */
    rejectedBy: string[];
    /** nodes where preempting lower-priority pods would let it fit (the message then has no `preemption:` part) */
    preemptionCandidates: string[];
    /** set when scheduling gates hold the pod back: it is not attempted, and gets no FailedScheduling */
    gated?: true;
    nextStartIndex: number;
  };

/** upstream: the per-pod backoff starts at 1s and doubles up to 10s. */
export const POD_INITIAL_BACKOFF_MS = 1_000;
export const POD_MAX_BACKOFF_MS = 10_000;
/** upstream podMaxInUnschedulablePodsDuration: an unschedulable pod is retried at the latest after 5 min. */
export const POD_MAX_IN_UNSCHEDULABLE_MS = 5 * 60_000;

/** Backoff before the next attempt, by the number of attempts so far (0 → none, 1 → 1s, 2 → 2s, … 10s cap). */
export function podBackoffMs(attempts: number): number {
  if (attempts <= 0) return 0;
  let duration = POD_INITIAL_BACKOFF_MS;
  for (let i = 1; i < attempts; i++) {
    if (duration > POD_MAX_BACKOFF_MS - duration) return POD_MAX_BACKOFF_MS;
    duration += duration;
  }
  return duration;
}

function cycleContext(input: ScheduleInput): CycleContext {
  const namespaces = input.namespaces ?? {};
  return {
    allNodes: input.nodes,
    spreadSelectors: input.spreadSelectors,
    namespaceLabels: (ns) => namespaces[ns] ?? { 'kubernetes.io/metadata.name': ns },
    state: new Map(),
  };
}

function perNodeReasons(nodes: readonly NodeInfo[], d: Diagnosis): Record<string, string[]> {
  return Object.fromEntries(nodes.map((n) => [n.name, (d.statuses.get(n.name) ?? d.absentStatus).reasons]));
}

function gatedResult(pod: Pod, plugins: readonly Plugin[]): ScheduleResult | undefined {
  for (const plugin of plugins) {
    const status = plugin.preEnqueue?.(pod);
    if (!status || status.code === 'Success') continue;
    return {
      ok: false, message: status.reasons.join(', '), reasons: {}, unresolvable: true, rejectedBy: [plugin.name],
      preemptionCandidates: [], gated: true, nextStartIndex: 0,
    };
  }
  return undefined;
}

export function schedulePod(input: ScheduleInput): ScheduleResult {
  const { pod, nodes } = input;
  const plugins = input.plugins ?? defaultPlugins;
  const gated = gatedResult(pod, plugins);
  if (gated) return gated;
  const start = input.startIndex ?? 0;
  if (!nodes.length) {
    return {
      ok: false, message: NO_NODES_AVAILABLE, reasons: {}, unresolvable: true, rejectedBy: [],
      preemptionCandidates: [], nextStartIndex: 0,
    };
  }
  const ctx = cycleContext(input);
  const { feasible, diagnosis, processed } = findFeasibleNodes(ctx, pod, plugins, start);
  const nextStartIndex = (start + processed) % nodes.length;
  if (feasible.length) {
    const scores = prioritizeNodes(ctx, pod, plugins, feasible);
    return { ok: true, node: selectHost(scores, input.rng), scores, feasible: feasible.length, nextStartIndex };
  }
  const fitMessage = fitErrorMessage(nodes.length, diagnosis, diagnosis.preFilterMessage);
  const preemption = evaluatePreemption(ctx, pod, plugins, diagnosis);
  const reasons = perNodeReasons(nodes, diagnosis);
  return {
    ok: false,
    message: failedSchedulingMessage(fitMessage, preemption.message),
    reasons,
    unresolvable: nodes.every((n) => (diagnosis.statuses.get(n.name) ?? diagnosis.absentStatus).code === 'UnschedulableAndUnresolvable'),
    rejectedBy: [...diagnosis.rejectedBy].sort(),
    preemptionCandidates: preemption.candidates,
    nextStartIndex,
  };
}
