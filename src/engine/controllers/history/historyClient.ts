/**
 * Reading and writing ControllerRevisions through the API server, like upstream's realHistory.
 * upstream: pkg/controller/history/controller_history.go
 */
import type { KubeObject } from '../../api';
import { clone, controllerOf, deepEqual } from '../../util/objects';
import { controllerRef } from '../shared/ownership';
import type { ReconcileContext } from '../types';
import {
  CONTROLLER_REVISION_HASH_LABEL, controllerRevisionName, hashControllerRevision, type ControllerRevisionObject,
} from './revisions';

export type RevisionResult = { ok: true; revision: ControllerRevisionObject } | { ok: false; message: string };

/**
 * upstream ListControllerRevisions: the revisions in the parent's namespace that its selector
 * picks and that it controls or nobody controls.
 */
export function listControllerRevisions(ctx: ReconcileContext, parent: KubeObject,
  selects: (labels: Record<string, string> | undefined) => boolean): ControllerRevisionObject[] {
  return (ctx.list('ControllerRevision', parent.metadata.namespace) as ControllerRevisionObject[]).filter((r) => {
    const ref = controllerOf(r);
    return (!ref || ref.uid === parent.metadata.uid) && selects(r.metadata.labels);
  });
}

/**
 * upstream NewControllerRevision: the revision object (not yet stored) recording `data`, with the
 * template's labels, a controller reference to the parent, and a name from the data's hash.
 * The hash label carries the revision's name, which is also what the parent's Pods carry.
 */
export function newControllerRevision(parent: KubeObject, templateLabels: Record<string, string> | undefined,
  data: unknown, revision: number, collisionCount: number): ControllerRevisionObject {
  const name = controllerRevisionName(parent.metadata.name, hashControllerRevision(data, collisionCount));
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name,
      namespace: parent.metadata.namespace,
      labels: { ...(templateLabels ?? {}), [CONTROLLER_REVISION_HASH_LABEL]: name },
      ownerReferences: [controllerRef(parent)],
    } as unknown as KubeObject['metadata'],
    data,
    revision,
  };
}

/**
 * upstream CreateControllerRevision: create under the name the hash gives; when that name is taken
 * by a revision with other data, bump the collision count and hash again. A revision with the same
 * data under that name is taken as the one wanted. `collision.count` is updated in place.
 */
export function createControllerRevision(ctx: ReconcileContext, parent: KubeObject, revision: ControllerRevisionObject,
  collision: { count: number }, message: (name: string) => string): RevisionResult {
  for (;;) {
    const name = controllerRevisionName(parent.metadata.name, hashControllerRevision(revision.data, collision.count));
    const exists = ctx.get('ControllerRevision', name, parent.metadata.namespace) as ControllerRevisionObject | undefined;
    if (exists) {
      if (deepEqual(exists.data, revision.data)) return { ok: true, revision: exists };
      collision.count++;
      continue;
    }
    const next = clone(revision);
    next.metadata.name = name;
    const result = ctx.create(next, message(name));
    return result.ok ? { ok: true, revision: result.object as ControllerRevisionObject } : result;
  }
}

/** upstream UpdateControllerRevision: give an existing revision a new revision number. */
export function updateRevisionNumber(ctx: ReconcileContext, revision: ControllerRevisionObject, number: number,
  message: string): RevisionResult {
  if (revision.revision === number) return { ok: true, revision };
  const next = clone(revision);
  next.revision = number;
  const result = ctx.update(next, message);
  return result.ok ? { ok: true, revision: result.object as ControllerRevisionObject } : result;
}

/** upstream AdoptControllerRevision: add the parent's controller reference to an orphaned revision. */
export function adoptControllerRevision(ctx: ReconcileContext, parent: KubeObject,
  revision: ControllerRevisionObject): RevisionResult {
  const next = clone(revision);
  next.metadata.ownerReferences = [...(next.metadata.ownerReferences ?? []), controllerRef(parent)];
  const result = ctx.update(next, `${parent.kind} ${parent.metadata.name} adopted ControllerRevision ` +
    `${revision.metadata.name} (no controller, and its labels match the selector)`);
  return result.ok ? { ok: true, revision: result.object as ControllerRevisionObject } : result;
}

export function deleteControllerRevision(ctx: ReconcileContext, revision: ControllerRevisionObject, message: string): RevisionResult {
  const result = ctx.delete('ControllerRevision', revision.metadata.name, revision.metadata.namespace, undefined, message);
  return result.ok || result.message.endsWith('not found') ? { ok: true, revision } : result;
}
