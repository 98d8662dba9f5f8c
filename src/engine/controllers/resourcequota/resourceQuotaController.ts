/**
 * resourcequota-controller: keeps each ResourceQuota's `status.hard` (a copy of spec.hard) and
 * `status.used` (the namespace's usage of exactly those resources) current as objects come and go.
 * A Pod stuck terminating stops counting once its grace period has passed twice over (upstream
 * QuotaV1Pod), so the quota is looked at again then.
 * upstream: pkg/controller/resourcequota/resource_quota_controller.go (syncResourceQuota)
 */
import type { KubeObject } from '../../api';
import { podEvaluator } from '../../apiserver/admission/quotaEvaluators';
import { calculateUsage, hardOf } from '../../apiserver/admission/quotaUsage';
import { format, type ResourceList } from '../../apiserver/admission/quantities';
import { toRaw } from '../../apiserver/admission/resourceLists';
import { virtualMs } from '../../core/time';
import { deepEqual, splitKey } from '../../util/objects';
import type { Controller, ReconcileContext, ReconcileResult } from '../types';
import { quotaWatches } from './quotaWatches';

/** `pods 2/4, requests.cpu 1500m/2` */
function usageText(used: ResourceList, hard: ResourceList): string {
  return Object.keys(hard).sort().map((k) => `${k} ${used[k] ? format(used[k]) : '0'}/${format(hard[k])}`).join(', ');
}

/** When the next terminating Pod of the namespace stops being charged, if the quota counts Pods. */
function nextExpiry(ctx: ReconcileContext, quota: KubeObject): number | undefined {
  if (!podEvaluator.matchingResources(Object.keys(hardOf(quota))).length) return undefined;
  let next: number | undefined;
  for (const pod of ctx.list('Pod', quota.metadata.namespace)) {
    const { deletionTimestamp, deletionGracePeriodSeconds } = pod.metadata;
    const at = virtualMs(deletionTimestamp);
    if (at === undefined || deletionGracePeriodSeconds === undefined) continue;
    const expiry = at + deletionGracePeriodSeconds * 1000 + 1;
    if (expiry > ctx.now && (next === undefined || expiry < next)) next = expiry;
  }
  return next;
}

function syncResourceQuota(ctx: ReconcileContext, key: string): ReconcileResult | void {
  const { namespace, name } = splitKey(key);
  const quota = ctx.get('ResourceQuota', name, namespace);
  if (!quota) return;
  const hard = hardOf(quota);
  const used = calculateUsage(quota, ctx, ctx.now);
  const status = { hard: toRaw(hard), used: toRaw(used) };
  if (!deepEqual(status, quota.status)) {
    ctx.updateStatus({ ...quota, status } as KubeObject,
      `ResourceQuota ${namespace}/${name} recounted what namespace ${namespace} uses of its limits: ${usageText(used, hard) || 'nothing tracked'}`);
  }
  const expiry = nextExpiry(ctx, quota);
  return expiry === undefined ? undefined : { requeueAfter: expiry - ctx.now };
}

export const resourceQuotaController: Controller = {
  name: 'resourcequota-controller',
  watches: quotaWatches(),
  reconcile: (key, ctx) => syncResourceQuota(ctx, key),
};
