/**
 * The back-off between deleting failed daemon Pods on one Node, so a Node whose kubelet keeps
 * rejecting the Pod is not hot-looped: 1s doubling to 15 min, forgotten after 30 min of quiet.
 * upstream: daemon_controller.go failedPodsBackoff = flowcontrol.NewBackOff(1s, 15min)
 */
import type { Memo } from '../types';

const INITIAL_MS = 1000;
const MAX_MS = 15 * 60 * 1000;

interface Entry { backoff: number; lastUpdate: number }

const key = (dsKey: string, node: string) => `failedPodsBackoff/${dsKey}/${node}`;

/** upstream IsInBackOffSinceUpdate: the delay still to wait, or undefined when a deletion may go ahead. */
export function backoffRemaining(memo: Memo, dsKey: string, node: string, now: number): number | undefined {
  const entry = memo.get<Entry>(key(dsKey, node));
  if (!entry || now - entry.lastUpdate >= entry.backoff) return undefined;
  return entry.backoff;
}

/** upstream Next: start at 1s, or double (at most 15 min) unless the last failure is long past. */
export function nextBackoff(memo: Memo, dsKey: string, node: string, now: number): void {
  const entry = memo.get<Entry>(key(dsKey, node));
  const expired = !entry || now - entry.lastUpdate > 2 * MAX_MS;
  memo.set<Entry>(key(dsKey, node), { backoff: expired ? INITIAL_MS : Math.min(2 * entry.backoff, MAX_MS), lastUpdate: now });
}
