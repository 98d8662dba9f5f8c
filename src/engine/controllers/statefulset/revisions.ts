/**
 * The StatefulSet's revision history: which ControllerRevision is current, which is the update
 * target, and trimming the rest to revisionHistoryLimit.
 * upstream: stateful_set_control.go (getStatefulSetRevisions, truncateHistory), stateful_set_utils.go (newRevision)
 */
import type { KubeObject } from '../../api';
import {
  createControllerRevision, deleteControllerRevision, newControllerRevision, updateRevisionNumber,
} from '../history/historyClient';
import {
  equalRevision, findEqualRevisions, nextRevision, type ControllerRevisionObject,
} from '../history/revisions';
import { templatePatch } from '../history/templatePatch';
import type { ReconcileContext } from '../types';
import { podRevision } from './podState';
import type { StatefulSetObject } from './statefulSetSpec';

export interface SetRevisions {
  current: ControllerRevisionObject;
  update: ControllerRevisionObject;
  collisionCount: number;
}

/** upstream newRevision: the set's template as a revision, carrying the set's annotations. */
export function newRevision(set: StatefulSetObject, revision: number, collisionCount: number): ControllerRevisionObject {
  const cr = newControllerRevision(set, set.spec.template?.metadata?.labels, templatePatch(set), revision, collisionCount);
  if (set.metadata.annotations) cr.metadata.annotations = { ...set.metadata.annotations };
  return cr;
}

/**
 * upstream getStatefulSetRevisions (revisions sorted): the update revision is the last revision if
 * it records the current template; an older equal revision is renumbered to the next number (a
 * rollback); otherwise a new revision is created. The current revision is the one status names,
 * or the update revision when there is none yet.
 */
export function getStatefulSetRevisions(ctx: ReconcileContext, set: StatefulSetObject,
  revisions: ControllerRevisionObject[]): SetRevisions | { error: string } {
  const collision = { count: set.status?.collisionCount ?? 0 };
  const candidate = newRevision(set, nextRevision(revisions), collision.count);
  const equal = findEqualRevisions(revisions, candidate);
  const last = revisions[revisions.length - 1];
  const name = set.metadata.name;
  let update: ControllerRevisionObject;
  if (equal.length && equalRevision(last, equal[equal.length - 1])) {
    update = last;
  } else if (equal.length) {
    const old = equal[equal.length - 1];
    const result = updateRevisionNumber(ctx, old, candidate.revision, `StatefulSet ${name}'s pod template is again the one ` +
      `ControllerRevision ${old.metadata.name} recorded, so that revision is reused as revision ${candidate.revision} ` +
      `(was ${old.revision}): a rollback is a roll forward to an old template`);
    if (!result.ok) return { error: result.message };
    update = result.revision;
  } else {
    const result = createControllerRevision(ctx, set, candidate, collision, (n) =>
      `StatefulSet ${name} records its new pod template as ControllerRevision ${n} (revision ${candidate.revision}); ` +
      'Pods carry the revision name in their controller-revision-hash label');
    if (!result.ok) return { error: result.message };
    update = result.revision;
  }
  const current = revisions.find((r) => r.metadata.name === set.status?.currentRevision) ?? update;
  return { current, update, collisionCount: collision.count };
}

/**
 * upstream truncateHistory: revisions that no Pod carries and that are neither current nor update
 * are history; the oldest go until at most revisionHistoryLimit remain.
 */
export function truncateHistory(ctx: ReconcileContext, set: StatefulSetObject, pods: KubeObject[],
  revisions: ControllerRevisionObject[], live: (ControllerRevisionObject | undefined)[]): string | undefined {
  const liveNames = new Set<string | undefined>([...live.map((r) => r?.metadata.name), ...pods.map(podRevision)]);
  const history = revisions.filter((r) => !liveNames.has(r.metadata.name));
  const limit = set.spec.revisionHistoryLimit ?? 10;
  if (limit < 0 || history.length <= limit) return undefined;
  for (const old of history.slice(0, history.length - limit)) {
    const result = deleteControllerRevision(ctx, old, `StatefulSet ${set.metadata.name} keeps at most ` +
      `revisionHistoryLimit=${limit} unused revisions: deleting ControllerRevision ${old.metadata.name} (revision ${old.revision})`);
    if (!result.ok) return result.message;
  }
  return undefined;
}
