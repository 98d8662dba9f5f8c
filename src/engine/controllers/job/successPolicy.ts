/**
 * spec.successPolicy (Indexed Jobs): the Job succeeds once a rule's indexes (and/or count of them)
 * have succeeded, even if other indexes have not.
 * upstream: pkg/controller/job/success_policy.go
 */
import type { SuccessPolicy } from 'kubernetes-types/batch/v1';
import { parseIndexes, totalIndexes, type OrderedIntervals } from './indexes';

function matchesIndexesRule(rule: OrderedIntervals, succeeded: OrderedIntervals, count: number | undefined): boolean {
  let contains = 0;
  let s = 0;
  let r = 0;
  while (r < rule.length && s < succeeded.length) {
    const overlap = Math.min(rule[r].last, succeeded[s].last) - Math.max(rule[r].first, succeeded[s].first) + 1;
    if (overlap > 0) contains += overlap;
    if (succeeded[s].last < rule[r].last) s++;
    else if (succeeded[s].last > rule[r].last) r++;
    else {
      s++;
      r++;
    }
  }
  return contains === totalIndexes(rule) || (count !== undefined && contains >= count);
}

/** The SuccessCriteriaMet message (`Matched rules at index 0`) when a rule is met. */
export function matchSuccessPolicy(policy: SuccessPolicy | undefined, completions: number, succeeded: OrderedIntervals): string | undefined {
  if (!policy || succeeded.length === 0) return undefined;
  for (const [index, rule] of (policy.rules ?? []).entries()) {
    const count = rule.succeededCount ?? undefined;
    if (rule.succeededIndexes != null) {
      const required = parseIndexes(rule.succeededIndexes, completions);
      if (required.length === 0) continue;
      if (matchesIndexesRule(required, succeeded, count)) return `Matched rules at index ${index}`;
    } else if (count !== undefined && totalIndexes(succeeded) >= count) {
      return `Matched rules at index ${index}`;
    }
  }
  return undefined;
}
