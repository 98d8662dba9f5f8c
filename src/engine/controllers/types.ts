/**
 * The shape every actor of the control plane takes (controllers, the scheduler, each kubelet):
 * watches declared as data → a work queue of keys → reconcile(key). Level-based: reconcile reads
 * the store, writes through it, and waits only by asking to be requeued.
 */
import type { KubeObject, RuntimeContainer, RuntimeSandbox } from '../api';
import type { Random } from '../core/random';

/** Read access for watch mappings (an informer's lister). */
export interface StoreReader {
  get(kind: string, name: string, namespace?: string): KubeObject | undefined;
  /** `fieldSelector` lists Pods by `spec.nodeName` from an index, as the kubelet's watch does. */
  list(kind: string, namespace?: string, fieldSelector?: { field: 'spec.nodeName'; value: string }): KubeObject[];
}

/** Maps a change of a watched object to the keys the controller should reconcile. */
export interface WatchSpec {
  kind: string;
  /** `old` is undefined on creation and on deletion (then `obj` is the object's last state). */
  map(obj: KubeObject, old: KubeObject | undefined, lister: StoreReader): string[];
}

export interface ReconcileResult {
  /** Reconcile this key again after this many virtual ms (the earliest request wins). */
  requeueAfter?: number;
}

export interface Controller {
  /** The actor name shown on the timeline: `replicaset-controller`, `kube-scheduler`, `kubelet/node-1`. */
  readonly name: string;
  readonly watches: readonly WatchSpec[];
  reconcile(key: string, ctx: ReconcileContext): ReconcileResult | void;
}

export interface DeleteOptions {
  /** Pods: seconds until the kubelet must have stopped the containers; 0 removes at once. */
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
}

/** What an API write returns: the object as stored, or the API server's refusal. */
export type WriteResult = { ok: true; object: KubeObject } | { ok: false; message: string };

export interface EventOptions {
  /** `spec.containers{app}` for container events. */
  fieldPath?: string;
  /** Event source component; defaults to the actor (`kubelet` for kubelets, `default-scheduler` for the scheduler). */
  component?: string;
  /** Event source host (the Node, for kubelet events). */
  host?: string;
}

/** Runtime records of one Node (what crictl shows); versioned with the cluster so time travel sees them. */
export interface NodeRuntimeStore {
  sandboxes(): RuntimeSandbox[];
  containers(): RuntimeContainer[];
  /** Image references present on the Node. */
  images(): string[];
  putSandbox(sandbox: RuntimeSandbox): void;
  removeSandbox(id: string): void;
  putContainer(container: RuntimeContainer): void;
  removeContainer(id: string): void;
  addImage(reference: string): void;
}

/** A controller's own bookkeeping that is not an API object (probe counters, back-off), versioned too. */
export interface Memo {
  get<T>(key: string): T | undefined;
  set<T>(key: string, value: T): void;
  delete(key: string): void;
}

/**
 * What a reconcile may do. Every API write (create/update/updateStatus/delete) becomes one Step on
 * the timeline; Events, runtime records and memo writes join the Step of the API write they go with
 * (the one before them in the same reconcile, else the next one). A reconcile that writes only
 * runtime records or Events still makes one Step.
 */
export interface ReconcileContext {
  readonly now: number;
  readonly rng: Random;
  readonly actor: string;
  get(kind: string, name: string, namespace?: string): KubeObject | undefined;
  list(kind: string, namespace?: string, fieldSelector?: { field: 'spec.nodeName'; value: string }): KubeObject[];
  /** Through the API server: generateName, defaulting, admission, validation. */
  create(obj: Partial<KubeObject> & { kind: string; apiVersion: string }, message?: string): WriteResult;
  /** Replaces spec/metadata (generation bumps when spec changes); status is kept as stored. */
  update(obj: KubeObject, message?: string): WriteResult;
  /** Replaces status only. */
  updateStatus(obj: KubeObject, message?: string): WriteResult;
  delete(kind: string, name: string, namespace: string | undefined, options?: DeleteOptions, message?: string): WriteResult;
  event(involved: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, options?: EventOptions): void;
  /** Names the Step that the writes of this reconcile go into (when no write message says it better). */
  describe(message: string): void;
  runtime(node: string): NodeRuntimeStore;
  /**
   * A named, versioned table of records that are not API objects but that the UI shows as of any
   * Step (kube-proxy rules, traffic samples, metrics). Values must be JSON-like and are frozen.
   */
  table<T>(name: string): RecordTable<T>;
  /**
   * Queues `key` for another actor, as a watch would: for state that is not an API object (a
   * traffic generator started in a record table wakes the generator and metrics-server).
   */
  wake(actor: string, key: string): void;
  readonly memo: Memo;
}

export interface RecordTable<T> {
  get(key: string): T | undefined;
  entries(): [string, T][];
  set(key: string, value: T | undefined): void;
}
