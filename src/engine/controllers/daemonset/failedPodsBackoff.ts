/**
 * The back-off between deleting failed Pods of one slot (a DaemonSet's Node, a StatefulSet's
 * ordinal), so a kubelet that keeps rejecting the Pod is not hot-looped: the first deletion goes
 * at once, then 1s doubling to 15 min, forgotten after 30 min of quiet.
 * upstream: daemon_controller.go failedPodsBackoff = flowcontrol.NewBackOff(1s, 15min)
 */
import type { Memo } from '../types';

const INITIAL_MS = 1000;
const MAX_MS = 15 * 60 * 1000;

interface Entry { backoff: number; lastUpdate: number }

const memoKey = (slot: string) => `failedPodsBackoff/${slot}`;

/** upstream IsInBackOffSinceUpdate: the delay still to wait, or undefined when a deletion may go ahead. */
export function backoffRemaining(memo: Memo, slot: string, now: number): number | undefined {
  const entry = memo.get<Entry>(memoKey(slot));
  if (!entry || now - entry.lastUpdate >= entry.backoff) return undefined;
  return entry.lastUpdate + entry.backoff - now;
}

/** upstream Next: start at 1s, or double (at most 15 min) unless the last failure is long past. */
export function nextBackoff(memo: Memo, slot: string, now: number): void {
  const entry = memo.get<Entry>(memoKey(slot));
  const expired = !entry || now - entry.lastUpdate > 2 * MAX_MS;
  memo.set<Entry>(memoKey(slot), { backoff: expired ? INITIAL_MS : Math.min(2 * entry.backoff, MAX_MS), lastUpdate: now });
}
