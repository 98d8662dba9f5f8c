/** The DaemonSet fields the controller reads, with upstream's defaults for what is unset. */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../api';
import { matchesSelector, type Labels } from '../../util/selectors';

export interface DaemonSetSpec {
  selector?: LabelSelector;
  template?: PodTemplateSpec;
  updateStrategy?: { type?: 'RollingUpdate' | 'OnDelete'; rollingUpdate?: { maxUnavailable?: number | string; maxSurge?: number | string } };
  minReadySeconds?: number;
  revisionHistoryLimit?: number;
}

export interface DaemonSetStatus {
  currentNumberScheduled: number;
  numberMisscheduled: number;
  desiredNumberScheduled: number;
  numberReady: number;
  observedGeneration?: number;
  updatedNumberScheduled?: number;
  numberAvailable?: number;
  numberUnavailable?: number;
  collisionCount?: number;
  conditions?: unknown[];
}

export interface DaemonSetObject extends KubeObject {
  spec: DaemonSetSpec;
  status?: DaemonSetStatus;
}

/** The label carrying the ControllerRevision hash on a daemon Pod (bare hash, unlike StatefulSet Pods). */
export const REVISION_HASH_LABEL = 'controller-revision-hash';
/** upstream extensions.DaemonSetTemplateGenerationKey */
export const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';
/** Where apps/v1 keeps the DaemonSet's templateGeneration (set by the API server's registry). */
export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

export const minReadySecondsOf = (ds: DaemonSetObject): number => ds.spec.minReadySeconds ?? 0;

/**
 * upstream GetTemplateGeneration: the registry's template-generation annotation. Where the API
 * server has not set it, the current revision number stands in (both count template changes).
 */
export function templateGeneration(ds: DaemonSetObject, revision: number): number {
  const raw = ds.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION];
  return raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : revision;
}

/** Whether the DaemonSet's selector picks these labels; an empty selector picks nothing. */
export function selects(ds: DaemonSetObject, labels: Labels): boolean {
  const s = ds.spec.selector;
  if (!s || (!Object.keys(s.matchLabels ?? {}).length && !(s.matchExpressions ?? []).length)) return false;
  return matchesSelector(s, labels);
}

/** Node names in natural order (node-2 before node-10), so every sync walks Nodes the same way. */
export function compareNodeNames(a: string, b: string): number {
  const re = /(\d+)|(\D+)/g;
  const pa = a.match(re) ?? [];
  const pb = b.match(re) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === y) continue;
    const nx = /^\d/.test(x) && /^\d/.test(y) ? Number(x) - Number(y) : 0;
    if (nx) return nx;
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length || (a < b ? -1 : a > b ? 1 : 0);
}
