/**
 * The admission plugins of this folder in upstream's order: LimitRanger mutates first (before
 * ServiceAccount and the others), and after the registry's validation the validating plugins run,
 * LimitRanger first and ResourceQuota last. Their refusals are 403 Forbidden.
 * upstream: pkg/kubeapiserver/options/plugins.go (AllOrderedPlugins)
 */
import type { KubeObject } from '../../api';
import type { StoreReader } from '../../controllers/types';
import type { KindInfo } from '../kinds';
import { limitRangerMutate, limitRangerProblem } from './limitRanger';
import { forbiddenMessage } from './namespaceLifecycle';
import type { Operation } from './quotaEvaluators';
import { quotaProblem } from './resourceQuota';

export interface PluginDeps {
  store: Pick<StoreReader, 'get' | 'list'>;
  /** Virtual ms, when known. */
  now?: number;
}

/** The mutating plugins of this folder (LimitRanger defaults for a Pod being created). */
export function mutatingAdmission(op: Operation, obj: KubeObject, deps: PluginDeps): KubeObject {
  return op === 'create' ? limitRangerMutate(obj, deps.store) : obj;
}

/** The validating plugins: the API server's Forbidden message, or undefined when the write may go on. */
export function validatingAdmission(op: Operation, obj: KubeObject, old: KubeObject | undefined, info: KindInfo,
  deps: PluginDeps): string | undefined {
  const limits = limitRangerProblem(op, obj, deps.store);
  if (limits) return forbiddenMessage(info, obj.metadata.name, limits);
  const quota = quotaProblem(op, obj, old, deps);
  if (quota) return forbiddenMessage(info, obj.metadata.name, quota);
  return undefined;
}
