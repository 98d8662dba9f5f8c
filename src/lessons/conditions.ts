/**
 * `evaluate(condition, view)`: whether a lesson Condition holds at one moment of the cluster.
 * `ever` and `always` look over the Steps of a stage's run when the caller passes them (`during`);
 * without them they judge the one view given. Pure: reads only the views.
 */
import type { ClusterView } from '../engine/api';
import { measure, sameValue } from './queries';
import type { Comparison, Condition, Query } from './types';

const COMPARISONS = ['equals', 'oneOf', 'atLeast', 'atMost', 'contains', 'matches', 'exists', 'length', 'sameAs', 'differsFrom'] as const;

/** Whether the condition holds; `during` are the views after each Step of the run being judged. */
export function evaluate(condition: Condition, view: ClusterView, during?: readonly ClusterView[]): boolean {
  if ('allOf' in condition) return condition.allOf.every((c) => evaluate(c, view, during));
  if ('anyOf' in condition) return condition.anyOf.some((c) => evaluate(c, view, during));
  if ('not' in condition) return !evaluate(condition.not, view, during);
  if ('ever' in condition) return (during ?? [view]).some((v) => evaluate(condition.ever, v));
  if ('always' in condition) return (during ?? [view]).every((v) => evaluate(condition.always, v));
  return compare(measure(condition as Query, view), condition, view);
}

/** Judges a value by every comparison given; with none, by whether it is "something". */
export function compare(value: unknown, c: Comparison, view: ClusterView): boolean {
  if (!COMPARISONS.some((k) => c[k] !== undefined)) return truthy(value);
  if (c.equals !== undefined && !sameValue(value, c.equals)) return false;
  if (c.oneOf !== undefined && !c.oneOf.some((v) => sameValue(value, v))) return false;
  if (c.atLeast !== undefined && !(typeof value === 'number' && value >= c.atLeast)) return false;
  if (c.atMost !== undefined && !(typeof value === 'number' && value <= c.atMost)) return false;
  if (c.contains !== undefined && !contains(value, c.contains)) return false;
  if (c.matches !== undefined && !(value !== undefined && value !== null && new RegExp(c.matches).test(String(value)))) return false;
  if (c.exists !== undefined && (value !== undefined && value !== null) !== c.exists) return false;
  if (c.length !== undefined) {
    const len = typeof value === 'string' || Array.isArray(value) ? value.length
      : value !== null && typeof value === 'object' ? Object.keys(value).length : undefined;
    if (len === undefined || !compare(len, c.length, view)) return false;
  }
  if (c.sameAs !== undefined && !sameValue(value, measure(c.sameAs, view))) return false;
  if (c.differsFrom !== undefined && sameValue(value, measure(c.differsFrom, view))) return false;
  return true;
}

function contains(value: unknown, wanted: unknown): boolean {
  if (typeof value === 'string') return typeof wanted === 'string' && value.includes(wanted);
  if (Array.isArray(value)) return value.some((v) => sameValue(v, wanted));
  return false;
}

/** A count above zero, a non-empty list or text, true, or any other present value. */
function truthy(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return false;
  if (typeof value === 'number') return value > 0;
  if (typeof value === 'string' || Array.isArray(value)) return value.length > 0;
  return true;
}
