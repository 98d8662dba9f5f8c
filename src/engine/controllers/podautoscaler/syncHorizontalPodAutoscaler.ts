/**
 * One sync of one HPA (upstream horizontal.go reconcileAutoscaler): read the target's scale,
 * clamp an out-of-range count, else compute a proposal from the metrics and normalize it; write
 * the new scale (one Step, with SuccessfulRescale), then the status if it changed (another Step).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api';
import { timestamp } from '../../core/time';
import type { ReconcileContext } from '../types';
import { CONDITIONS, failedGetScale, failedUpdateScale, setCondition, succeededRescale, type ConditionChange } from './conditions';
import { syncSummary } from './explain';
import { hpaSpecOf } from './hpaSpec';
import { readStatus } from './hpaStatus';
import { computeReplicasForMetrics, type MetricsResult } from './metricReplicas';
import { normalizeLegacy, normalizeWithBehavior, recordInitialRecommendation, storeScaleEvent } from './normalize';
import { readPodMetrics } from './podMetrics';
import { getScale, updateScale, type Scale } from './scaleTarget';
import { checkSelector } from './selectorCheck';
import type { HpaSyncRecord, MetricRecord } from './syncRecord';
import type { HpaSpec, HpaStatus, ScaleHistory } from './types';
import { updateStatusIfNeeded, writeSyncRecord } from './writeStatus';

class SyncState {
  status: HpaStatus;
  private emitted = false;
  constructor(readonly ctx: ReconcileContext, readonly hpa: KubeObject, readonly spec: HpaSpec, public record: HpaSyncRecord) {
    this.status = readStatus(hpa);
  }

  set(change: ConditionChange): void {
    this.status = { ...this.status, conditions: setCondition(this.status.conditions, change, this.ctx.now) };
  }

  /** upstream setStatus: current/desired/metrics replaced, lastScaleTime moved on a rescale. */
  setStatus(current: number, desired: number, metrics: HpaStatus['currentMetrics'], rescale: boolean): void {
    const { conditions, lastScaleTime } = this.status;
    this.status = {
      currentReplicas: current, desiredReplicas: desired,
      ...(rescale ? { lastScaleTime: timestamp(this.ctx.now) } : lastScaleTime ? { lastScaleTime } : {}),
      ...(metrics?.length ? { currentMetrics: metrics } : {}),
      ...(conditions ? { conditions } : {}),
      ...(this.hpa.metadata.generation !== undefined ? { observedGeneration: this.hpa.metadata.generation } : {}),
    };
  }

  /** Records an Event on the HPA (upstream's recorder); a sync with Events but no write is still a Step. */
  event(type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.ctx.event(this.hpa, type, reason, message);
    this.emitted = true;
  }

  /** Writes the status if it changed, and the sync record (see writeSyncRecord); names the Step if only those did. */
  finish(message: string, scaled = false): void {
    const text = `HPA ${this.hpa.metadata.name}: ${message}`;
    const wrote = updateStatusIfNeeded(this.ctx, this.hpa, this.status, text);
    const recorded = writeSyncRecord(this.ctx, this.hpa, this.record, wrote || scaled);
    if (!wrote && !scaled && (this.emitted || recorded)) this.ctx.describe(text);
  }
}

