/**
 * The EndpointSlice objects the controller writes: their labels and their shape when new.
 * upstream: pkg/controller/endpointslice/reconciler.go, staging/src/k8s.io/endpointslice/utils.go
 * (newEndpointSlice, setEndpointSliceLabels, ownedBy)
 */
import type { Endpoint, EndpointPort } from 'kubernetes-types/discovery/v1';
import type { KubeObject } from '../../api';
import { deepEqual } from '../../util/objects';
import { controllerRef } from '../shared/ownership';
import { isHeadless } from './podEndpoint';

export const LABEL_SERVICE_NAME = 'kubernetes.io/service-name';
export const LABEL_MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
export const LABEL_HEADLESS = 'service.kubernetes.io/headless';
export const ENDPOINTSLICE_CONTROLLER = 'endpointslice-controller.k8s.io';
export const TRIGGER_TIME_ANNOTATION = 'endpoints.kubernetes.io/last-change-trigger-time';
/** kube-controller-manager --max-endpoints-per-slice */
export const MAX_ENDPOINTS_PER_SLICE = 100;

export interface SliceObject extends KubeObject {
  addressType: string;
  endpoints: Endpoint[];
  ports: EndpointPort[];
}

const RESERVED = new Set([LABEL_SERVICE_NAME, LABEL_MANAGED_BY, LABEL_HEADLESS]);

/**
 * upstream setEndpointSliceLabels: the Service's own labels (reserved keys skipped), the headless
 * label when the Service has no cluster IP, and the service-name / managed-by labels. The boolean
 * says whether the slice's labels have to change.
 */
export function sliceLabels(slice: KubeObject | undefined, svc: KubeObject, controllerName: string): [Record<string, string>, boolean] {
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(svc.metadata.labels ?? {})) if (!RESERVED.has(k)) labels[k] = v;
  if (isHeadless(svc)) labels[LABEL_HEADLESS] = '';
  labels[LABEL_SERVICE_NAME] = svc.metadata.name;
  labels[LABEL_MANAGED_BY] = controllerName;
  return [labels, !deepEqual(labels, slice?.metadata.labels ?? {})];
}

/** upstream ownedBy: the slice names this very Service (same uid) as an owner. */
export function ownedBy(slice: KubeObject, svc: KubeObject): boolean {
  return (slice.metadata.ownerReferences ?? []).some((r) => r.uid === svc.metadata.uid && r.kind === 'Service' && r.apiVersion === 'v1');
}

/** upstream newEndpointSlice: generateName `<svc>-`, a controller reference to the Service, no endpoints yet. */
export function newEndpointSlice(svc: KubeObject, ports: EndpointPort[], controllerName: string): SliceObject {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      generateName: `${svc.metadata.name}-`,
      namespace: svc.metadata.namespace,
      labels: sliceLabels(undefined, svc, controllerName)[0],
      ownerReferences: [controllerRef(svc)],
    } as KubeObject['metadata'],
    addressType: 'IPv4',
    endpoints: [],
    ports: ports.map((p) => ({ ...p })),
  };
}

/** The slices of `svc` this controller manages, by label (as its lister selects them), in name order. */
export function managedSlices(all: KubeObject[], svc: KubeObject, controllerName: string): SliceObject[] {
  return (all as SliceObject[])
    .filter((s) => s.metadata.labels?.[LABEL_SERVICE_NAME] === svc.metadata.name && s.metadata.labels?.[LABEL_MANAGED_BY] === controllerName)
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
}
