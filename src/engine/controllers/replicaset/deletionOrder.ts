import type { KubeObject } from '../../api';
import type { RankedPod } from './deletionRanking';
import { rankPods } from './deletionRanking';

/** The criterion of upstream ActivePodsWithRanks.Less that decided which of two Pods goes first. */
export type DeletionRule = 'unassigned' | 'phase' | 'notReady' | 'cost' | 'rank' | 'readyTime' | 'readyTimeUid'
  | 'restarts' | 'sidecarRestarts' | 'created' | 'createdUid';

export interface Decision { aFirst: boolean; rule: DeletionRule }

/** upstream logarithmicRankDiff: floor(log2(age in ns)), −1 for an age ≤ 0. */
export function logBucket(since: number, now: number): number {
  const ns = (now - since) * 1e6;
  return ns > 0 ? Math.floor(Math.log2(ns)) : -1;
}

/**
 * Two timestamps under LogarithmicScaleDown (default on): the younger log₂ age bucket goes first;
 * within one bucket the smaller UID goes first. A zero (missing) time counts as the newest.
 */
function byAge(a: RankedPod, b: RankedPod, ta: number | undefined, tb: number | undefined, now: number,
  rule: DeletionRule, uidRule: DeletionRule): Decision {
  if (ta === undefined || tb === undefined) return { aFirst: ta === undefined, rule };
  const diff = logBucket(ta, now) - logBucket(tb, now);
  if (diff === 0) return { aFirst: a.uid < b.uid, rule: uidRule };
  return { aFirst: diff < 0, rule };
}

/** upstream ActivePodsWithRanks.Less as a decision, or undefined when nothing tells the two apart. */
export function decide(a: RankedPod, b: RankedPod, now: number): Decision | undefined {
  if (a.node !== b.node && (a.node === '' || b.node === '')) return { aFirst: a.node === '', rule: 'unassigned' };
  if (a.phase !== b.phase) return { aFirst: a.phase < b.phase, rule: 'phase' };
  if (a.ready !== b.ready) return { aFirst: !a.ready, rule: 'notReady' };
  if (a.cost !== b.cost) return { aFirst: a.cost < b.cost, rule: 'cost' };
  if (a.rank !== b.rank) return { aFirst: a.rank > b.rank, rule: 'rank' };
  if (a.ready && b.ready && a.readySince !== b.readySince) {
    return byAge(a, b, a.readySince, b.readySince, now, 'readyTime', 'readyTimeUid');
  }
  if (a.restarts[0] !== b.restarts[0]) return { aFirst: a.restarts[0] > b.restarts[0], rule: 'restarts' };
  if (a.restarts[1] !== b.restarts[1]) return { aFirst: a.restarts[1] > b.restarts[1], rule: 'sidecarRestarts' };
  if (a.created !== b.created) return byAge(a, b, a.created, b.created, now, 'created', 'createdUid');
  return undefined;
}

export function compareForDeletion(a: RankedPod, b: RankedPod, now: number): number {
  const d = decide(a, b, now);
  return d ? (d.aFirst ? -1 : 1) : 0;
}

/**
 * upstream getPodsToDelete: the active Pods in deletion order; the first `diff` go. When all of
 * them go there is nothing to choose and no sort. Ties keep name order, so runs are reproducible.
 */
export function orderForDeletion(active: KubeObject[], related: KubeObject[], diff: number, now: number): RankedPod[] {
  const ranked = rankPods([...active].sort((x, y) => (x.metadata.name < y.metadata.name ? -1 : 1)), related);
  if (diff < ranked.length) ranked.sort((x, y) => compareForDeletion(x, y, now));
  return ranked;
}
