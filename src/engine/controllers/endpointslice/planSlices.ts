/**
 * The EndpointSlice reconciler as a pure plan: which slices to create, update and delete so that
 * a Service's desired endpoints are listed, grouped by port set, at most `max` per slice, with as
 * few writes as possible.
 * upstream: pkg/controller/endpointslice/reconciler.go (reconcileByAddressType,
 * reconcileByPortMapping, getSliceToFill, finalize)
 */
import type { Endpoint, EndpointPort } from 'kubernetes-types/discovery/v1';
import type { KubeObject } from '../../api';
import { clone, deepEqual } from '../../util/objects';
import { endpointKey, portMapKey } from './podEndpoint';
import { newEndpointSlice, ownedBy, sliceLabels, type SliceObject } from './sliceObjects';

/** The endpoints wanted for one set of ports, keyed by endpointKey, in the order they were found. */
export interface DesiredGroup {
  ports: EndpointPort[];
  endpoints: Map<string, Endpoint>;
}

/** A slice to write over a stored one (`old`), which it may replace entirely (a recycled name). */
export interface SliceUpdate {
  slice: SliceObject;
  old: SliceObject;
  /** A slice that was to be deleted, reused for one that was to be created. */
  recycled?: boolean;
}

export interface SlicePlan {
  create: SliceObject[];
  update: SliceUpdate[];
  delete: SliceObject[];
}

const byName = (a: SliceObject, b: SliceObject) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0);

function popFirst(set: Map<string, Endpoint>): Endpoint {
  const [key, ep] = set.entries().next().value as [string, Endpoint];
  set.delete(key);
  return ep;
}

/** upstream getSliceToFill: the unchanged slice the remaining endpoints fill most closely. */
function sliceToFill(slices: SliceObject[], count: number, max: number): SliceObject | undefined {
  let closest: SliceObject | undefined;
  let closestDiff = max;
  for (const s of slices) {
    const diff = max - (count + s.endpoints.length);
    if (diff >= 0 && diff < closestDiff) {
      closest = s;
      closestDiff = diff;
      if (diff === 0) break;
    }
  }
  return closest;
}

interface PortMapPlan { create: SliceObject[]; update: SliceUpdate[]; delete: SliceObject[] }

/** upstream reconcileByPortMapping: keep, update, fill, then create slices for one port set. */
function planPortMap(svc: KubeObject, existing: SliceObject[], group: DesiredGroup, controllerName: string, max: number): PortMapPlan {
  const desired = new Map(group.endpoints);
  const working = new Map<string, SliceObject>();
  const stored = new Map<string, SliceObject>();
  const unchanged = new Set<string>();
  const toUpdate = new Set<string>();
  const toDelete: SliceObject[] = [];
  for (const slice of existing) {
    const name = slice.metadata.name;
    stored.set(name, slice);
    working.set(name, slice);
    const kept: Endpoint[] = [];
    let endpointUpdated = false;
    for (const ep of slice.endpoints ?? []) {
      const key = endpointKey(ep);
      const want = desired.get(key);
      if (!want) continue;
      kept.push(want);
      if (!deepEqual(want, ep)) endpointUpdated = true;
      desired.delete(key);
    }
    const [labels, labelsChanged] = sliceLabels(slice, svc, controllerName);
    if (endpointUpdated || kept.length !== (slice.endpoints ?? []).length) {
      if (kept.length === 0) {
        toDelete.push(slice);
        continue;
      }
      const copy = clone(slice);
      copy.endpoints = kept;
      copy.metadata.labels = labels;
      working.set(name, copy);
      toUpdate.add(name);
    } else if (labelsChanged) {
      const copy = clone(slice);
      copy.metadata.labels = labels;
      working.set(name, copy);
      toUpdate.add(name);
    } else unchanged.add(name);
  }
  // the slices being written anyway take the new endpoints first, fullest first
  if (desired.size && toUpdate.size) {
    const slices = [...toUpdate].map((n) => working.get(n)!).sort((a, b) => b.endpoints.length - a.endpoints.length || byName(a, b));
    for (const s of slices) while (desired.size && s.endpoints.length < max) s.endpoints.push(popFirst(desired));
  }
  const create: SliceObject[] = [];
  while (desired.size) {
    let fill: SliceObject | undefined;
    if (desired.size < max && unchanged.size) {
      fill = sliceToFill([...unchanged].map((n) => working.get(n)!).sort(byName), desired.size, max);
    }
    if (fill) {
      fill = clone(fill);
      working.set(fill.metadata.name, fill);
    } else fill = newEndpointSlice(svc, group.ports, controllerName);
    while (desired.size && fill.endpoints.length < max) fill.endpoints.push(popFirst(desired));
    if (fill.metadata.name) {
      toUpdate.add(fill.metadata.name);
      unchanged.delete(fill.metadata.name);
    } else create.push(fill);
  }
  const update = [...toUpdate].sort().map((n) => ({ slice: working.get(n)!, old: stored.get(n)! }));
  return { create, update, delete: toDelete };
}

/** An empty slice with the same labels as the placeholder that would replace it. */
function samePlaceholder(a: SliceObject, b: SliceObject): boolean {
  return a.metadata.namespace === b.metadata.namespace && deepEqual(a.metadata.labels ?? {}, b.metadata.labels ?? {}) &&
    a.addressType === b.addressType && !(a.endpoints?.length) && !(a.ports?.length) && !(b.ports?.length);
}

/**
 * upstream reconcileByAddressType + finalize. Slices not owned by this Service (same name, older
 * uid) are deleted; a Service without endpoints keeps one empty placeholder slice; a slice about to
 * be deleted is recycled (updated under its name) rather than creating another; nothing is created
 * for a Service being deleted.
 */
export function planSlices(svc: KubeObject, desired: Map<string, DesiredGroup>, existing: SliceObject[],
  controllerName: string, max: number): SlicePlan {
  const toDelete: SliceObject[] = [];
  const byPortMap = new Map<string, SliceObject[]>();
  for (const slice of [...existing].sort(byName)) {
    if (!ownedBy(slice, svc)) {
      toDelete.push(slice);
      continue;
    }
    const key = portMapKey(slice.ports);
    byPortMap.set(key, [...(byPortMap.get(key) ?? []), slice]);
  }
  let create: SliceObject[] = [];
  const update: SliceUpdate[] = [];
  for (const [key, group] of desired) {
    const plan = planPortMap(svc, byPortMap.get(key) ?? [], group, controllerName, max);
    create.push(...plan.create);
    update.push(...plan.update);
    toDelete.push(...plan.delete);
  }
  for (const [key, slices] of byPortMap) if (!desired.has(key)) toDelete.push(...slices);
  if (existing.length === toDelete.length && create.length < 1) {
    const placeholder = newEndpointSlice(svc, [], controllerName);
    if (toDelete.length === 1 && samePlaceholder(toDelete[0], placeholder)) toDelete.length = 0;
    else create.push(placeholder);
  }
  for (let i = 0; i < toDelete.length && create.length;) {
    const old = toDelete[i];
    const slice = create[create.length - 1];
    if (ownedBy(old, svc) && slice.addressType === old.addressType) {
      slice.metadata.name = old.metadata.name;
      create.pop();
      update.push({ slice, old, recycled: true });
      toDelete.splice(i, 1);
    } else i++;
  }
  if (svc.metadata.deletionTimestamp) create = [];
  return { create, update, delete: toDelete };
}
