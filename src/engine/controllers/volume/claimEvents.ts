import type { KubeObject } from '../../api';
import type { ReconcileContext } from '../types';

/**
 * An Event the PV controller reports about the state an object is in. upstream repeats it on every
 * 15s resync (its count climbs while nothing changes); here it is reported when the situation
 * first arises or changes, so an idle cluster falls quiet. `step` names the Step the Event makes
 * when no write goes with it.
 */
export function reportOnce(ctx: ReconcileContext, obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string,
  step?: string): void {
  const key = `reported/${obj.metadata.uid}`;
  const said = `${type}|${reason}|${message}`;
  if (ctx.memo.get<string>(key) === said) return;
  ctx.memo.set(key, said);
  if (step) ctx.describe(step);
  ctx.event(obj, type, reason, message);
}

/** Forget what was reported about an object (it is gone, or its situation was resolved). */
export function forgetReports(ctx: ReconcileContext, uid: string): void {
  ctx.memo.delete(`reported/${uid}`);
}
