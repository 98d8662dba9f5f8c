/**
 * The LimitRanger admission plugin. Mutating (first of the plugins): a new Pod's containers and
 * init containers get the namespace's Container defaults for any request or limit they leave out,
 * and the Pod is annotated with what was set. Validating: Container and Pod min / max /
 * maxLimitRequestRatio, PersistentVolumeClaim storage min / max. Pods are checked on create only
 * (their resources cannot change), claims on create and update. LimitRanges are taken in name
 * order; the first one a Pod breaks refuses it, listing all that LimitRange's violations.
 * upstream: plugin/pkg/admission/limitranger/admission.go
 */
import type { Container, LimitRange, LimitRangeItem, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api';
import type { StoreReader } from '../../controllers/types';
import { clone } from '../../util/objects';
import { limitRequestRatioConstraint, maxConstraint, maxRequestConstraint, minConstraint } from './limitConstraints';
import { parseList, type ResourceList } from './quantities';
import { containerLimits, containerRequests, podLimits, podRequests } from './podResources';

export const LIMIT_RANGER_ANNOTATION = 'kubernetes.io/limit-ranger';

type Operation = 'create' | 'update';

function limitRanges(store: Pick<StoreReader, 'list'>, namespace: string | undefined): (KubeObject & LimitRange)[] {
  return (store.list('LimitRange', namespace) as (KubeObject & LimitRange)[])
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
}

const items = (lr: LimitRange): LimitRangeItem[] => lr.spec?.limits ?? [];

/** Sets what the container leaves out; returns the annotation parts (`cpu, memory request for container app`). */
function mergeContainer(c: Container, requests: Record<string, unknown>, limits: Record<string, unknown>, label: string): string[] {
  const resources = (c.resources ??= {});
  const setLimits = Object.keys(limits).filter((k) => !(k in (resources.limits ?? {}))).sort();
  const setRequests = Object.keys(requests).filter((k) => !(k in (resources.requests ?? {}))).sort();
  if (setLimits.length) resources.limits = { ...(resources.limits ?? {}), ...Object.fromEntries(setLimits.map((k) => [k, limits[k]])) } as never;
  if (setRequests.length) resources.requests = { ...(resources.requests ?? {}), ...Object.fromEntries(setRequests.map((k) => [k, requests[k]])) } as never;
  const out: string[] = [];
  if (setRequests.length) out.push(`${setRequests.join(', ')} request for ${label} ${c.name}`);
  if (setLimits.length) out.push(`${setLimits.join(', ')} limit for ${label} ${c.name}`);
  return out;
}

/** The Container defaults of one LimitRange (a later item overrides an earlier one). */
function containerDefaults(lr: LimitRange): { requests: Record<string, unknown>; limits: Record<string, unknown> } {
  const requests: Record<string, unknown> = {};
  const limits: Record<string, unknown> = {};
  for (const item of items(lr)) {
    if (item.type !== 'Container') continue;
    Object.assign(requests, item.defaultRequest ?? {});
    Object.assign(limits, item.default ?? {});
  }
  return { requests, limits };
}

/**
 * LimitRanger.Admit for a Pod being created: each LimitRange in turn fills in its Container
 * defaults where the container states nothing, and notes what it set in the annotation.
 */
export function limitRangerMutate(obj: KubeObject, store: Pick<StoreReader, 'list'>): KubeObject {
  if (obj.kind !== 'Pod') return obj;
  const ranges = limitRanges(store, obj.metadata.namespace);
  if (!ranges.length) return obj;
  const pod = clone(obj) as KubeObject & Pod;
  for (const lr of ranges) {
    const { requests, limits } = containerDefaults(lr);
    const notes: string[] = [];
    for (const c of pod.spec?.containers ?? []) notes.push(...mergeContainer(c, requests, limits, 'container'));
    for (const c of pod.spec?.initContainers ?? []) notes.push(...mergeContainer(c, requests, limits, 'init container'));
    if (notes.length) {
      pod.metadata.annotations = { ...(pod.metadata.annotations ?? {}), [LIMIT_RANGER_ANNOTATION]: `LimitRanger plugin set: ${notes.join('; ')}` };
    }
  }
  return pod;
}

/** min, then max, then maxLimitRequestRatio of one item against one set of requests and limits. */
function checkItem(item: LimitRangeItem, requests: ResourceList, limits: ResourceList, claim = false): string[] {
  const errs: string[] = [];
  const each = (bounds: Record<string, unknown> | undefined, fn: (r: string, q: NonNullable<ResourceList[string]>) => string | undefined) => {
    const parsed = parseList(bounds);
    for (const r of Object.keys(parsed).sort()) {
      const e = fn(r, parsed[r]);
      if (e) errs.push(e);
    }
  };
  each(item.min, (r, q) => minConstraint(item.type, r, q, requests, claim ? {} : limits));
  each(item.max, (r, q) => (claim ? maxRequestConstraint(item.type, r, q, requests) : maxConstraint(item.type, r, q, requests, limits)));
  if (!claim) each(item.maxLimitRequestRatio, (r, q) => limitRequestRatioConstraint(item.type, r, q, requests, limits));
  return errs;
}

function podViolations(lr: LimitRange, pod: Pod): string[] {
  const errs: string[] = [];
  for (const item of items(lr)) {
    if (item.type === 'Container') {
      for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
        errs.push(...checkItem(item, containerRequests(c), containerLimits(c)));
      }
    }
    if (item.type === 'Pod') errs.push(...checkItem(item, podRequests(pod), podLimits(pod)));
  }
  return errs;
}

function claimViolations(lr: LimitRange, pvc: PersistentVolumeClaim): string[] {
  return items(lr).filter((i) => i.type === 'PersistentVolumeClaim')
    .flatMap((i) => checkItem(i, parseList(pvc.spec?.resources?.requests), {}, true));
}

/** upstream utilerrors.NewAggregate: duplicates dropped; several are bracketed. */
function aggregate(errs: string[]): string {
  const unique = [...new Set(errs)];
  return unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`;
}

/** LimitRanger.Validate: the first LimitRange the object breaks, as the aggregated message. */
export function limitRangerProblem(op: Operation, obj: KubeObject, store: Pick<StoreReader, 'list'>): string | undefined {
  const isPod = obj.kind === 'Pod' && op === 'create';
  if (!isPod && obj.kind !== 'PersistentVolumeClaim') return undefined;
  for (const lr of limitRanges(store, obj.metadata.namespace)) {
    const errs = isPod ? podViolations(lr, obj as Pod) : claimViolations(lr, obj as PersistentVolumeClaim);
    if (errs.length) return aggregate(errs);
  }
  return undefined;
}
