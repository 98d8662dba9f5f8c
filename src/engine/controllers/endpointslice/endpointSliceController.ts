import type { KubeObject } from '../../api';
import { deepEqual, keyOf, objectKey } from '../../util/objects';
import type { Controller, WatchSpec } from '../types';
import { servicesForPodChange } from './podServices';
import { ENDPOINTSLICE_CONTROLLER, LABEL_MANAGED_BY, LABEL_SERVICE_NAME } from './sliceObjects';
import { syncService } from './syncService';

/**
 * upstream onServiceUpdate: every Service change is synced, except writes that touch neither its
 * spec, its labels nor its deletion (status and finalizer writes of the service-controller).
 */
export function mapService(svc: KubeObject, old: KubeObject | undefined): string[] {
  if (old && deepEqual(svc.spec, old.spec) && deepEqual(svc.metadata.labels, old.metadata.labels) &&
    svc.metadata.deletionTimestamp === old.metadata.deletionTimestamp && svc.metadata.uid === old.metadata.uid) return [];
  return [keyOf(svc)];
}

/** The Service a slice managed by `controllerName` belongs to, if any. */
function owningService(slice: KubeObject, controllerName: string): string | undefined {
  const labels = slice.metadata.labels ?? {};
  const service = labels[LABEL_SERVICE_NAME];
  return service && labels[LABEL_MANAGED_BY] === controllerName ? objectKey(slice.metadata.namespace, service) : undefined;
}

/**
 * upstream onEndpointSliceAdd/Update/Delete: a change to a managed slice (someone edited or deleted
 * it, or relabelled it) syncs its Service, which puts the slice back as it should be.
 */
export function mapEndpointSlice(controllerName: string) {
  return (slice: KubeObject, old: KubeObject | undefined): string[] => {
    const keys = new Set<string>();
    const now = owningService(slice, controllerName);
    if (now) keys.add(now);
    const before = old && owningService(old, controllerName);
    if (before) keys.add(before);
    return [...keys];
  };
}

const watches: WatchSpec[] = [
  { kind: 'Service', map: mapService },
  { kind: 'Pod', map: servicesForPodChange },
  { kind: 'EndpointSlice', map: mapEndpointSlice(ENDPOINTSLICE_CONTROLLER) },
];

/**
 * endpointslice-controller: for every Service with a selector, EndpointSlices (≤100 endpoints
 * each, grouped by the ports each Pod resolves) listing the selected Pods that have an IP, with
 * ready / serving / terminating conditions. kube-proxy and DNS read these.
 */
export const endpointSliceController: Controller = {
  name: 'endpointslice-controller',
  watches,
  reconcile: syncService,
};
