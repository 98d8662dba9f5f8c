import { podPhase } from '../shared/pods';
import type { RankedPod } from './deletionRanking';
import { decide, type Decision, type DeletionRule } from './deletionOrder';

/** The rules in the order ActivePodsWithRanks.Less applies them. */
const PRECEDENCE: DeletionRule[] = ['unassigned', 'phase', 'notReady', 'cost', 'rank', 'readyTime', 'readyTimeUid',
  'restarts', 'sidecarRestarts', 'created', 'createdUid'];

/** Of the Pods that stay, the one the victim is told apart from by the most significant rule. */
function strongestContrast(victim: RankedPod, kept: RankedPod[], now: number): { stays: RankedPod; d?: Decision } {
  let best: { stays: RankedPod; d?: Decision; at: number } = { stays: kept[0], at: PRECEDENCE.length };
  for (const stays of kept) {
    const d = decide(victim, stays, now);
    const at = d ? PRECEDENCE.indexOf(d.rule) : PRECEDENCE.length;
    if (at < best.at) best = { stays, d, at };
  }
  return best;
}

/**
 * Why `victim` is deleted while the `kept` Pods stay: the most significant rule of the deletion
 * ranking that puts it ahead of one of them, worded for the learner.
 */
export function deletionReason(victim: RankedPod, kept: RankedPod[], total: number, now: number): string {
  if (!kept.length) return total === 1 ? 'it is the only one, so there is nothing to rank' : `all ${total} go, so there is nothing to rank`;
  const { stays, d } = strongestContrast(victim, kept, now);
  const other = stays.pod.metadata.name;
  switch (d?.rule) {
    case 'unassigned': return 'it is not scheduled to a Node yet, and unscheduled Pods go first';
    case 'phase': return `it is ${podPhase(victim.pod) ?? 'Pending'} while ${other} is ${podPhase(stays.pod)}; Pending, then Unknown, then Running go first`;
    case 'notReady': return 'it is not Ready, and not-ready Pods go first';
    case 'cost': return `its pod-deletion-cost ${victim.cost} is lower than the ${stays.cost} of ${other}`;
    case 'rank': return `its Node ${victim.node} runs ${victim.rank} of this workload's Pods, more than the ${stays.rank} on ${stays.node}; doubled-up Nodes lose Pods first`;
    case 'readyTime': return `it became Ready more recently than ${other} (compared on a log₂ scale of time since Ready)`;
    case 'readyTimeUid': return `it has been Ready about as long as ${other} (same log₂ bucket), and its UID sorts first`;
    case 'restarts': return `its containers restarted ${victim.restarts[0]} times, more than the ${stays.restarts[0]} of ${other}`;
    case 'sidecarRestarts': return `its sidecar containers restarted ${victim.restarts[1]} times, more than the ${stays.restarts[1]} of ${other}`;
    case 'created': return `it is newer than ${other} (compared on a log₂ scale of age)`;
    case 'createdUid': return `it is about as old as ${other} (same log₂ bucket), and its UID sorts first`;
    default: return `no ranking rule sets it apart from ${other}`;
  }
}
