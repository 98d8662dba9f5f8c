/**
 * What makes a ResourceQuota's usage worth recounting: the quota itself, and any create, delete or
 * usage-relevant change of an object some quota in the namespace tracks. Pod status writes are
 * frequent, so a Pod counts as changed only when its spec, phase or deletion does.
 * upstream: pkg/controller/resourcequota/resource_quota_controller.go (replenishQuota,
 * addQuota), resource_quota_monitor.go
 */
import type { KubeObject } from '../../api';
import { evaluatorFor } from '../../apiserver/admission/quotaEvaluators';
import { hardOf } from '../../apiserver/admission/quotaUsage';
import { allKinds } from '../../apiserver/kinds';
import type { StoreReader, WatchSpec } from '../types';

export const quotaKey = (quota: KubeObject) => `${quota.metadata.namespace}/${quota.metadata.name}`;

const phaseOf = (obj: KubeObject) => (obj.status as { phase?: string } | undefined)?.phase;

/** Whether a MODIFIED event can change what the object is charged. */
function usageMayChange(obj: KubeObject, old: KubeObject): boolean {
  if (obj.spec !== old.spec && JSON.stringify(obj.spec) !== JSON.stringify(old.spec)) return true;
  if (obj.metadata.deletionTimestamp !== old.metadata.deletionTimestamp) return true;
  if (obj.kind === 'Pod' && phaseOf(obj) !== phaseOf(old)) return true;
  // a claim's class may come from its beta annotation
  return obj.kind === 'PersistentVolumeClaim' && obj.metadata.annotations !== old.metadata.annotations;
}

function trackingQuotas(obj: KubeObject, old: KubeObject | undefined, lister: StoreReader): string[] {
  const quotas = lister.list('ResourceQuota', obj.metadata.namespace);
  if (!quotas.length || (old && !usageMayChange(obj, old))) return [];
  const evaluator = evaluatorFor(obj.kind);
  if (!evaluator) return [];
  return quotas.filter((q) => evaluator.matchingResources(Object.keys(hardOf(q))).length).map(quotaKey);
}

/** The quota itself, plus every namespaced kind quota can count. */
export function quotaWatches(): WatchSpec[] {
  const kinds = [...new Set(allKinds().filter((k) => k.namespaced && k.kind !== 'ResourceQuota' && k.kind !== 'Event' &&
    k.kind !== 'Binding' && evaluatorFor(k.kind)).map((k) => k.kind))].sort();
  return [
    // a quota counts itself (`resourcequotas`, `count/resourcequotas`), and a new quota counts its namespace
    { kind: 'ResourceQuota', map: (quota, old, lister) => [quotaKey(quota), ...trackingQuotas(quota, old, lister)] },
    ...kinds.map((kind): WatchSpec => ({ kind, map: trackingQuotas })),
  ];
}
