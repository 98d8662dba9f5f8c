/**
 * Pod affinity terms: which pods (namespaces × label selector) a term refers to, and the topology
 * domain it speaks of. upstream: pkg/scheduler/framework/types.go (AffinityTerm, PodInfo)
 */
import type { Node, Pod, PodAffinityTerm, WeightedPodAffinityTerm } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { matchesSelector } from '../../../util/selectors';
import type { CycleContext } from '../../framework';

export interface AffinityTerm {
  namespaces: ReadonlySet<string>;
  /** undefined: no namespace selector; `{}`: every namespace */
  namespaceSelector: LabelSelector | undefined;
  /** undefined selects no pod; `{}` every pod */
  selector: LabelSelector | undefined;
  topologyKey: string;
}

export interface WeightedAffinityTerm extends AffinityTerm {
  weight: number;
}

const namespaceOf = (pod: Pod) => pod.metadata?.namespace ?? 'default';

/** With neither `namespaces` nor `namespaceSelector`, a term means the owning pod's namespace. */
export function compileTerm(owner: Pod, term: PodAffinityTerm): AffinityTerm {
  const listed = term.namespaces ?? [];
  const namespaces = !listed.length && !term.namespaceSelector ? [namespaceOf(owner)] : listed;
  return {
    namespaces: new Set(namespaces),
    namespaceSelector: term.namespaceSelector,
    selector: term.labelSelector,
    topologyKey: term.topologyKey,
  };
}

export function compileWeighted(owner: Pod, terms: readonly WeightedPodAffinityTerm[] | undefined): WeightedAffinityTerm[] {
  return (terms ?? []).map((t) => ({ ...compileTerm(owner, t.podAffinityTerm), weight: t.weight }));
}

export function requiredAffinityTerms(pod: Pod): AffinityTerm[] {
  const terms = pod.spec?.affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
  return terms.map((t) => compileTerm(pod, t));
}

export function requiredAntiAffinityTerms(pod: Pod): AffinityTerm[] {
  const terms = pod.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [];
  return terms.map((t) => compileTerm(pod, t));
}

export function preferredAffinityTerms(pod: Pod): WeightedAffinityTerm[] {
  return compileWeighted(pod, pod.spec?.affinity?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution);
}

export function preferredAntiAffinityTerms(pod: Pod): WeightedAffinityTerm[] {
  return compileWeighted(pod, pod.spec?.affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution);
}

/** Whether `pod` is one of the pods the term refers to. */
export function termMatches(ctx: CycleContext, term: AffinityTerm, pod: Pod): boolean {
  const ns = namespaceOf(pod);
  const inNamespace = term.namespaces.has(ns) ||
    (!!term.namespaceSelector && matchesSelector(term.namespaceSelector, ctx.namespaceLabels(ns)));
  return inNamespace && matchesSelector(term.selector, pod.metadata?.labels);
}

/** upstream podMatchesAllAffinityTerms: false for no terms. */
export function matchesAllTerms(ctx: CycleContext, terms: readonly AffinityTerm[], pod: Pod): boolean {
  return terms.length > 0 && terms.every((t) => termMatches(ctx, t, pod));
}

export const pairKey = (key: string, value: string) => `${key}\0${value}`;

/** Adds `value` to the node's domain for `topologyKey`, if the node has that label. */
export function addToDomain(counts: Map<string, number>, node: Node, topologyKey: string, value: number): void {
  const labels = node.metadata?.labels ?? {};
  if (!(topologyKey in labels)) return;
  const key = pairKey(topologyKey, labels[topologyKey]);
  counts.set(key, (counts.get(key) ?? 0) + value);
}

export function hasPodAffinity(pod: Pod): boolean {
  const a = pod.spec?.affinity;
  return !!a && (!!a.podAffinity || !!a.podAntiAffinity);
}
