/**
 * The shape of a quota evaluator: per kind, which quota names it charges, how much an object uses,
 * and which operations admission checks.
 * upstream: staging/src/k8s.io/apiserver/pkg/quota/v1/interfaces.go (Evaluator)
 */
import type { KubeObject } from '../../api';
import type { ResourceList } from './quantities';
import type { ScopeSelector } from './quotaScopes';

export type Operation = 'create' | 'update';

export interface Evaluator {
  /** The stored kind it evaluates. */
  kind: string;
  handles(op: Operation): boolean;
  matchingResources(names: string[]): string[];
  /** `now` (virtual ms) lets a Pod stuck terminating past its grace period stop counting. */
  usage(obj: KubeObject, now?: number): ResourceList;
  matchesScope(selector: ScopeSelector, obj: KubeObject): boolean;
  /** Why the object cannot be admitted under a quota tracking `required` (`must specify …`). */
  constraints?(required: string[], obj: KubeObject): string | undefined;
}
