/**
 * The annotations a Deployment keeps on its ReplicaSets: the Deployment's own (copied), the
 * revision and its history, and the desired/max replicas that proportional scaling reads.
 * upstream: pkg/controller/deployment/util/deployment_util.go (SetNewReplicaSetAnnotations,
 * copyDeploymentAnnotationsToReplicaSet, SetReplicasAnnotations, SetDeploymentRevision)
 */
import { ANNOTATIONS_TO_SKIP, DESIRED_REPLICAS, MAX_REPLICAS, REVISION, REVISION_HISTORY } from './types';

/** upstream maxRevHistoryLengthInChars */
export const MAX_REVISION_HISTORY_CHARS = 2000;

type Annotations = Record<string, string>;

/** Copies the Deployment's annotations (but not the skipped ones) onto `rs`; true when any changed. */
export function copyDeploymentAnnotations(deployment: Annotations | undefined, rs: Annotations): boolean {
  let changed = false;
  for (const [k, v] of Object.entries(deployment ?? {})) {
    if (ANNOTATIONS_TO_SKIP.has(k) || rs[k] === v) continue;
    rs[k] = v;
    changed = true;
  }
  return changed;
}

/** desired-replicas = replicas and max-replicas = replicas + maxSurge; true when either changed. */
export function setReplicasAnnotations(rs: Annotations, desired: number, max: number): boolean {
  let changed = false;
  if (rs[DESIRED_REPLICAS] !== String(desired)) {
    rs[DESIRED_REPLICAS] = String(desired);
    changed = true;
  }
  if (rs[MAX_REPLICAS] !== String(max)) {
    rs[MAX_REPLICAS] = String(max);
    changed = true;
  }
  return changed;
}

/**
 * upstream SetNewReplicaSetAnnotations, on `rs` (mutated): copy the Deployment's annotations, raise
 * the revision to `newRevision` if it is lower, and when an existing revision is raised (a rollback
 * to this template) append the old number to revision-history, dropping the oldest entries past
 * 2000 characters. A ReplicaSet about to be created (`exists` false) also gets its replicas annotations.
 */
export function setNewReplicaSetAnnotations(deployment: Annotations | undefined, rs: Annotations, newRevision: number,
  exists: boolean, replicas: { desired: number; max: number }): boolean {
  let changed = copyDeploymentAnnotations(deployment, rs);
  const had = REVISION in rs;
  const oldRaw = rs[REVISION] ?? '';
  let oldRevision = 0;
  if (oldRaw !== '') {
    if (!/^[+-]?\d+$/.test(oldRaw)) return false; // upstream: not an int → leave the ReplicaSet alone
    oldRevision = Number(oldRaw);
  }
  if (oldRevision < newRevision) {
    rs[REVISION] = String(newRevision);
    changed = true;
    if (had) appendRevisionHistory(rs, oldRaw);
  }
  if (!exists && setReplicasAnnotations(rs, replicas.desired, replicas.max)) changed = true;
  return changed;
}

function appendRevisionHistory(rs: Annotations, oldRevision: string): void {
  const history = rs[REVISION_HISTORY] ?? '';
  if (history === '') {
    rs[REVISION_HISTORY] = oldRevision;
    return;
  }
  const entries = history.split(',');
  let totalLen = history.length + oldRevision.length + 1;
  let start = 0;
  while (totalLen > MAX_REVISION_HISTORY_CHARS && start < entries.length) {
    totalLen -= entries[start].length + 1;
    start++;
  }
  if (totalLen <= MAX_REVISION_HISTORY_CHARS) rs[REVISION_HISTORY] = [...entries.slice(start), oldRevision].join(',');
}
