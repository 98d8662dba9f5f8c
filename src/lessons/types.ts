/**
 * The lesson format: a lesson is data (one file per lesson under `library/`), a list of stages
 * the runner drives through a simulated cluster. Every text is given in English and Simplified
 * Chinese; Kubernetes terms keep their original form in both (Pod, Deployment, kubectl…).
 */
import type { DeleteCommandOptions, ProxyMode, RolloutAction, TrafficSpec } from '../engine/api';
import type { RecordType } from '../engine/dns/types';

/** One text in both languages. */
export interface Text {
  en: string;
  zh: string;
}

export type Language = keyof Text;

export interface Lesson {
  /** Stable, URL-safe id (`pod-pause-container`). */
  id: string;
  /** Position in the library; the list is ordered by it. */
  chapter: number;
  title: Text;
  summary: Text;
  stages: Stage[];
}

export interface Stage {
  /** What the learner reads at this stage (a few sentences; blank lines separate paragraphs). */
  text: Text;
  /** Manifests applied at the start of the stage (`kubectl apply -f`), shown in the editor. */
  apply?: string;
  /** Cluster commands run after the manifests, in order. */
  commands?: LessonCommand[];
  /**
   * How far the stage runs the cluster before it pauses: until a condition holds, for a span of
   * virtual time, or until the control plane has nothing left to do. Absent: it pauses at once.
   */
  runUntil?: Condition | { ms: number } | 'settled';
  pause: true;
  predict?: Prediction;
}

/** A question asked before the stage runs; its answer is checked against the engine after the run. */
export interface Prediction {
  question: Text;
  choices: Text[];
  /** Index of the right choice. */
  answer: number;
  /** One condition per choice: the choice is true when its condition holds after the stage's run. */
  check: Condition[];
  /** One line saying why the answer is what it is (shown after "Check my answer"). */
  why: Text;
}

/** A cluster command as data: the same commands the UI offers, named as the engine names them. */
export type LessonCommand =
  | { type: 'scale'; kind: string; name: string; replicas: number; namespace?: string }
  /**
   * `kubectl delete <kind> <name>`, or with `selector` instead of a name `kubectl delete <kind> -l …`
   * (every match, or only the first `limit` in name order).
   */
  | {
    type: 'delete'; kind: string; name?: string; selector?: Record<string, string>; limit?: number; namespace?: string;
    propagationPolicy?: DeleteCommandOptions['propagationPolicy']; gracePeriodSeconds?: number;
  }
  | { type: 'rollout'; action: RolloutAction; kind: string; name: string; namespace?: string; toRevision?: number }
  | { type: 'setSuspended'; kind: string; name: string; suspended: boolean; namespace?: string }
  | { type: 'setProxyMode'; mode: ProxyMode }
  | { type: 'startTraffic'; spec: TrafficSpec }
  /** Stops a generator by the id startTraffic returned (`traffic-1` is a fresh cluster's first). */
  | { type: 'stopTraffic'; id: string };

// ---- Conditions: declarative data evaluated against a ClusterView ----

export interface ObjectRef {
  kind: string;
  name: string;
  namespace?: string;
}

/** Which objects of one kind; every filter given must hold. */
export interface ObjectQuery {
  kind: string;
  /** All namespaces when omitted. */
  namespace?: string;
  name?: string;
  namePrefix?: string;
  /** matchLabels: every pair must be among the object's labels. */
  selector?: Record<string, string>;
  /** `status.phase` (Pods, PVCs, PVs, Namespaces). */
  phase?: string;
  /** The Pod's Ready condition is True (or not). */
  ready?: boolean;
  /** Has a deletionTimestamp (or not). */
  terminating?: boolean;
  /** Field paths and the values found there, e.g. `{ 'spec.nodeName': 'node-4' }`. */
  fields?: Record<string, unknown>;
  /** Controlled (controller ownerReference) by an object of this kind, and this name if given. */
  ownedBy?: { kind: string; name?: string };
}

/** Which Events; every filter given must hold. `message` matches a substring. */
export interface EventQuery {
  reason?: string;
  type?: 'Normal' | 'Warning';
  kind?: string;
  name?: string;
  namespace?: string;
  message?: string;
}

/** Which runtime records (`crictl pods` / `crictl ps -a`) over every Node. */
export interface RuntimeQuery {
  pod?: string;
  namespace?: string;
  node?: string;
  /** Containers only: the container name. */
  name?: string;
  state?: string;
}

/** Something read from one moment of the cluster; every query yields one value. */
export type Query =
  /** How many objects match (a number). */
  | { count: ObjectQuery }
  /** The object, or the value at `path` in it; undefined when absent. */
  | { object: ObjectRef; path?: string }
  /** The value at `path` of every matching object, ordered by namespace/name. */
  | { values: ObjectQuery; path: string }
  /** How many Event objects match (a number). */
  | { events: EventQuery }
  /** The matching sandboxes (or the value at `path` of each), ordered by Node then creation. */
  | { sandboxes: RuntimeQuery; path?: string }
  /** The matching containers (or the value at `path` of each), ordered by Node then creation. */
  | { containers: RuntimeQuery; path?: string }
  /** A record of a named table (`kube-proxy/node-1`, `traffic/requests`…), or the value at `path`. */
  | { table: string; key: string; path?: string }
  /** What the cluster DNS answers a Pod in `namespace` (a ResolveResult), or the value at `path`. */
  | { dns: { name: string; namespace?: string; type?: RecordType }; path?: string };

/** How a query's value is judged; every comparison given must hold. None: the value is "truthy". */
export interface Comparison {
  /** Deep equality. */
  equals?: unknown;
  oneOf?: unknown[];
  atLeast?: number;
  atMost?: number;
  /** A string containing the substring, or an array containing the element (deep equality). */
  contains?: unknown;
  /** A RegExp (source) the value matches as a string (a list reads `a,b,c`). */
  matches?: string;
  /** Whether the value is present (not undefined or null). */
  exists?: boolean;
  /** The length of an array or string (the number of keys of an object), compared in turn. */
  length?: Comparison;
  /** Deep-equal to what another query yields at the same moment. */
  sameAs?: Query;
  differsFrom?: Query;
}

export type Condition =
  | (Query & Comparison)
  | { allOf: Condition[] }
  | { anyOf: Condition[] }
  | { not: Condition }
  /** Held at some Step of the stage's run (or now, outside a run). */
  | { ever: Condition }
  /** Held at every Step of the stage's run (or now, outside a run). */
  | { always: Condition };
