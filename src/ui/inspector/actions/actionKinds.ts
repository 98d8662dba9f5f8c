/**
 * Which kubectl commands apply to which kinds, as kubectl decides it.
 * upstream: kubectl scale (the scale subresource), polymorphichelpers (rollbacker, restarter,
 * pauser/resumer: Deployments only for pause and resume).
 */
export const SCALABLE_KINDS: ReadonlySet<string> = new Set(['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet']);
/** `rollout undo` and `rollout restart`. */
export const ROLLOUT_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);
/** `rollout pause` / `rollout resume`. */
export const PAUSABLE_KINDS: ReadonlySet<string> = new Set(['Deployment']);
/** `spec.suspend`. */
export const SUSPENDABLE_KINDS: ReadonlySet<string> = new Set(['Job', 'CronJob']);
