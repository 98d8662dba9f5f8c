/**
 * The engine's public contract, used by the UI, the tests and the benchmarks.
 * Everything else under src/engine is an implementation detail.
 */

/** Any API object as `kubectl get -o json` would print it. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    uid: string;
    resourceVersion: string;
    generation?: number;
    creationTimestamp: string;
    deletionTimestamp?: string;
    deletionGracePeriodSeconds?: number;
    generateName?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    ownerReferences?: OwnerReference[];
    finalizers?: string[];
  };
  [field: string]: unknown;
}

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ClusterOptions {
  /** Seed of the one random source (names, IPs, tie-breaks). Default 1. */
  seed?: number;
  /** Worker Nodes named node-1..node-N, each 4 CPU, 8Gi, 110 pods. Default 3. */
  nodes?: number;
}

export interface ApplyError {
  message: string;
  /** 1-based line in the applied text, where the error has one. */
  line?: number;
  column?: number;
  /** 0-based index of the YAML document in the applied text */
  document?: number;
}

export type ApplyAction = 'created' | 'configured' | 'unchanged';

export type ApplyResult =
  | { ok: true; results: { kind: string; name: string; namespace?: string; action: ApplyAction }[] }
  | { ok: false; errors: ApplyError[] };

/** One change of the cluster, made by one named actor at one virtual moment. */
export interface Step {
  index: number;
  /** Virtual milliseconds since the cluster was created. */
  time: number;
  /** `kubectl`, `kube-scheduler`, `replicaset-controller`, `kubelet/node-1`, … */
  actor: string;
  message: string;
  /** The objects this Step wrote, in order. */
  changes: StepChange[];
  /** Reasons of the Events this Step emitted, as `Reason: message`. */
  events: string[];
}

export interface StepChange {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  kind: string;
  name: string;
  namespace?: string;
}

/** A sandbox as `crictl pods` lists it: the pause container that holds the Pod's namespaces. */
export interface RuntimeSandbox {
  id: string;
  pod: string;
  namespace: string;
  podUid: string;
  state: 'SANDBOX_READY' | 'SANDBOX_NOTREADY';
  ip: string;
  image: string;
  createdAt: number;
}

/** A container as `crictl ps -a` lists it. */
export interface RuntimeContainer {
  id: string;
  sandboxId: string;
  pod: string;
  namespace: string;
  name: string;
  image: string;
  /** init, sidecar (init with restartPolicy Always) or regular. */
  type: 'init' | 'sidecar' | 'regular';
  state: 'CONTAINER_CREATED' | 'CONTAINER_RUNNING' | 'CONTAINER_EXITED';
  attempt: number;
  exitCode?: number;
  reason?: string;
  createdAt: number;
  startedAt?: number;
  finishedAt?: number;
  limits: { cpu?: string; memory?: string };
}

export interface NodeRuntime {
  sandboxes: RuntimeSandbox[];
  containers: RuntimeContainer[];
}

/** Read-only view of the cluster as of one moment. */
export interface ClusterView {
  readonly now: number;
  readonly stepIndex: number;
  get(kind: string, name: string, namespace?: string): KubeObject | undefined;
  /** All namespaces when namespace is omitted. */
  list(kind: string, namespace?: string): KubeObject[];
  events(): KubeObject[];
  runtime(node: string): NodeRuntime;
  /** Records of a named table (`kube-proxy/node-1`, `traffic`, `metrics`…) as of this moment. */
  table<T = unknown>(name: string): [string, T][];
}

export interface DeleteResult {
  ok: boolean;
  message: string;
}

/** What a kubectl-like command prints: `deployment.apps/web scaled`, or the error. */
export type CommandResult = DeleteResult;

export interface DeleteCommandOptions {
  /** `kubectl delete --cascade=background|foreground|orphan`; Background by default. */
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
  /** `--grace-period`; 0 with a Pod removes it at once (`--force`). */
  gracePeriodSeconds?: number;
}

export type RolloutAction = 'undo' | 'pause' | 'resume' | 'restart';

export type ProxyMode = 'iptables' | 'ipvs';

/** A stream of simulated requests aimed at a Service. */
export interface TrafficSpec {
  /** The Service the requests are for. */
  service: string;
  namespace?: string;
  /** Service port (number or name); the first port when omitted. */
  port?: number | string;
  /**
   * How the requests arrive: to the ClusterIP from a Pod (`from` names it; any running Pod when
   * omitted), or from outside to a NodePort (`node` names the Node entered) or the LoadBalancer IP.
   */
  via?: 'ClusterIP' | 'NodePort' | 'LoadBalancer';
  from?: { pod: string; namespace?: string } | { node: string };
  /** Requests per virtual second. */
  ratePerSecond: number;
}

export type ProbeType = 'liveness' | 'readiness' | 'startup';

/** The flags of `kubectl drain`. */
export interface DrainOptions {
  /** `--ignore-daemonsets`: leave DaemonSet-managed Pods (they tolerate the cordon anyway). */
  ignoreDaemonSets?: boolean;
  /** `--delete-emptydir-data`: evict Pods with emptyDir volumes (their data is lost). */
  deleteEmptyDirData?: boolean;
  /** `--force`: evict Pods that no controller will re-create. */
  force?: boolean;
}

