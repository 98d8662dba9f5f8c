/**
 * upstream updateStatusIfNeeded: the status is written only when it differs from the stored one
 * (v1 objects compare their round-trip annotations too). The sync record follows, in the same Step.
 */
import type { KubeObject } from '../../api';
import { deepEqual, keyOf } from '../../util/objects';
import type { ReconcileContext } from '../types';
import { storedStatus } from './hpaStatus';
import { HPA_SYNCS_TABLE, type HpaSyncRecord } from './syncRecord';
import type { HpaStatus } from './types';

export function updateStatusIfNeeded(ctx: ReconcileContext, hpa: KubeObject, status: HpaStatus, message: string): boolean {
  const stored = storedStatus(hpa, status);
  const sameAnnotations = !stored.annotations || deepEqual(stored.annotations, hpa.metadata.annotations ?? {});
  if (sameAnnotations && deepEqual(stored.status, hpa.status ?? {})) return false;
  const next = { ...hpa, metadata: { ...hpa.metadata, ...(stored.annotations ? { annotations: stored.annotations } : {}) }, status: stored.status };
  const result = ctx.updateStatus(next as KubeObject, message);
  if (!result.ok) ctx.event(hpa, 'Warning', 'FailedUpdateStatus', result.message);
  return result.ok;
}

/** The record without the raw sums that jitter from sync to sync (the percentages and groups stay). */
function decision(record: HpaSyncRecord): unknown {
  return { ...record, time: 0, metrics: record.metrics?.map((m) => (m.calc
    ? { ...m, calc: { ...m.calc, usage: 0, requests: 0, average: 0 } } : m)) };
}

/**
 * Keeps the record of the latest sync. It is rewritten with a status or scale write, or when the
 * decision itself changed (Pod groups, percentages, limits); a sync that only saw the raw usage
 * jitter keeps the previous record, so the table does not add a Step every 15s. Returns whether it wrote.
 */
export function writeSyncRecord(ctx: ReconcileContext, hpa: KubeObject, record: HpaSyncRecord, wrote: boolean): boolean {
  const table = ctx.table<HpaSyncRecord>(HPA_SYNCS_TABLE);
  const key = keyOf(hpa);
  const prev = table.get(key);
  if (prev && !wrote && deepEqual(decision(prev), decision(record))) return false;
  if (prev && deepEqual({ ...prev, time: 0 }, { ...record, time: 0 })) return false;
  table.set(key, record);
  return true;
}

export function forgetSyncRecord(ctx: ReconcileContext, key: string): boolean {
  const table = ctx.table<HpaSyncRecord>(HPA_SYNCS_TABLE);
  if (!table.get(key)) return false;
  table.set(key, undefined);
  return true;
}
