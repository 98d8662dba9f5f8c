/**
 * Finding a Deployment's ReplicaSets: which it owns (adopting matching orphans), which one is new
 * (its template equals the Deployment's, pod-template-hash aside) and which are old.
 * upstream: deployment_controller.go (getReplicaSetsForDeployment), deployment/util
 * (FindNewReplicaSet, FindOldReplicaSets, EqualIgnoreHash, MaxRevision, Get*ReplicaCountForReplicaSets)
 */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { controllerOf } from '../../util/objects';
import { matchesSelector } from '../../util/selectors';
import { claimObjects } from '../shared/ownership';
import { byCreation, revisionOf } from './ordering';
import type { DeploymentSync } from './sync';
import { namespaceOf } from './sync';
import { POD_TEMPLATE_HASH, rsReplicas, type DeploymentObject, type ReplicaSetObject } from './types';

/** The ReplicaSets this Deployment controls after adoption and release (ControllerRefManager). */
export function getReplicaSetsForDeployment(s: DeploymentSync): ReplicaSetObject[] {
  const { d } = s;
  const candidates = s.ctx.list('ReplicaSet', namespaceOf(s)).filter((rs) => {
    const ref = controllerOf(rs);
    return ref ? ref.uid === d.metadata.uid : matchesSelector(d.spec.selector, rs.metadata.labels);
  });
  return claimObjects(s.ctx, d, d.spec.selector, candidates) as ReplicaSetObject[];
}

/**
 * apimachinery's semantic equality for JSON: like deepEqual, but an empty map or list equals a
 * missing one (Go cannot tell a nil map from an empty one), and so do `false` and `""` (the zero
 * values of Go's plain bool and string fields, which omitempty drops).
 */
function semanticEqual(a: unknown, b: unknown): boolean {
  const empty = (v: unknown) => v === undefined || v === null || v === false || v === '' ||
    (typeof v === 'object' && Object.keys(v as object).length === 0);
  if (empty(a) && empty(b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a === b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => semanticEqual(x, bb[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const k of keys) if (!semanticEqual(ra[k], rb[k])) return false;
  return true;
}

function withoutHash(t: PodTemplateSpec | undefined): PodTemplateSpec {
  const labels = { ...(t?.metadata?.labels ?? {}) };
  delete labels[POD_TEMPLATE_HASH];
  return { ...(t ?? {}), metadata: { ...(t?.metadata ?? {}), labels } };
}

/** upstream EqualIgnoreHash: two pod templates are the same apart from the pod-template-hash label. */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  return semanticEqual(withoutHash(a), withoutHash(b));
}

/** The oldest ReplicaSet whose template is the Deployment's: the one its Pods should come from. */
export function findNewReplicaSet(d: DeploymentObject, rsList: readonly ReplicaSetObject[]): ReplicaSetObject | undefined {
  return [...rsList].sort(byCreation).find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template));
}

/** Every owned ReplicaSet other than the new one, oldest first. */
export function findOldReplicaSets(d: DeploymentObject, rsList: readonly ReplicaSetObject[]): ReplicaSetObject[] {
  const newRS = findNewReplicaSet(d, rsList);
  return [...rsList].sort(byCreation).filter((rs) => rs.metadata.uid !== newRS?.metadata.uid);
}

/** upstream FilterActiveReplicaSets: spec.replicas > 0. */
export const filterActive = (list: readonly (ReplicaSetObject | undefined)[]): ReplicaSetObject[] =>
  list.filter((rs): rs is ReplicaSetObject => rs !== undefined && rsReplicas(rs) > 0);

/** upstream MaxRevision: the highest revision annotation (unparseable ones are skipped). */
export function maxRevision(list: readonly ReplicaSetObject[]): number {
  let max = 0;
  for (const rs of list) max = Math.max(max, revisionOf(rs) ?? 0);
  return max;
}

type Counted = readonly (ReplicaSetObject | undefined)[];
const sum = (list: Counted, f: (rs: ReplicaSetObject) => number) =>
  list.reduce((n, rs) => n + (rs ? f(rs) : 0), 0);

/** Σ spec.replicas */
export const specReplicas = (list: Counted) => sum(list, (rs) => rs.spec.replicas ?? 0);
/** Σ status.replicas */
export const actualReplicas = (list: Counted) => sum(list, (rs) => rs.status?.replicas ?? 0);
export const readyReplicas = (list: Counted) => sum(list, (rs) => rs.status?.readyReplicas ?? 0);
export const availableReplicas = (list: Counted) => sum(list, (rs) => rs.status?.availableReplicas ?? 0);
