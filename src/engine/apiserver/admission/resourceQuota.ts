/**
 * The ResourceQuota admission plugin (the last validating plugin): an object is refused when it
 * would take its namespace past any quota's hard limit, or when a cpu/memory quota finds a
 * container without that request or limit. Usage is counted from the stored objects, which is what
 * upstream's `status.used` holds once admission has charged every earlier create.
 * upstream: staging/src/k8s.io/apiserver/pkg/admission/plugin/resourcequota/controller.go (checkRequest)
 */
import type { KubeObject } from '../../api';
import type { StoreReader } from '../../controllers/types';
import { evaluatorFor, type Operation } from './quotaEvaluators';
import { calculateUsage, hardOf, quotaMatches } from './quotaUsage';
import { addLists, exceeded, mask, prettyPrint, removeZeros, subtractNonNegative } from './resourceLists';

export interface QuotaDeps {
  store: Pick<StoreReader, 'list'>;
  /** Virtual ms; a Pod stuck terminating past its grace period is no longer charged. */
  now?: number;
}

const byName = (a: KubeObject, b: KubeObject) => a.metadata.name.localeCompare(b.metadata.name);

/** Why quota refuses the write (`exceeded quota: …`, `failed quota: …`), or undefined. */
export function quotaProblem(op: Operation, obj: KubeObject, old: KubeObject | undefined, deps: QuotaDeps): string | undefined {
  const namespace = obj.metadata.namespace;
  if (!namespace) return undefined;
  const quotas = deps.store.list('ResourceQuota', namespace).sort(byName);
  if (!quotas.length) return undefined;
  const evaluator = evaluatorFor(obj.kind);
  if (!evaluator?.handles(op)) return undefined;
  const interesting: KubeObject[] = [];
  for (const quota of quotas) {
    if (!quotaMatches(quota, evaluator, obj)) continue;
    const restricted = evaluator.matchingResources(Object.keys(hardOf(quota)));
    const missing = evaluator.constraints?.(restricted, obj);
    if (missing) return `failed quota: ${quota.metadata.name}: ${missing}`;
    interesting.push(quota);
  }
  if (!interesting.length) return undefined;
  let delta = evaluator.usage(obj, deps.now);
  // upstream: an update is charged only for what it adds
  if (op === 'update' && old) delta = subtractNonNegative(delta, evaluator.usage(old, deps.now));
  delta = removeZeros(delta);
  if (!Object.keys(delta).length) return undefined;
  for (const quota of interesting) {
    const hard = hardOf(quota);
    const requested = mask(delta, Object.keys(hard));
    const used = calculateUsage(quota, deps.store, deps.now);
    const after = mask(addLists(used, requested), Object.keys(requested));
    const over = exceeded(after, hard);
    if (over.length) {
      return `exceeded quota: ${quota.metadata.name}, requested: ${prettyPrint(mask(requested, over))}, ` +
        `used: ${prettyPrint(mask(used, over))}, limited: ${prettyPrint(mask(hard, over))}`;
    }
  }
  return undefined;
}
