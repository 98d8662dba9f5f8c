/**
 * One sync of one Deployment: the working copy upstream mutates as it goes (`d`), and the writes
 * every part of the sync shares (status with annotations, ReplicaSet scaling with its event).
 */
import { clone, deepEqual } from '../../util/objects';
import type { ReconcileContext } from '../types';
import { setReplicasAnnotations } from './annotations';
import { maxSurge } from './rollingMath';
import { replicasOf, REVISION, rsReplicas, sortedMap, type DeploymentObject, type ReplicaSetObject } from './types';

export interface DeploymentSync {
  readonly ctx: ReconcileContext;
  /** The Deployment as this sync sees it; status and annotations are changed here, then written. */
  d: DeploymentObject;
  /** Set when an API write failed: the sync stops and the key is retried with back-off. */
  error?: string;
  /** When the sync wants to look again (a progress-deadline check). */
  requeueAfter?: number;
}

export function newSync(ctx: ReconcileContext, stored: DeploymentObject): DeploymentSync {
  return { ctx, d: clone(stored) };
}

export const namespaceOf = (s: DeploymentSync): string => s.d.metadata.namespace ?? 'default';

/**
 * Writes the working copy's status (and its annotations: upstream's Deployment status strategy
 * keeps metadata.annotations from the request, which is how the revision annotation is stored).
 * Where the API server's status write drops annotation changes, they follow through a regular
 * update, which also bumps a Deployment's generation (upstream's does not): an API-server gap.
 */
export function writeDeploymentStatus(s: DeploymentSync, message: string): boolean {
  const { ctx } = s;
  const result = ctx.updateStatus(s.d, message);
  if (!result.ok) {
    s.error = result.message;
    return false;
  }
  let stored = result.object as DeploymentObject;
  if (!deepEqual(stored.metadata.annotations ?? {}, s.d.metadata.annotations ?? {})) {
    const next = clone(stored);
    next.metadata.annotations = s.d.metadata.annotations;
    const revision = next.metadata.annotations?.[REVISION];
    const updated = ctx.update(next, `Deployment ${next.metadata.name} records revision ${revision ?? '(none)'} ` +
      `in its ${REVISION} annotation`);
    if (!updated.ok) {
      s.error = updated.message;
      return false;
    }
    stored = updated.object as DeploymentObject;
  }
  s.d = clone(stored);
  return true;
}

/** The stored version of a ReplicaSet this sync holds (it may have been written earlier in the sync). */
export function latest(s: DeploymentSync, rs: ReplicaSetObject): ReplicaSetObject {
  const stored = s.ctx.get('ReplicaSet', rs.metadata.name, rs.metadata.namespace) as ReplicaSetObject | undefined;
  return stored && stored.metadata.uid === rs.metadata.uid ? stored : rs;
}

/**
 * upstream scaleReplicaSet: sets spec.replicas and the desired/max-replicas annotations in one
 * update; a size change is announced with a ScalingReplicaSet event (1.31 wording). `why` ends the
 * Step message with the rule that decided the size.
 */
export function scaleReplicaSet(s: DeploymentSync, target: ReplicaSetObject, newScale: number, why: string):
  { scaled: boolean; rs: ReplicaSetObject } {
  const rs = latest(s, target);
  const from = rsReplicas(rs);
  const replicas = replicasOf(s.d);
  const max = replicas + maxSurge(s.d);
  const next = clone(rs);
  const annotations = { ...(next.metadata.annotations ?? {}) };
  const annotationsChanged = setReplicasAnnotations(annotations, replicas, max);
  if (from === newScale && !annotationsChanged) return { scaled: false, rs };
  next.metadata.annotations = sortedMap(annotations);
  next.spec.replicas = newScale;
  const name = rs.metadata.name;
  const op = from < newScale ? 'up' : 'down';
  const message = from === newScale
    ? `ReplicaSet ${name} annotated desired-replicas=${replicas}, max-replicas=${max} (the Deployment's replicas, and replicas + maxSurge)`
    : `ReplicaSet ${name} scaled ${op} from ${from} to ${newScale}: ${why}`;
  const result = s.ctx.update(next, message);
  if (!result.ok) {
    s.error = result.message;
    return { scaled: false, rs };
  }
  if (from === newScale) return { scaled: false, rs: result.object as ReplicaSetObject };
  s.ctx.event(s.d, 'Normal', 'ScalingReplicaSet', `Scaled ${op} replica set ${name} from ${from} to ${newScale}`);
  return { scaled: true, rs: result.object as ReplicaSetObject };
}

/** upstream scaleReplicaSetAndRecordEvent: nothing to do when the size is already right. */
export function scaleReplicaSetAndRecordEvent(s: DeploymentSync, rs: ReplicaSetObject, newScale: number, why: string):
  { scaled: boolean; rs: ReplicaSetObject } {
  const current = latest(s, rs);
  if (rsReplicas(current) === newScale) return { scaled: false, rs: current };
  return scaleReplicaSet(s, current, newScale, why);
}

/** upstream SetDeploymentRevision */
export function setDeploymentRevision(s: DeploymentSync, revision: string | undefined): boolean {
  const annotations = s.d.metadata.annotations ?? {};
  if (annotations[REVISION] === revision) return false;
  s.d.metadata.annotations = sortedMap({ ...annotations, [REVISION]: revision ?? '' });
  return true;
}
