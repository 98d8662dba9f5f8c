import type { Controller } from '../types';
import { replicaSetKind, replicationControllerKind, type ReplicaKind } from './replicaKinds';
import { syncReplicaSet } from './syncReplicaSet';
import { replicaWatches } from './watches';

function replicaController(kind: ReplicaKind): Controller {
  return {
    name: kind.actor,
    watches: replicaWatches(kind),
    reconcile: (key, ctx) => syncReplicaSet(kind, key, ctx),
  };
}

/** replicaset-controller: keeps spec.replicas active Pods for every apps/v1 ReplicaSet. */
export const replicaSetController: Controller = replicaController(replicaSetKind);

/**
 * replication-controller: the same controller for v1 ReplicationControllers (upstream runs the
 * ReplicaSet controller over converted RCs), with a plain label-map selector.
 */
export const replicationControllerController: Controller = replicaController(replicationControllerKind);
