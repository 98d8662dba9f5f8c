import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api';
import { matchesMap, matchesSelector, type Labels } from '../../util/selectors';

/** The fields of a ReplicaSet / ReplicationController spec the controller reads. */
export interface ReplicaSpec {
  replicas: number;
  minReadySeconds: number;
  template?: PodTemplateSpec;
}

/**
 * What differs between the two kinds one controller serves. upstream: the ReplicationController
 * manager is the ReplicaSet controller with RCs converted on the way in (pkg/controller/replication),
 * so only the kind, the actor and the selector form (a plain label map) change.
 */
export interface ReplicaKind {
  kind: 'ReplicaSet' | 'ReplicationController';
  actor: string;
  /** Whether the owner's selector picks these labels. An empty or missing selector picks none. */
  selects(owner: KubeObject, labels: Labels): boolean;
}

export function replicaSpec(owner: KubeObject): ReplicaSpec {
  const spec = (owner.spec ?? {}) as { replicas?: number; minReadySeconds?: number; template?: PodTemplateSpec };
  return { replicas: spec.replicas ?? 1, minReadySeconds: spec.minReadySeconds ?? 0, template: spec.template };
}

const isEmpty = (o: object | undefined) => !o || Object.keys(o).length === 0;

export const replicaSetKind: ReplicaKind = {
  kind: 'ReplicaSet',
  actor: 'replicaset-controller',
  selects(owner, labels) {
    const selector = (owner.spec as { selector?: LabelSelector } | undefined)?.selector;
    // upstream GetPodReplicaSets: "a nil or empty selector should match nothing, not everything"
    if (!selector || (isEmpty(selector.matchLabels) && !selector.matchExpressions?.length)) return false;
    return matchesSelector(selector, labels);
  },
};

export const replicationControllerKind: ReplicaKind = {
  kind: 'ReplicationController',
  actor: 'replication-controller',
  selects(owner, labels) {
    const selector = (owner.spec as { selector?: Record<string, string> } | undefined)?.selector;
    return !isEmpty(selector) && matchesMap(selector, labels);
  },
};
