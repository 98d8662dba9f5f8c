import { podPhase } from '../shared/pods';
import type { RankedPod } from './deletionRanking';
import { decide } from './deletionOrder';

/**
 * Why `victim` is deleted rather than `kept` (the first Pod that stays), as the rule of the
 * deletion ranking that decided it, worded for the learner.
 */
export function deletionReason(victim: RankedPod, kept: RankedPod | undefined, total: number, now: number): string {
  if (!kept) return `all ${total} go, so there is nothing to rank`;
  const d = decide(victim, kept, now);
  const other = kept.pod.metadata.name;
  switch (d?.rule) {
    case 'unassigned': return 'it is not scheduled to a Node yet, and unscheduled Pods go first';
    case 'phase': return `it is ${podPhase(victim.pod) ?? 'Pending'} while ${other} is ${podPhase(kept.pod)}; Pending, then Unknown, then Running go first`;
    case 'notReady': return 'it is not Ready, and not-ready Pods go first';
    case 'cost': return `its pod-deletion-cost ${victim.cost} is lower than the ${kept.cost} of ${other}`;
    case 'rank': return `its Node ${victim.node} runs ${victim.rank} of this workload's Pods, more than the ${kept.rank} on ${kept.node}; doubled-up Nodes lose Pods first`;
    case 'readyTime': return `it became Ready more recently than ${other} (compared on a log₂ scale of time since Ready)`;
    case 'readyTimeUid': return `it has been Ready about as long as ${other} (same log₂ bucket), and its UID sorts first`;
    case 'restarts': return `its containers restarted ${victim.restarts[0]} times, more than the ${kept.restarts[0]} of ${other}`;
    case 'sidecarRestarts': return `its sidecar containers restarted ${victim.restarts[1]} times, more than the ${kept.restarts[1]} of ${other}`;
    case 'created': return `it is newer than ${other} (compared on a log₂ scale of age)`;
    case 'createdUid': return `it is about as old as ${other} (same log₂ bucket), and its UID sorts first`;
    default: return `no ranking rule sets it apart from ${other}`;
  }
}
