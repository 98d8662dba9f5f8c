/**
 * An HPA over the Steps, for its replica chart: at every Step that wrote the HPA or a workload in
 * its namespace, the HPA's current and desired replicas, its target's spec.replicas and ready
 * Pods, and the first Utilization metric. `createHpaSeriesProjector` keeps what it has read per
 * source and HPA, and reads only the Steps added since (earlier Steps never change).
 */
import type { MetricStatus } from 'kubernetes-types/autoscaling/v2';
import type { ClusterView, Step } from '../engine/api';
import { hpaSpecOf } from '../engine/controllers/podautoscaler/hpaSpec';
import { readStatus } from '../engine/controllers/podautoscaler/hpaStatus';
import { HPA_SYNCS_TABLE, type HpaSyncRecord } from '../engine/controllers/podautoscaler/syncRecord';
import { HPA_KIND } from './hpa';

const HPA_CONTROLLER = 'horizontal-pod-autoscaler';

export interface StepSource {
  readonly steps: readonly Step[];
  at(stepIndex: number): ClusterView;
}

/** The numbers from `step` until the next sample's Step. */
export interface HpaSample {
  step: number;
  time: number;
  /** The HPA's status (0 before its first sync). */
  current: number;
  desired: number;
  /** The target's spec.replicas (what the HPA last set) and its ready Pods. */
  replicas: number;
  ready: number;
  /** The first Utilization metric's current value, once measured. */
  utilization?: number;
}

/** One sync of the controller that wrote the HPA, with its record (the UI words its formula). */
export interface HpaSync {
  step: number;
  time: number;
  desired: number;
  record: HpaSyncRecord;
}

export interface HpaSeries {
  hpa: { name: string; namespace: string };
  min: number;
  max: number;
  /** Ascending by Step; consecutive samples differ in some number. */
  samples: HpaSample[];
  /** The controller's Steps that wrote this HPA, oldest first. */
  syncs: HpaSync[];
}

function syncAt(view: ClusterView, step: Step, name: string, namespace: string): HpaSync | undefined {
  if (step.actor !== HPA_CONTROLLER || !step.changes.some((c) => c.kind === HPA_KIND && c.name === name && (c.namespace ?? 'default') === namespace)) {
    return undefined;
  }
  const record = new Map(view.table<HpaSyncRecord>(HPA_SYNCS_TABLE)).get(`${namespace}/${name}`);
  return record ? { step: step.index, time: step.time, desired: record.desiredReplicas, record } : undefined;
}

const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

function touches(step: Step, name: string, namespace: string): boolean {
  return step.changes.some((c) => (c.namespace ?? 'default') === namespace &&
    ((c.kind === HPA_KIND && c.name === name) || SCALABLE.has(c.kind)));
}

const same = (a: HpaSample, b: HpaSample) => a.current === b.current && a.desired === b.desired &&
  a.replicas === b.replicas && a.ready === b.ready && a.utilization === b.utilization;

function sampleAt(view: ClusterView, step: Step, name: string, namespace: string): { sample: HpaSample; min: number; max: number } | undefined {
  const hpa = view.get(HPA_KIND, name, namespace);
  if (!hpa) return undefined;
  const spec = hpaSpecOf(hpa);
  const status = hpa.status ? readStatus(hpa) : undefined;
  const target = view.get(spec.scaleTargetRef.kind, spec.scaleTargetRef.name, namespace);
  const tspec = (target?.spec ?? {}) as { replicas?: number };
  const tstatus = (target?.status ?? {}) as { readyReplicas?: number };
  let utilization: number | undefined;
  (status?.currentMetrics ?? []).some((m) => {
    const s = m as MetricStatus;
    utilization = (s.resource ?? s.containerResource)?.current.averageUtilization;
    return utilization !== undefined;
  });
  const sample: HpaSample = {
    step: step.index, time: step.time, current: status?.currentReplicas ?? 0, desired: status?.desiredReplicas ?? 0,
    replicas: target ? tspec.replicas ?? 1 : 0, ready: tstatus.readyReplicas ?? 0,
    ...(utilization !== undefined ? { utilization } : {}),
  };
  return { sample, min: spec.minReplicas, max: spec.maxReplicas };
}

interface Tracker { series: HpaSeries; through: number }

export function createHpaSeriesProjector() {
  const bySource = new WeakMap<StepSource, Map<string, Tracker>>();
  return function project(source: StepSource, name: string, namespace = 'default'): HpaSeries {
    let trackers = bySource.get(source);
    if (!trackers) bySource.set(source, (trackers = new Map()));
    const key = `${namespace}/${name}`;
    let t = trackers.get(key);
    if (!t) trackers.set(key, (t = { series: { hpa: { name, namespace }, min: 1, max: 1, samples: [], syncs: [] }, through: -1 }));
    const steps = source.steps;
    if (t.through >= steps.length - 1) return t.series;
    // a series handed out earlier never changes afterwards
    const series: HpaSeries = { ...t.series, samples: [...t.series.samples], syncs: [...t.series.syncs] };
    for (let i = t.through + 1; i < steps.length; i++) {
      if (!touches(steps[i], name, namespace)) continue;
      const view = source.at(i);
      const sync = syncAt(view, steps[i], name, namespace);
      if (sync) series.syncs.push(sync);
      const read = sampleAt(view, steps[i], name, namespace);
      if (!read) continue;
      series.min = read.min;
      series.max = read.max;
      const last = series.samples[series.samples.length - 1];
      if (!last || !same(last, read.sample)) series.samples.push(read.sample);
    }
    t.series = series;
    t.through = steps.length - 1;
    return series;
  };
}

/** Index of the sample (or sync) in force at Step `cursor` (-1 before the first). */
export function hpaSampleAt(samples: readonly { step: number }[], cursor: number): number {
  let lo = 0;
  let hi = samples.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (samples[mid].step <= cursor) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
