/**
 * A Deployment's rollout over the Steps: the size of each of its ReplicaSets (spec, Pods, ready,
 * available) and the RollingUpdate bounds, sampled only at Steps that wrote the Deployment or a
 * ReplicaSet in its namespace (Step.changes), so 10,000 Steps cost a pass over their change lists
 * plus a few snapshot reads per sampled Step. `createRolloutProjector` keeps what it has read and
 * only reads Steps added since (earlier Steps never change).
 */
import type { ClusterView, KubeObject, Step } from '../engine/api';
import { deploymentBounds, type RolloutBounds } from './rolloutBounds';

/** What the projection reads: a Cluster has both. */
export interface StepSource {
  readonly steps: readonly Step[];
  at(stepIndex: number): ClusterView;
}

export interface DeploymentRef {
  name: string;
  namespace?: string;
}

export interface ReplicaSetCounts {
  /** spec.replicas: what the Deployment asks of it. */
  spec: number;
  /** status.replicas: its Pods that are not terminating. */
  pods: number;
  ready: number;
  available: number;
  /** Its revision at that Step (a rollback renumbers a ReplicaSet). */
  revision: number;
}

/** One moment: the numbers hold from `step` until the next sample's Step. */
export interface RolloutSample extends RolloutBounds {
  step: number;
  time: number;
  /** By ReplicaSet uid; only ReplicaSets the Deployment controls at that Step. */
  sets: Record<string, ReplicaSetCounts>;
  /** Σ spec.replicas: what maxTotal bounds. */
  total: number;
  /** Σ status.replicas. */
  pods: number;
  available: number;
  /** The Deployment's `deployment.kubernetes.io/revision` annotation at that Step. */
  revision?: number;
}

/** A ReplicaSet of the Deployment, as last seen. */
export interface RolloutReplicaSet {
  uid: string;
  name: string;
  /** Its `deployment.kubernetes.io/revision` (a rollback renumbers it to the newest). */
  revision: number;
  /** Earlier revision numbers it held (`deployment.kubernetes.io/revision-history`). */
  history: number[];
  hash?: string;
}

export interface RolloutSeries {
  deployment: { name: string; namespace: string };
  /** Oldest first (by first appearance). */
  replicaSets: RolloutReplicaSet[];
  /** Ascending by Step; consecutive samples always differ in some number. */
  samples: RolloutSample[];
}

const REVISION = 'deployment.kubernetes.io/revision';
const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';

interface Tracker {
  series: RolloutSeries;
  /** Steps read so far (index of the last one). */
  through: number;
  /** ReplicaSet names ever controlled by a Deployment of this name. */
  names: Set<string>;
  /** uid → index in series.replicaSets */
  byUid: Map<string, number>;
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const revisionNumber = (raw: string | undefined): number => (raw && /^\d+$/.test(raw) ? Number(raw) : 0);
const controls = (d: KubeObject, rs: KubeObject): boolean =>
  !!rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid);

function touches(step: Step, ref: Required<DeploymentRef>): boolean {
  return step.changes.some((c) => (c.namespace ?? 'default') === ref.namespace &&
    (c.kind === 'ReplicaSet' || (c.kind === 'Deployment' && c.name === ref.name)));
}

function remember(t: Tracker, rs: KubeObject): void {
  const annotations = rs.metadata.annotations ?? {};
  const info: RolloutReplicaSet = {
    uid: rs.metadata.uid,
    name: rs.metadata.name,
    revision: revisionNumber(annotations[REVISION]),
    history: (annotations[REVISION_HISTORY] ?? '').split(',').filter((s) => /^\d+$/.test(s)).map(Number),
    ...(rs.metadata.labels?.['pod-template-hash'] ? { hash: rs.metadata.labels['pod-template-hash'] } : {}),
  };
  const list = t.series.replicaSets;
  const at = t.byUid.get(info.uid);
  if (at === undefined) {
    t.byUid.set(info.uid, list.length);
    list.push(info);
  } else if (!sameReplicaSet(list[at], info)) list[at] = info;
}

