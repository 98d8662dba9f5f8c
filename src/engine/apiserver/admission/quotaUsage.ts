/**
 * What a ResourceQuota's namespace uses of the resources the quota limits, counted from the objects
 * as stored (upstream's quota.CalculateUsage, which the resourcequota controller writes into
 * `status.used` and admission adds to).
 * upstream: staging/src/k8s.io/apiserver/pkg/quota/v1/resources.go (CalculateUsage),
 * staging/src/k8s.io/apiserver/pkg/quota/v1/generic/evaluator.go (CalculateUsageStats)
 */
import type { KubeObject } from '../../api';
import type { StoreReader } from '../../controllers/types';
import { parseList, ZERO, type ResourceList } from './quantities';
import { evaluatorsFor, type Evaluator } from './quotaEvaluators';
import { scopeSelectorsOf } from './quotaScopes';
import { addLists, mask } from './resourceLists';

export function hardOf(quota: KubeObject): ResourceList {
  return parseList((quota.spec as { hard?: Record<string, unknown> } | undefined)?.hard);
}

/** Whether the quota applies to the object: it limits something the object uses, and the object is in every scope. */
export function quotaMatches(quota: KubeObject, evaluator: Evaluator, obj: KubeObject): boolean {
  if (!evaluator.matchingResources(Object.keys(hardOf(quota))).length) return false;
  return scopeSelectorsOf(quota).every((s) => evaluator.matchesScope(s, obj));
}

/** The namespace's usage of each resource the quota limits (0 where nothing uses it). */
export function calculateUsage(quota: KubeObject, store: Pick<StoreReader, 'list'>, now?: number): ResourceList {
  const names = Object.keys(hardOf(quota));
  const scopes = scopeSelectorsOf(quota);
  let used: ResourceList = {};
  for (const evaluator of evaluatorsFor(names)) {
    for (const r of evaluator.matchingResources(names)) if (!(r in used)) used[r] = ZERO;
    for (const obj of store.list(evaluator.kind, quota.metadata.namespace)) {
      if (scopes.every((s) => evaluator.matchesScope(s, obj))) used = addLists(used, evaluator.usage(obj, now));
    }
  }
  return mask(used, names);
}