export interface DrainResult extends CommandResult {
  /**
   * kubectl's output. The array keeps growing while the drain goes on in virtual time (evictions,
   * retries every 5s while a PodDisruptionBudget refuses, `pod/x evicted`, `node/x drained`); the
   * same lines are in the versioned table `kubectl/drain` under the Node's name.
   */
  lines: string[];
}

/** A Node joining the cluster (its kubelet registers it with these). */
export interface AddNodeOptions {
  /** CPU capacity (`4`, `3500m`); default 4. */
  cpu?: string | number;
  /** Memory capacity (`8Gi`); default 8Gi. */
  memory?: string;
  /** Max Pods (kubelet maxPods); default 110. */
  pods?: string | number;
  labels?: Record<string, string>;
  taints?: { key: string; value?: string; effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute' }[];
}

/** How far `step()` looks ahead by default: a day of virtual time. */
export const STEP_HORIZON_MS = 24 * 60 * 60 * 1000;

export interface StepOptions {
  /** Virtual ms to look ahead for the next Step (default `STEP_HORIZON_MS`). */
  withinMs?: number;
}

export interface Cluster extends ClusterView {
  /** Like `kubectl apply -f`: multi-document, all or nothing. */
  apply(yaml: string): ApplyResult;
  /** Like `kubectl delete <kind> <name>`; the deletion then proceeds through Steps. */
  delete(kind: string, name: string, namespace?: string, options?: DeleteCommandOptions): DeleteResult;
  /** `kubectl scale <kind>/<name> --replicas=N` (Deployment, ReplicaSet, ReplicationController, StatefulSet). */
  scale(kind: string, name: string, replicas: number, namespace?: string): CommandResult;
  /** `kubectl rollout undo|pause|resume|restart <kind>/<name>` (`toRevision` for undo). */
  rollout(action: RolloutAction, kind: string, name: string, namespace?: string, options?: { toRevision?: number }): CommandResult;
  /** Sets `spec.suspend` of a Job or CronJob (`kubectl patch … -p '{"spec":{"suspend":true}}'`). */
  setSuspended(kind: string, name: string, suspended: boolean, namespace?: string): CommandResult;
  /** Switches every kube-proxy between iptables and ipvs (the `mode` in ConfigMap kube-system/kube-proxy). */
  setProxyMode(mode: ProxyMode): CommandResult;
  /** Starts a request generator; returns its id in `message` on success. */
  startTraffic(spec: TrafficSpec): CommandResult & { id?: string };
  stopTraffic(id: string): CommandResult;
  /** The container's main process dies with `exitCode` (137 = SIGKILL); the kubelet restarts it per restartPolicy. */
  killContainer(pod: string, container: string, namespace?: string, exitCode?: number): CommandResult;
  /** Makes a probe of a container fail from now on (`failing`), or answer as the app does again. */
  failProbe(pod: string, container: string, probe: ProbeType, failing: boolean, namespace?: string): CommandResult;
  /** The container allocates without end: OOMKilled at its memory limit; without a limit the Node runs low and the kubelet evicts. */
  exhaustMemory(pod: string, container: string, namespace?: string): CommandResult;
  /** Stops a Node's kubelet: no status posts, no Lease renewals (the Node goes NotReady after the grace period). */
  stopKubelet(node: string): CommandResult;
  startKubelet(node: string): CommandResult;
  /** `kubectl cordon|uncordon <node>`. */
  cordon(node: string): CommandResult;
  uncordon(node: string): CommandResult;
  /** `kubectl drain <node>`: cordon, then evict the Pods through the Eviction API (PodDisruptionBudgets honoured). */
  drain(node: string, options?: DrainOptions): DrainResult;
  /** A machine joins: its kubelet registers Node `name` (default: the first free `node-N`). */
  addNode(name?: string, options?: AddNodeOptions): CommandResult;
  /** `kubectl delete node <name>`. */
  removeNode(name: string): CommandResult;
  /**
   * The next single action. Moves the clock to the next timer when nothing is due, running timers
   * that record nothing (an HPA at steady state, metrics scrapes) on the way, and looks at most
   * `options.withinMs` of virtual time ahead (default `STEP_HORIZON_MS`, a day: an hourly CronJob is
   * one call away). Undefined when no Step is recorded within that window or nothing is pending and
   * no timer is set; the clock then rests at the last timer it ran, never past now + withinMs.
   * `withinMs` must be a finite number ≥ 0 (a RangeError otherwise).
   */
  step(options?: StepOptions): Step | undefined;
  /** Every action due within the next ms of virtual time; the clock ends at now + ms. */
  advance(ms: number): Step[];
  readonly steps: readonly Step[];
  /** The cluster as of right after Step `stepIndex`, without re-running anything. */
  at(stepIndex: number): ClusterView;
  /** Called after every Step and every apply/delete; returns an unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Virtual time of the next pending action or timer, if any. */
  nextActionTime(): number | undefined;
}
