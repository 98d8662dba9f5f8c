/**
 * upstream syncDeployment: the order every sync follows — empty selector, deletion (status only),
 * paused or scaling event (scale only), else a Recreate or RollingUpdate rollout step.
 * upstream: pkg/controller/deployment/deployment_controller.go (syncDeployment)
 */
import { splitKey } from '../../util/objects';
import type { ReconcileContext, ReconcileResult } from '../types';
import { getAllReplicaSetsAndSyncRevision } from './newReplicaSet';
import { rolloutRecreate } from './recreate';
import { getReplicaSetsForDeployment } from './replicaSets';
import { rolloutRolling } from './rolling';
import { isScalingEvent, syncScaleOnly } from './scaleOnly';
import { checkPausedConditions, syncDeploymentStatus } from './status';
import { latest, newSync, writeDeploymentStatus, type DeploymentSync } from './sync';
import type { DeploymentObject, ReplicaSetObject } from './types';

/** upstream DefaultControllerRateLimiter's per-item part: 5ms × 2^failures, at most 1000s. */
const failureBackoff = (failures: number) => Math.min(5 * 2 ** failures, 1000_000);

function selectsEverything(d: DeploymentObject): boolean {
  const sel = d.spec.selector;
  return !!sel && !Object.keys(sel.matchLabels ?? {}).length && !(sel.matchExpressions ?? []).length;
}

export function syncDeployment(key: string, ctx: ReconcileContext): ReconcileResult | void {
  const { namespace, name } = splitKey(key);
  const stored = ctx.get('Deployment', name, namespace) as DeploymentObject | undefined;
  const failuresKey = `failures/${key}`;
  if (!stored) {
    ctx.memo.delete(failuresKey);
    return;
  }
  const s = newSync(ctx, stored);
  runSync(s);
  if (s.error) {
    const failures = ctx.memo.get<number>(failuresKey) ?? 0;
    ctx.memo.set(failuresKey, failures + 1);
    return { requeueAfter: failureBackoff(failures) };
  }
  if (ctx.memo.get<number>(failuresKey) !== undefined) ctx.memo.delete(failuresKey);
  return s.requeueAfter === undefined ? undefined : { requeueAfter: s.requeueAfter };
}

function runSync(s: DeploymentSync): void {
  const { d, ctx } = s;
  if (selectsEverything(d)) {
    ctx.event(d, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.');
    if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) {
      s.d.status = { ...(d.status ?? {}), observedGeneration: d.metadata.generation };
      writeDeploymentStatus(s, `Deployment ${d.metadata.name} selects every Pod (empty selector), so it does nothing`);
    }
    return;
  }
  let rsList = getReplicaSetsForDeployment(s);
  const refresh = () => (rsList = rsList.map((rs) => latest(s, rs) as ReplicaSetObject));
  if (d.metadata.deletionTimestamp) {
    const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(s, rsList, false);
    if (!s.error) syncDeploymentStatus(s, [...oldRSs, newRS], newRS);
    return;
  }
  checkPausedConditions(s);
  if (s.error) return;
  if (s.d.spec.paused) return syncScaleOnly(s, rsList);
  const scaling = isScalingEvent(s, rsList);
  if (s.error) return;
  refresh();
  if (scaling) return syncScaleOnly(s, rsList);
  if (s.d.spec.strategy?.type === 'Recreate') return rolloutRecreate(s, rsList);
  rolloutRolling(s, rsList);
}
