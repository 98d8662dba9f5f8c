/**
 * cronjob-controller (upstream ControllerV2, pkg/controller/cronjob): one key per CronJob, woken by
 * the CronJob and by the Jobs it controls, and re-queued for 100ms after its next scheduled time.
 * A change of spec.schedule or spec.timeZone only re-times that wake-up (upstream
 * updateCronJob), so the memo remembers the schedule last seen and the wake-up last asked for.
 */
import type { KubeObject } from '../../api';
import { controllerOf, keyOf, objectKey, splitKey } from '../../util/objects';
import type { Controller, ReconcileContext, ReconcileResult, StoreReader, WatchSpec } from '../types';
import { absoluteOf, cronJobSpec, formatSchedule, toAbsolute } from './cronJobSpec';
import { nextScheduleTimeDuration } from './mostRecent';
import { parseCronSchedule } from './schedule';
import { syncCronJobKey } from './syncCronJob';
import { loadLocation } from './zone';

interface KeyState { uid: string; schedule: string; timeZone?: string; wakeAt?: number; failures?: number }

const stateKey = (key: string) => `cronjob/${key}`;

/** upstream DefaultControllerRateLimiter's per-item part: 5ms × 2^failures, at most 1000s. */
const failureBackoff = (failures: number) => Math.min(5 * 2 ** failures, 1_000_000);

function ownerKey(job: KubeObject, lister: StoreReader): string[] {
  const ref = controllerOf(job);
  if (!ref || ref.kind !== 'CronJob') return [];
  const cj = lister.get('CronJob', ref.name, job.metadata.namespace);
  return cj && cj.metadata.uid === ref.uid ? [objectKey(job.metadata.namespace, ref.name)] : [];
}

const watches: WatchSpec[] = [
  { kind: 'CronJob', map: (cj) => [keyOf(cj)] },
  { kind: 'Job', map: (job, old, lister) => [...new Set([...ownerKey(job, lister), ...(old ? ownerKey(old, lister) : [])])] },
];

/** upstream updateCronJob with a new schedule: no sync, only the next wake-up (the earlier one wins). */
function reschedule(ctx: ReconcileContext, cj: KubeObject, state: KeyState): number | undefined {
  const spec = cronJobSpec(cj);
  const parsed = parseCronSchedule(formatSchedule(spec, (z) => loadLocation(z) !== undefined).text);
  const pending = state.wakeAt !== undefined && state.wakeAt > ctx.now ? state.wakeAt : undefined;
  if (!parsed.ok) {
    ctx.event(cj, 'Warning', 'UnParseableCronJobSchedule', `unparseable schedule for cronjob: ${spec.schedule}`);
    return pending;
  }
  const now = toAbsolute(ctx.now);
  const earliest = absoluteOf((cj.status as { lastScheduleTime?: string } | undefined)?.lastScheduleTime) ??
    absoluteOf(cj.metadata.creationTimestamp) ?? now;
  const delay = nextScheduleTimeDuration(earliest, now, parsed.schedule);
  if (delay === undefined) return pending;
  return pending === undefined ? ctx.now + delay : Math.min(pending, ctx.now + delay);
}

function reconcile(key: string, ctx: ReconcileContext): ReconcileResult | void {
  const { namespace, name } = splitKey(key);
  const cj = ctx.get('CronJob', name, namespace);
  const old = ctx.memo.get<KeyState>(stateKey(key));
  if (!cj) {
    if (old) ctx.memo.delete(stateKey(key));
    return;
  }
  const spec = cronJobSpec(cj);
  const state: KeyState = { uid: cj.metadata.uid, schedule: spec.schedule ?? '', timeZone: spec.timeZone ?? undefined };
  let wakeAt: number | undefined;
  if (old && old.uid === cj.metadata.uid && (old.schedule !== state.schedule || old.timeZone !== state.timeZone)) {
    wakeAt = reschedule(ctx, cj, old);
  } else {
    const result = syncCronJobKey(ctx, cj);
    if (result.error) {
      state.failures = (old?.uid === state.uid ? old.failures ?? 0 : 0) + 1;
      wakeAt = ctx.now + failureBackoff(state.failures - 1);
    } else if (result.requeueAfter !== undefined) wakeAt = ctx.now + Math.max(0, result.requeueAfter);
  }
  state.wakeAt = wakeAt;
  if (!old || JSON.stringify(old) !== JSON.stringify(state)) ctx.memo.set(stateKey(key), state);
  return wakeAt === undefined ? undefined : { requeueAfter: wakeAt - ctx.now };
}

export const cronJobController: Controller = { name: 'cronjob-controller', watches, reconcile };