/** Syncs `hpa`; returns its updated recommendation and scale-event history. */
export function syncHorizontalPodAutoscaler(ctx: ReconcileContext, hpa: KubeObject, history: ScaleHistory): ScaleHistory {
  const spec = hpaSpecOf(hpa);
  const ref = spec.scaleTargetRef;
  const s = new SyncState(ctx, hpa, spec, {
    namespace: hpa.metadata.namespace ?? 'default', name: hpa.metadata.name, time: ctx.now, target: `${ref.kind}/${ref.name}`,
    minReplicas: spec.minReplicas, maxReplicas: spec.maxReplicas, outcome: 'computed', desiredReplicas: 0, rescale: false,
  });
  const got = getScale(ctx, s.record.namespace, ref);
  if (!got.ok) {
    s.event('Warning', 'FailedGetScale', got.error);
    s.set(failedGetScale(got.error));
    s.record = { ...s.record, outcome: 'failed-get-scale', error: got.error, desiredReplicas: s.status.desiredReplicas };
    s.finish(syncSummary(s.record));
    return history;
  }
  s.set(CONDITIONS.succeededGetScale);
  const scale = got.scale;
  const current = scale.specReplicas;
  s.record.currentReplicas = current;
  let next = recordInitialRecommendation(history, current, ctx.now);
  let desired = 0;
  let reason = '';
  let rescale = true;
  let metrics: MetricsResult | undefined;
  if (current === 0 && spec.minReplicas !== 0) {
    rescale = false;
    s.set(CONDITIONS.scalingDisabled);
    s.record.outcome = 'scaling-disabled';
  } else if (current > spec.maxReplicas) {
    [desired, reason, s.record.outcome] = [spec.maxReplicas, 'Current number of replicas above Spec.MaxReplicas', 'above-max'];
  } else if (current < spec.minReplicas) {
    [desired, reason, s.record.outcome] = [spec.minReplicas, 'Current number of replicas below Spec.MinReplicas', 'below-min'];
  } else {
    metrics = computeMetrics(s, scale);
    if (!metrics || metrics.replicas === -1) return next;
    const proposal = metrics.replicas;
    desired = proposal;
    if (desired > current) reason = `${metrics.metric} above target`;
    if (desired < current) reason = 'All metrics below target';
    const input = { history: next, now: ctx.now, currentReplicas: current, proposal, minReplicas: spec.minReplicas, maxReplicas: spec.maxReplicas };
    const n = spec.behavior ? normalizeWithBehavior(input, spec.behavior) : normalizeLegacy(input);
    s.set(n.ableToScale);
    s.set(n.limited);
    next = n.history;
    desired = n.desired;
    rescale = desired !== current;
    s.record.normalization = { legacy: !spec.behavior, proposal, stabilized: n.stabilized, window: n.window,
      stabilization: n.ableToScale.reason, limit: n.limited.reason, ...(n.rate ? { rate: n.rate } : {}), desired };
  }
  if (!rescale) desired = current;
  s.record = { ...s.record, desiredReplicas: desired, rescale, ...(rescale ? { rescaleReason: reason } : {}) };
  if (rescale) {
    const summary = `HPA ${hpa.metadata.name}: ${syncSummary(s.record)} — ${s.record.target} scaled from ${current} to ${desired}`;
    const wrote = updateScale(ctx, scale, desired, summary);
    if (!wrote.ok) {
      s.event('Warning', 'FailedRescale', `New size: ${desired}; reason: ${reason}; error: ${wrote.error}`);
      s.set(failedUpdateScale(wrote.error));
      s.setStatus(current, s.status.desiredReplicas, metrics?.statuses, false);
      s.record = { ...s.record, rescale: false, scaleError: wrote.error };
      s.finish(`scaling ${s.record.target} to ${desired} failed: ${wrote.error}`);
      return next;
    }
    s.set(succeededRescale(desired));
    s.event('Normal', 'SuccessfulRescale', `New size: ${desired}; reason: ${reason}`);
    next = storeScaleEvent(next, spec.behavior, ctx.now, current, desired);
  }
  s.setStatus(current, desired, metrics?.statuses, rescale);
  s.finish(rescale ? `status: currentReplicas ${current}, desiredReplicas ${desired} after scaling ${s.record.target}`
    : `${syncSummary(s.record)} — ${s.record.target} stays at ${current}`, rescale);
  return next;
}

/** What the record keeps of each metric (JSON-like: no undefined fields). */
const metricRecords = (result: MetricsResult): MetricRecord[] => result.outcomes.map(({ label, name, calc, replicas, error }) => ({
  label, ...(name !== undefined ? { name } : {}), ...(calc ? { calc } : {}), ...(replicas !== undefined ? { replicas } : {}),
  ...(error !== undefined ? { error } : {}),
}));

/** The metric part of the sync; undefined (status written) when the HPA cannot act on its metrics. */
function computeMetrics(s: SyncState, scale: Scale): MetricsResult | undefined {
  const { ctx, hpa } = s;
  const current = scale.specReplicas;
  const fail = (error: string, statuses?: HpaStatus['currentMetrics'], result?: MetricsResult) => {
    s.setStatus(current, s.status.desiredReplicas, statuses, false);
    s.record = { ...s.record, outcome: 'failed-metrics', error, desiredReplicas: s.status.desiredReplicas,
      ...(result ? { metrics: metricRecords(result) } : {}) };
    s.finish(syncSummary(s.record));
    s.event('Warning', 'FailedComputeMetricsReplicas', error);
    return result;
  };
  const checked = checkSelector(ctx, hpa, scale);
  if (!checked.ok) {
    s.event('Warning', checked.event.reason, checked.event.message);
    s.set(checked.condition);
    fail(checked.error);
    return undefined;
  }
  const result = computeReplicasForMetrics({
    specs: s.spec.metrics, specReplicas: current, pods: checked.pods as Pod[], records: readPodMetrics(ctx, checked.pods),
    namespace: s.record.namespace, now: ctx.now,
  });
  for (const o of result.outcomes) if (o.event) s.event('Warning', o.event.reason, o.event.message);
  s.set(result.condition);
  s.record.metrics = metricRecords(result);
  if (result.replicas === -1) return fail(result.error!, result.statuses, result);
  if (result.error) s.record.error = result.error;
  return result;
}