const sameReplicaSet = (a: RolloutReplicaSet, b: RolloutReplicaSet): boolean =>
  a.name === b.name && a.revision === b.revision && a.hash === b.hash && a.history.join() === b.history.join();

function sameNumbers(a: RolloutSample, b: RolloutSample): boolean {
  if (a.replicas !== b.replicas || a.maxTotal !== b.maxTotal || a.minAvailable !== b.minAvailable ||
    a.strategy !== b.strategy || a.revision !== b.revision) return false;
  const ka = Object.keys(a.sets);
  if (ka.length !== Object.keys(b.sets).length) return false;
  return ka.every((uid) => {
    const x = a.sets[uid];
    const y = b.sets[uid];
    return !!y && x.spec === y.spec && x.pods === y.pods && x.ready === y.ready && x.available === y.available &&
      x.revision === y.revision;
  });
}

/** Reads Step `i` into the tracker (the caller has checked that it touches the Deployment). */
function readStep(t: Tracker, source: StepSource, step: Step, ref: Required<DeploymentRef>): void {
  const view = source.at(step.index);
  const d = view.get('Deployment', ref.name, ref.namespace);
  if (!d) return;
  for (const c of step.changes) {
    if (c.kind !== 'ReplicaSet' || (c.namespace ?? 'default') !== ref.namespace || t.names.has(c.name)) continue;
    const rs = view.get('ReplicaSet', c.name, ref.namespace);
    if (rs && controls(d, rs)) t.names.add(c.name);
  }
  const sample: RolloutSample = { ...deploymentBounds(d), step: step.index, time: step.time, sets: {}, total: 0, pods: 0,
    available: 0 };
  const revision = revisionNumber(d.metadata.annotations?.[REVISION]);
  if (revision) sample.revision = revision;
  for (const name of t.names) {
    const rs = view.get('ReplicaSet', name, ref.namespace);
    if (!rs || !controls(d, rs)) continue;
    remember(t, rs);
    const status = (rs.status ?? {}) as Record<string, unknown>;
    const counts: ReplicaSetCounts = { spec: num((rs.spec as { replicas?: number }).replicas ?? 1),
      pods: num(status.replicas), ready: num(status.readyReplicas), available: num(status.availableReplicas),
      revision: revisionNumber(rs.metadata.annotations?.[REVISION]) };
    sample.sets[rs.metadata.uid] = counts;
    sample.total += counts.spec;
    sample.pods += counts.pods;
    sample.available += counts.available;
  }
  const samples = t.series.samples;
  if (samples.length === 0 || !sameNumbers(samples[samples.length - 1], sample)) samples.push(sample);
}

/** Remembers, per source and Deployment, what was read, and reads only the Steps added since. */
export function createRolloutProjector() {
  const bySource = new WeakMap<StepSource, Map<string, Tracker>>();
  return function project(source: StepSource, ref: DeploymentRef): RolloutSeries {
    const full = { name: ref.name, namespace: ref.namespace ?? 'default' };
    let trackers = bySource.get(source);
    if (!trackers) bySource.set(source, (trackers = new Map()));
    const key = `${full.namespace}/${full.name}`;
    let t = trackers.get(key);
    if (!t) {
      t = { series: { deployment: full, replicaSets: [], samples: [] }, through: -1, names: new Set(), byUid: new Map() };
      trackers.set(key, t);
    }
    const steps = source.steps;
    let copied = false;
    for (let i = t.through + 1; i < steps.length; i++) {
      if (!touches(steps[i], full)) continue;
      if (!copied) {
        // new arrays before anything grows: a series handed out earlier never changes afterwards
        t.series = { ...t.series, replicaSets: [...t.series.replicaSets], samples: [...t.series.samples] };
        copied = true;
      }
      readStep(t, source, steps[i], full);
    }
    t.through = Math.max(t.through, steps.length - 1);
    return t.series;
  };
}

/** The whole series at once (no memory between calls). */
export function rolloutSeries(source: StepSource, ref: DeploymentRef): RolloutSeries {
  return createRolloutProjector()(source, ref);
}
