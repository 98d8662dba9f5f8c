/**
 * The new ReplicaSet: found (and its annotations kept in step with the Deployment), or created.
 * upstream: pkg/controller/deployment/sync.go (getNewReplicaSet, getAllReplicaSetsAndSyncRevision)
 */
import { clone } from '../../util/objects';
import { setNewReplicaSetAnnotations } from './annotations';
import { getCondition, newCondition, Reason, setCondition } from './conditions';
import { createNewReplicaSet } from './createReplicaSet';
import { findNewReplicaSet, findOldReplicaSets, maxRevision } from './replicaSets';
import { maxSurge } from './rollingMath';
import { setDeploymentRevision, writeDeploymentStatus, type DeploymentSync } from './sync';
import { hasProgressDeadline, replicasOf, REVISION, REVISION_HISTORY, sortedMap, type ReplicaSetObject } from './types';

export interface ReplicaSetsOfDeployment {
  newRS: ReplicaSetObject | undefined;
  /** Every other owned ReplicaSet, oldest first. */
  oldRSs: ReplicaSetObject[];
}

/** upstream getAllReplicaSetsAndSyncRevision: old ones, and the new one (created only if asked). */
export function getAllReplicaSetsAndSyncRevision(s: DeploymentSync, rsList: ReplicaSetObject[],
  createIfNotExisted: boolean): ReplicaSetsOfDeployment {
  const oldRSs = findOldReplicaSets(s.d, rsList);
  const newRS = getNewReplicaSet(s, rsList, oldRSs, createIfNotExisted);
  return { newRS, oldRSs };
}

function getNewReplicaSet(s: DeploymentSync, rsList: ReplicaSetObject[], oldRSs: ReplicaSetObject[],
  createIfNotExisted: boolean): ReplicaSetObject | undefined {
  const existing = findNewReplicaSet(s.d, rsList);
  const newRevision = maxRevision(oldRSs) + 1;
  if (existing) return syncExistingNewReplicaSet(s, existing, newRevision);
  if (!createIfNotExisted) return undefined;
  return createNewReplicaSet(s, oldRSs, newRevision);
}

function syncExistingNewReplicaSet(s: DeploymentSync, existing: ReplicaSetObject, newRevision: number): ReplicaSetObject | undefined {
  const { d } = s;
  const next = clone(existing);
  const annotations = { ...(next.metadata.annotations ?? {}) };
  const before = annotations[REVISION];
  const replicas = { desired: replicasOf(d), max: replicasOf(d) + maxSurge(d) };
  const annotationsUpdated = setNewReplicaSetAnnotations(d.metadata.annotations, annotations, newRevision, true, replicas);
  const minReady = d.spec.minReadySeconds ?? 0;
  if (annotationsUpdated || (existing.spec.minReadySeconds ?? 0) !== minReady) {
    next.metadata.annotations = sortedMap(annotations);
    if (minReady) next.spec.minReadySeconds = minReady;
    else delete next.spec.minReadySeconds;
    const name = existing.metadata.name;
    const message = before !== undefined && annotations[REVISION] !== before
      ? `ReplicaSet ${name} has the Deployment's Pod template again, so it is reused as revision ${annotations[REVISION]}; ` +
        `its earlier revision ${before} is kept in revision-history (${annotations[REVISION_HISTORY]})`
      : `ReplicaSet ${name} takes the Deployment's annotations and minReadySeconds=${minReady}`;
    const result = s.ctx.update(next, message);
    if (!result.ok) {
      s.error = result.message;
      return undefined;
    }
    return result.object as ReplicaSetObject;
  }
  let needsUpdate = setDeploymentRevision(s, annotations[REVISION]);
  // upstream: a Deployment without a Progressing condition starts counting from when its new RS was found
  if (hasProgressDeadline(d) && !getCondition(d.status, 'Progressing')) {
    d.status = d.status ?? {};
    setCondition(d.status, newCondition('Progressing', 'True', Reason.FoundNewRS,
      `Found new replica set "${existing.metadata.name}"`, s.ctx.now));
    needsUpdate = true;
  }
  if (needsUpdate) {
    writeDeploymentStatus(s, `Deployment ${d.metadata.name} is at revision ${annotations[REVISION]}, ` +
      `the revision of its new ReplicaSet ${existing.metadata.name}`);
  }
  return existing;
}
