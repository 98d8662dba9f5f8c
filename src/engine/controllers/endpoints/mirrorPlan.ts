/**
 * The EndpointSlices that mirror a hand-written Endpoints object (for a Service without a
 * selector), as a pure plan: one slice per distinct port set, at most 1000 addresses each.
 * upstream: pkg/controller/endpointslicemirroring/reconciler.go (reconcile, reconcileByPortMapping,
 * recycleSlices), reconciler_helpers.go (desiredCalc), utils.go (newEndpointSlice, addressToEndpoint)
 */
import type { EndpointAddress, EndpointSubset } from 'kubernetes-types/core/v1';
import type { Endpoint, EndpointPort } from 'kubernetes-types/discovery/v1';
import type { KubeObject } from '../../api';
import { controllerRef } from '../shared/ownership';
import { endpointKey, portMapKey } from '../endpointslice/podEndpoint';
import { LABEL_MANAGED_BY, LABEL_SERVICE_NAME, TRIGGER_TIME_ANNOTATION, type SliceObject } from '../endpointslice/sliceObjects';
import { deepEqual } from '../../util/objects';
import { repackSubsets } from './subsets';

export const MIRRORING_CONTROLLER = 'endpointslicemirroring-controller.k8s.io';
/** kube-controller-manager --mirroring-max-endpoints-per-subset */
export const MAX_ENDPOINTS_PER_SUBSET = 1000;
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function addressToEndpoint(a: EndpointAddress, ready: boolean): Endpoint {
  const ep: Endpoint = { addresses: [a.ip], conditions: { ready } };
  if (a.hostname) ep.hostname = a.hostname;
  if (a.targetRef) ep.targetRef = { ...a.targetRef };
  if (a.nodeName) ep.nodeName = a.nodeName;
  return ep;
}

export interface MirrorGroup { ports: EndpointPort[]; endpoints: Endpoint[] }

/** upstream desiredCalc: the repacked subsets' addresses by port set; invalid and surplus addresses counted. */
export function desiredMirror(subsets: EndpointSubset[]): { groups: Map<string, MirrorGroup>; invalid: number; skipped: number } {
  const groups = new Map<string, MirrorGroup>();
  let invalid = 0;
  let skipped = 0;
  for (const subset of repackSubsets(subsets)) {
    const ports: EndpointPort[] = (subset.ports ?? []).map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP',
      ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}) }));
    const key = portMapKey(ports);
    const group = groups.get(key) ?? { ports, endpoints: [] };
    groups.set(key, group);
    const seen = new Set(group.endpoints.map(endpointKey));
    let added = 0;
    let invalidHere = 0;
    const all = [...(subset.addresses ?? []).map((a) => [a, true] as const), ...(subset.notReadyAddresses ?? []).map((a) => [a, false] as const)];
    for (const [a, ready] of all) {
      if (added >= MAX_ENDPOINTS_PER_SUBSET) break;
      if (!IPV4.test(a.ip)) {
        invalidHere++;
        continue;
      }
      const ep = addressToEndpoint(a, ready);
      if (!seen.has(endpointKey(ep))) group.endpoints.push(ep);
      seen.add(endpointKey(ep));
      added++;
    }
    invalid += invalidHere;
    skipped += all.length - added - invalidHere;
  }
  return { groups, invalid, skipped };
}

/** upstream newEndpointSlice (mirroring): owned by the Endpoints, its labels and annotations copied. */
export function mirrorSlice(ep: KubeObject, group: MirrorGroup, name?: string): SliceObject {
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(ep.metadata.annotations ?? {})) if (k !== TRIGGER_TIME_ANNOTATION && k !== LAST_APPLIED) annotations[k] = v;
  const metadata: Record<string, unknown> = {
    namespace: ep.metadata.namespace,
    labels: { ...(ep.metadata.labels ?? {}), [LABEL_SERVICE_NAME]: ep.metadata.name, [LABEL_MANAGED_BY]: MIRRORING_CONTROLLER },
    ownerReferences: [controllerRef(ep)],
  };
  if (Object.keys(annotations).length) metadata.annotations = annotations;
  if (name) metadata.name = name;
  else metadata.generateName = `${ep.metadata.name}-`;
  return { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: metadata as KubeObject['metadata'],
    addressType: 'IPv4', endpoints: group.endpoints, ports: group.ports };
}

export interface MirrorPlan { create: SliceObject[]; update: SliceObject[]; delete: SliceObject[] }

/** A slice that already mirrors the group: same endpoints, labels and annotations. */
function upToDate(slice: SliceObject, want: SliceObject): boolean {
  return deepEqual(slice.endpoints ?? [], want.endpoints) && deepEqual(slice.metadata.labels ?? {}, want.metadata.labels ?? {}) &&
    deepEqual(slice.metadata.annotations ?? {}, want.metadata.annotations ?? {});
}

/** upstream reconcile + reconcileByPortMapping + recycleSlices: one slice per port set, the rest deleted. */
export function planMirror(ep: KubeObject, groups: Map<string, MirrorGroup>, existing: SliceObject[]): MirrorPlan {
  const byKey = new Map<string, SliceObject[]>();
  for (const s of existing) byKey.set(portMapKey(s.ports), [...(byKey.get(portMapKey(s.ports)) ?? []), s]);
  const plan: MirrorPlan = { create: [], update: [], delete: [] };
  for (const [key, group] of groups) {
    const slices = byKey.get(key) ?? [];
    if (!group.endpoints.length) {
      plan.delete.push(...slices);
      continue;
    }
    plan.delete.push(...slices.slice(1));
    const want = mirrorSlice(ep, group, slices[0]?.metadata.name);
    if (slices[0] && upToDate(slices[0], want)) continue;
    (slices[0] ? plan.update : plan.create).push(want);
  }
  for (const [key, slices] of byKey) if (!groups.has(key)) plan.delete.push(...slices);
  while (plan.create.length && plan.delete.length) {
    const slice = plan.create.shift()!;
    slice.metadata.name = plan.delete.shift()!.metadata.name;
    delete slice.metadata.generateName;
    plan.update.push(slice);
  }
  if (ep.metadata.deletionTimestamp) plan.create = [];
  return plan;
}
