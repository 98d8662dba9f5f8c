/**
 * The five conditions a terminating Namespace carries, each False ("ok") unless its problem holds.
 * upstream: pkg/controller/namespace/deletion/status_condition_utils.go
 */
import type { NamespaceCondition } from 'kubernetes-types/core/v1';

/** What one pass of content deletion found. */
export interface ContentTotals {
  /** `pods.` / `deployments.apps` → instances still present. */
  remaining: Record<string, number>;
  /** finalizer → instances of remaining content holding it. */
  finalizers: Record<string, number>;
  /** Resource types whose content could not be deleted. */
  errors: string[];
}

export const CONDITION_TYPES = [
  'NamespaceDeletionDiscoveryFailure',
  'NamespaceDeletionGroupVersionParsingFailure',
  'NamespaceDeletionContentFailure',
  'NamespaceContentRemaining',
  'NamespaceFinalizersRemaining',
] as const;

const OK: Record<string, [reason: string, message: string]> = {
  NamespaceDeletionDiscoveryFailure: ['ResourcesDiscovered', 'All resources successfully discovered'],
  NamespaceDeletionGroupVersionParsingFailure: ['ParsedGroupVersions', 'All legacy kube types successfully parsed'],
  NamespaceDeletionContentFailure: ['ContentDeleted', 'All content successfully deleted, may be waiting on finalization'],
  NamespaceContentRemaining: ['ContentRemoved', 'All content successfully removed'],
  NamespaceFinalizersRemaining: ['ContentHasNoFinalizers', 'All content-preserving finalizers finished'],
};

type Problem = { reason: string; message: string };

function listed(counts: Record<string, number>, text: (key: string, n: number) => string): string[] {
  return Object.entries(counts).filter(([, n]) => n > 0).map(([k, n]) => text(k, n)).sort();
}

/** The conditions that hold True for these totals (upstream ProcessDeleteContentErr, ProcessContentTotals). */
function problems(t: ContentTotals): Record<string, Problem> {
  const out: Record<string, Problem> = {};
  if (t.errors.length) {
    const joined = t.errors.length === 1 ? t.errors[0] : `[${t.errors.join(', ')}]`;
    out.NamespaceDeletionContentFailure = {
      reason: 'ContentDeletionFailed', message: `Failed to delete all resource types, ${t.errors.length} remaining: ${joined}`,
    };
  }
  const resources = listed(t.remaining, (r, n) => `${r} has ${n} resource instances`);
  if (resources.length) out.NamespaceContentRemaining = { reason: 'SomeResourcesRemain', message: `Some resources are remaining: ${resources.join(', ')}` };
  const finalizers = listed(t.finalizers, (f, n) => `${f} in ${n} resource instances`);
  if (finalizers.length) {
    out.NamespaceFinalizersRemaining = {
      reason: 'SomeFinalizersRemain', message: `Some content in the namespace has finalizers remaining: ${finalizers.join(', ')}`,
    };
  }
  return out;
}

/**
 * upstream namespaceConditionUpdater.Update: the five conditions in their fixed order; an existing
 * one keeps its lastTransitionTime unless its status flips.
 */
export function namespaceConditions(existing: NamespaceCondition[] | undefined, totals: ContentTotals, now: string): NamespaceCondition[] {
  const found = problems(totals);
  return CONDITION_TYPES.map((type) => {
    const problem = found[type];
    const status = problem ? 'True' : 'False';
    const [reason, message] = problem ? [problem.reason, problem.message] : OK[type];
    const old = existing?.find((c) => c.type === type);
    const lastTransitionTime = old && old.status === status ? old.lastTransitionTime : now;
    return { type, status, lastTransitionTime, reason, message };
  });
}

/** The True conditions' messages, for the Step that records them. */
export function remainingSummary(conditions: NamespaceCondition[]): string | undefined {
  const open = conditions.filter((c) => c.status === 'True').map((c) => c.message);
  return open.length ? open.join('; ') : undefined;
}
