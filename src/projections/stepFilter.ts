/**
 * Timeline filters: by actor (a kind of actor — every kubelet, every controller — or one actor),
 * by object (the selected one, or typed `kind/name` as kubectl takes it) and by namespace. A Step
 * concerns an object when it wrote it or emitted an Event about it (see stepFilterIndex).
 */
import type { Step } from '../engine/api';
import { resolveKindName } from '../engine/apiserver/kinds';
import { ACTOR_KINDS, actorKind, type ActorKind } from './actors';
import type { ObjectRef } from './stepDiffObjects';

export interface StepFilter {
  /** `kind:<ActorKind>` (`kind:kubelet`) or `actor:<name>` (`actor:kubelet/node-1`); null: every actor. */
  actor: string | null;
  /** The object; without a namespace it matches the name in any namespace. */
  object: ObjectRef | null;
  namespace: string | null;
}

export const NO_FILTER: StepFilter = { actor: null, object: null, namespace: null };

/** What a filter needs to know about a Step besides the Step: the objects it concerns. */
export type TouchedObjects = (index: number) => readonly ObjectRef[];

export function isFilterActive(f: StepFilter): boolean {
  return f.actor !== null || f.object !== null || f.namespace !== null;
}

/** Whether the filter needs the object index (the actor alone reads only the Step). */
export function needsObjectIndex(f: StepFilter): boolean {
  return f.object !== null || f.namespace !== null;
}

export function actorMatches(actor: string, value: string): boolean {
  if (value.startsWith('kind:')) return actorKind(actor) === value.slice(5);
  if (value.startsWith('actor:')) return actor === value.slice(6);
  return false;
}

export function objectMatches(ref: ObjectRef, query: ObjectRef): boolean {
  return ref.kind === query.kind && ref.name === query.name && (query.namespace === undefined || ref.namespace === query.namespace);
}

export function stepMatches(step: Step, f: StepFilter, touched: TouchedObjects): boolean {
  if (f.actor !== null && !actorMatches(step.actor, f.actor)) return false;
  if (f.object === null && f.namespace === null) return true;
  return touched(step.index).some((r) =>
    (f.object === null || objectMatches(r, f.object)) && (f.namespace === null || r.namespace === f.namespace));
}

/** The indexes of the Steps the filter shows, ascending; null when no filter is set (every Step). */
export function filterStepIndices(steps: readonly Step[], f: StepFilter, touched: TouchedObjects): number[] | null {
  if (!isFilterActive(f)) return null;
  const out: number[] = [];
  for (let i = 0; i < steps.length; i++) if (stepMatches(steps[i], f, touched)) out.push(i);
  return out;
}

export interface ActorOption {
  /** The filter value: `kind:<ActorKind>` or `actor:<name>`. */
  value: string;
  /** The kind (of the one actor, for an actor option); the UI words it. */
  kind: ActorKind;
  /** The one actor's name; absent for a kind. */
  actor?: string;
  /** How many Steps it matches. */
  count: number;
}

/** The actor choices for these Steps: each kind present, then each actor (grouped by kind, by name). */
export function actorOptions(steps: readonly Step[]): { kinds: ActorOption[]; actors: ActorOption[] } {
  const perActor = new Map<string, number>();
  for (const s of steps) perActor.set(s.actor, (perActor.get(s.actor) ?? 0) + 1);
  const perKind = new Map<ActorKind, number>();
  for (const [actor, n] of perActor) perKind.set(actorKind(actor), (perKind.get(actorKind(actor)) ?? 0) + n);
  const kinds = ACTOR_KINDS.filter((k) => perKind.has(k))
    .map((k) => ({ value: `kind:${k}`, kind: k, count: perKind.get(k)! }));
  const rank = (a: string) => ACTOR_KINDS.indexOf(actorKind(a));
  const actors = [...perActor.keys()]
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, 'en', { numeric: true }))
    .map((a) => ({ value: `actor:${a}`, kind: actorKind(a), actor: a, count: perActor.get(a)! }));
  return { kinds, actors };
}

/**
 * What typing an object gave: the object, text that is not `kind/name` (the UI explains the
 * form), or kubectl's own error for an unknown resource type (shown as kubectl prints it).
 */
export type ObjectQueryResult = { ref: ObjectRef } | { error: 'syntax' } | { error: 'kubectl'; message: string };

/**
 * `kind/name` as kubectl reads it (`pod/web-1`, `deploy/web`, `deployments.apps/web`), with an
 * optional `-n <namespace>`.
 */
export function parseObjectQuery(text: string): ObjectQueryResult {
  const words = text.trim().split(/\s+/).filter(Boolean);
  let namespace: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === '-n' || w === '--namespace') namespace = words[++i];
    else if (w.startsWith('--namespace=')) namespace = w.slice(12);
    else rest.push(w);
  }
  const [resource, name] = rest.length === 1 ? rest[0].split('/') : rest.length === 2 ? rest : [];
  if (!resource || !name || rest.join('/').split('/').length !== 2) return { error: 'syntax' };
  const info = resolveKindName(resource);
  if (!info) return { error: 'kubectl', message: `error: the server doesn't have a resource type "${resource}"` };
  return { ref: { kind: info.kind, name, ...(namespace && info.namespaced ? { namespace } : {}) } };
}
