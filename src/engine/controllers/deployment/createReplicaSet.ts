/**
 * Creating the new ReplicaSet: `<deployment>-<pod-template-hash>`, the hash in its labels, selector
 * and template labels, sized by the strategy; a name taken by a foreign ReplicaSet bumps collisionCount.
 * upstream: pkg/controller/deployment/sync.go (getNewReplicaSet, the create half)
 */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { podTemplateHash } from '../../apiserver/names';
import { clone, controllerOf } from '../../util/objects';
import { controllerRef } from '../shared/ownership';
import { setNewReplicaSetAnnotations } from './annotations';
import { newCondition, Reason, setCondition } from './conditions';
import { createReplicaSetMessage } from './messages';
import { equalIgnoreHash, specReplicas } from './replicaSets';
import { maxSurge, newRSNewReplicas } from './rollingMath';
import { namespaceOf, setDeploymentRevision, writeDeploymentStatus, type DeploymentSync } from './sync';
import { hasProgressDeadline, POD_TEMPLATE_HASH, replicasOf, sortedMap, type ReplicaSetObject } from './types';

function newReplicaSetObject(s: DeploymentSync, hash: string, replicas: number,
  annotations: Record<string, string>): ReplicaSetObject {
  const { d } = s;
  const template = clone(d.spec.template) as PodTemplateSpec;
  template.metadata = { ...(template.metadata ?? {}),
    labels: sortedMap({ ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH]: hash }) };
  const selector = clone(d.spec.selector);
  selector.matchLabels = sortedMap({ ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH]: hash });
  const spec: ReplicaSetObject['spec'] = { replicas, selector, template };
  if (d.spec.minReadySeconds) spec.minReadySeconds = d.spec.minReadySeconds;
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${d.metadata.name}-${hash}`,
      namespace: namespaceOf(s),
      labels: template.metadata.labels,
      annotations: sortedMap(annotations),
      ownerReferences: [controllerRef(d)],
    },
    spec,
  } as unknown as ReplicaSetObject;
}

export function createNewReplicaSet(s: DeploymentSync, oldRSs: ReplicaSetObject[], newRevision: number): ReplicaSetObject | undefined {
  const { d, ctx } = s;
  const hash = podTemplateHash(d.spec.template, d.status?.collisionCount);
  const current = specReplicas(oldRSs);
  const count = newRSNewReplicas(d, current, 0);
  const annotations: Record<string, string> = {};
  setNewReplicaSetAnnotations(d.metadata.annotations, annotations, newRevision, false,
    { desired: replicasOf(d), max: replicasOf(d) + maxSurge(d) });
  const rs = newReplicaSetObject(s, hash, count, annotations);
  const name = rs.metadata.name;
  const result = ctx.create(rs, createReplicaSetMessage(d, name, newRevision, count, current));
  let created: ReplicaSetObject;
  let alreadyExists = false;
  if (result.ok) {
    created = result.object as ReplicaSetObject;
  } else if (result.message.endsWith('already exists')) {
    const found = ctx.get('ReplicaSet', name, namespaceOf(s)) as ReplicaSetObject | undefined;
    if (!found || controllerOf(found)?.uid !== d.metadata.uid || !equalIgnoreHash(d.spec.template, found.spec.template)) {
      return bumpCollisionCount(s, name, result.message);
    }
    created = found;
    alreadyExists = true;
  } else {
    return failCreate(s, name, result.message);
  }
  if (!alreadyExists && count > 0) ctx.event(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${name} to ${count}`);
  let needsUpdate = setDeploymentRevision(s, String(newRevision));
  if (!alreadyExists && hasProgressDeadline(d)) {
    d.status = d.status ?? {};
    setCondition(d.status, newCondition('Progressing', 'True', Reason.NewRSCreated, `Created new replica set "${name}"`, ctx.now));
    needsUpdate = true;
  }
  if (needsUpdate) {
    writeDeploymentStatus(s, `Deployment ${d.metadata.name} is at revision ${newRevision}: ` +
      `Progressing=True (NewReplicaSetCreated), the rollout to ${name} has begun`);
  }
  return created;
}

/**
 * A ReplicaSet of that name exists but is not this Deployment's (a hash collision): bump
 * status.collisionCount so the next hash differs, and retry.
 */
function bumpCollisionCount(s: DeploymentSync, name: string, message: string): undefined {
  const { d } = s;
  d.status = { ...(d.status ?? {}), collisionCount: (d.status?.collisionCount ?? 0) + 1 };
  writeDeploymentStatus(s, `ReplicaSet ${name} already exists with another Pod template (a pod-template-hash collision): ` +
    `Deployment ${d.metadata.name} raises collisionCount to ${d.status.collisionCount} so its next hash differs`);
  s.error = message;
  return undefined;
}

function failCreate(s: DeploymentSync, name: string, error: string): undefined {
  const { d, ctx } = s;
  s.error = error;
  // upstream: in a terminating namespace every create fails; nothing to report
  if (error.includes('because it is being terminated')) return undefined;
  const msg = `Failed to create new replica set "${name}": ${error}`;
  if (hasProgressDeadline(d)) {
    d.status = d.status ?? {};
    setCondition(d.status, newCondition('Progressing', 'False', Reason.FailedRSCreate, msg, ctx.now));
    writeDeploymentStatus(s, `Deployment ${d.metadata.name} could not create ReplicaSet ${name}: Progressing=False (ReplicaSetCreateError)`);
  }
  ctx.event(d, 'Warning', Reason.FailedRSCreate, msg);
  return undefined;
}
