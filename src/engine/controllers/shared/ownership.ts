import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject, OwnerReference } from '../../api';
import { clone, controllerOf } from '../../util/objects';
import { matchesSelector } from '../../util/selectors';
import type { ReconcileContext } from '../types';

/** The controller reference a controller puts on what it creates (blockOwnerDeletion set). */
export function controllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

export function isControlledBy(obj: KubeObject, owner: KubeObject): boolean {
  return controllerOf(obj)?.uid === owner.metadata.uid;
}

/**
 * upstream ControllerRefManager.ClaimPods (and ClaimReplicaSets, …): of the candidates, keep those
 * this owner controls and that still match; adopt matching orphans (when the owner is not being
 * deleted); release owned ones that no longer match. Returns what the owner now controls.
 */
export function claimObjects(ctx: ReconcileContext, owner: KubeObject, selector: LabelSelector | undefined,
  candidates: KubeObject[], matches: (obj: KubeObject) => boolean = (o) => matchesSelector(selector, o.metadata.labels)): KubeObject[] {
  const claimed: KubeObject[] = [];
  for (const obj of candidates) {
    const ref = controllerOf(obj);
    const match = matches(obj);
    if (ref && ref.uid === owner.metadata.uid) {
      if (match) claimed.push(obj);
      // upstream ClaimObject: owned but no longer matching is released, unless the owner is being deleted
      else if (!owner.metadata.deletionTimestamp) release(ctx, owner, obj);
      continue;
    }
    if (ref || !match || owner.metadata.deletionTimestamp || obj.metadata.deletionTimestamp) continue;
    const adopted = adopt(ctx, owner, obj);
    if (adopted) claimed.push(adopted);
  }
  return claimed;
}

function adopt(ctx: ReconcileContext, owner: KubeObject, obj: KubeObject): KubeObject | undefined {
  const next = clone(obj);
  next.metadata.ownerReferences = [...(next.metadata.ownerReferences ?? []), controllerRef(owner)];
  const result = ctx.update(next, `${owner.kind} ${owner.metadata.name} adopted ${obj.kind} ${obj.metadata.name} (its labels match the selector)`);
  return result.ok ? result.object : undefined;
}

function release(ctx: ReconcileContext, owner: KubeObject, obj: KubeObject): void {
  const next = clone(obj);
  next.metadata.ownerReferences = (next.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.metadata.uid);
  if (!next.metadata.ownerReferences.length) delete next.metadata.ownerReferences;
  ctx.update(next, `${owner.kind} ${owner.metadata.name} released ${obj.kind} ${obj.metadata.name} (its labels no longer match)`);
}
