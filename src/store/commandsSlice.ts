/**
 * kubectl-like commands from the UI: each calls one engine command on the cluster as it is now
 * (the newest Step, whatever Step the cursor shows), keeps kubectl's output (success or error) in
 * `lastCommand`, and on success moves the cursor to the newest Step and follows it, so what the
 * controllers do in response plays out from there.
 */
import type { Cluster, CommandResult, DeleteCommandOptions } from '../engine/api';
import type { ObjectRef, SliceGet, SliceSet } from './types';

export type Propagation = NonNullable<DeleteCommandOptions['propagationPolicy']>;

/** What one command printed, as a terminal would show it. */
export interface CommandOutcome {
  /** Counts up with every command, so the same output twice is still news. */
  id: number;
  /** The kubectl command line the action stands for, e.g. `kubectl scale deployment/web --replicas=5`. */
  command: string;
  ok: boolean;
  /** kubectl's output: `deployment.apps/web scaled`, or the error. */
  message: string;
  ref: ObjectRef;
  /** The cluster it ran against (a reset starts a new one, and old output no longer applies). */
  cluster: Cluster;
}

export interface CommandsSlice {
  lastCommand: CommandOutcome | null;
  /** `kubectl scale <kind>/<name> --replicas=N`. */
  scale(ref: ObjectRef, replicas: number): CommandResult;
  /** `kubectl rollout undo <kind>/<name> [--to-revision=N]` (the previous revision when omitted or 0). */
  rolloutUndo(ref: ObjectRef, toRevision?: number): CommandResult;
  rolloutPause(ref: ObjectRef): CommandResult;
  rolloutResume(ref: ObjectRef): CommandResult;
  rolloutRestart(ref: ObjectRef): CommandResult;
  /** `kubectl delete <kind> <name> [--cascade=background|foreground|orphan]`. */
  deleteObject(ref: ObjectRef, propagation?: Propagation): CommandResult;
  /** `kubectl patch <job|cronjob> <name> -p '{"spec":{"suspend":…}}'`. */
  setSuspended(ref: ObjectRef, suspended: boolean): CommandResult;
  clearCommandOutput(): void;
}

/** ` -n <ns>` unless the namespace is the default one (or the kind is cluster-scoped). */
const nsFlag = (ref: ObjectRef): string => (ref.namespace && ref.namespace !== 'default' ? ` -n ${ref.namespace}` : '');
const target = (ref: ObjectRef): string => `${ref.kind.toLowerCase()}/${ref.name}${nsFlag(ref)}`;

/** The kubectl command lines the actions stand for. */
export const commandLines = {
  scale: (ref: ObjectRef, replicas: number) => `kubectl scale ${target(ref)} --replicas=${replicas}`,
  rollout: (action: 'undo' | 'pause' | 'resume' | 'restart', ref: ObjectRef, toRevision?: number) =>
    `kubectl rollout ${action} ${target(ref)}${toRevision ? ` --to-revision=${toRevision}` : ''}`,
  delete: (ref: ObjectRef, propagation: Propagation = 'Background') =>
    `kubectl delete ${ref.kind.toLowerCase()} ${ref.name}${nsFlag(ref)}` +
    (propagation === 'Background' ? '' : ` --cascade=${propagation.toLowerCase()}`),
  suspend: (ref: ObjectRef, suspended: boolean) =>
    `kubectl patch ${ref.kind.toLowerCase()} ${ref.name}${nsFlag(ref)} -p '{"spec":{"suspend":${suspended}}}'`,
};

export function createCommandsSlice(set: SliceSet, get: SliceGet): CommandsSlice {
  let nextId = 1;
  /** Runs one engine command; an unexpected exception is shown as output instead of breaking the page. */
  const run = (ref: ObjectRef, command: string, body: (cluster: Cluster) => CommandResult): CommandResult => {
    const { cluster } = get();
    let result: CommandResult;
    try {
      result = body(cluster);
    } catch (err) {
      result = { ok: false, message: `internal error: ${err instanceof Error ? err.message : String(err)}` };
    }
    const lastCommand: CommandOutcome = { id: nextId++, command, ok: result.ok, message: result.message, ref: { ...ref }, cluster };
    set(result.ok ? { lastCommand, cursor: cluster.steps.length - 1, following: true } : { lastCommand });
    return result;
  };
  return {
    lastCommand: null,
    scale: (ref, replicas) => run(ref, commandLines.scale(ref, replicas),
      (c) => c.scale(ref.kind, ref.name, replicas, ref.namespace)),
    rolloutUndo: (ref, toRevision) => run(ref, commandLines.rollout('undo', ref, toRevision),
      (c) => c.rollout('undo', ref.kind, ref.name, ref.namespace, toRevision ? { toRevision } : {})),
    rolloutPause: (ref) => run(ref, commandLines.rollout('pause', ref), (c) => c.rollout('pause', ref.kind, ref.name, ref.namespace)),
    rolloutResume: (ref) => run(ref, commandLines.rollout('resume', ref), (c) => c.rollout('resume', ref.kind, ref.name, ref.namespace)),
    rolloutRestart: (ref) => run(ref, commandLines.rollout('restart', ref), (c) => c.rollout('restart', ref.kind, ref.name, ref.namespace)),
    deleteObject: (ref, propagation = 'Background') => run(ref, commandLines.delete(ref, propagation),
      (c) => c.delete(ref.kind, ref.name, ref.namespace, { propagationPolicy: propagation })),
    setSuspended: (ref, suspended) => run(ref, commandLines.suspend(ref, suspended),
      (c) => c.setSuspended(ref.kind, ref.name, suspended, ref.namespace)),
    clearCommandOutput: () => set({ lastCommand: null }),
  };
}
