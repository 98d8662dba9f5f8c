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

/**
 * Keeps the record of the latest sync that changed something. A sync that wrote nothing keeps the
 * previous record (its decision and status were the same), so records never make Steps of their own.
 */
export function writeSyncRecord(ctx: ReconcileContext, hpa: KubeObject, record: HpaSyncRecord, wrote: boolean): void {
  const table = ctx.table<HpaSyncRecord>(HPA_SYNCS_TABLE);
  const key = keyOf(hpa);
  const prev = table.get(key);
  if (prev && (!wrote || deepEqual({ ...prev, time: 0 }, { ...record, time: 0 }))) return;
  table.set(key, record);
}

export function forgetSyncRecord(ctx: ReconcileContext, key: string): boolean {
  const table = ctx.table<HpaSyncRecord>(HPA_SYNCS_TABLE);
  if (!table.get(key)) return false;
  table.set(key, undefined);
  return true;
}
