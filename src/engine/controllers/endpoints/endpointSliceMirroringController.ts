import type { EndpointSubset } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api';
import { deepEqual, keyOf, objectKey, splitKey } from '../../util/objects';
import { mapEndpointSlice } from '../endpointslice/endpointSliceController';
import { countText, formatPorts } from '../endpointslice/messages';
import { serviceSelector } from '../endpointslice/podServices';
import { managedSlices, type SliceObject } from '../endpointslice/sliceObjects';
import type { Controller, ReconcileContext, WatchSpec } from '../types';
import { MAX_ENDPOINTS_PER_SUBSET, MIRRORING_CONTROLLER, desiredMirror, planMirror } from './mirrorPlan';

const SKIP_MIRROR = 'endpointslice.kubernetes.io/skip-mirror';
const LEADER_ANNOTATION = 'control-plane.alpha.kubernetes.io/leader';

/** upstream shouldMirror: not labelled skip-mirror, not a leader-election lock. */
function shouldMirror(ep: KubeObject): boolean {
  return ep.metadata.labels?.[SKIP_MIRROR] !== 'true' && !(ep.metadata.annotations && LEADER_ANNOTATION in ep.metadata.annotations);
}

function deleteMirrored(ctx: ReconcileContext, slices: SliceObject[], why: string): void {
  for (const s of slices) ctx.delete('EndpointSlice', s.metadata.name, s.metadata.namespace, {}, `EndpointSlice ${s.metadata.name} deleted: ${why}`);
}

/**
 * upstream syncEndpoints: Endpoints of a Service that exists and has no selector are mirrored;
 * in every other case the mirrored slices go.
 */
function syncEndpoints(key: string, ctx: ReconcileContext): void {
  const { namespace, name } = splitKey(key);
  const mirrored = managedSlices(ctx.list('EndpointSlice', namespace), { metadata: { name } } as KubeObject, MIRRORING_CONTROLLER)
    .filter((s) => !s.metadata.deletionTimestamp);
  const ep = ctx.get('Endpoints', name, namespace);
  if (!ep) return deleteMirrored(ctx, mirrored, `the Endpoints ${name} it mirrored are gone`);
  if (!shouldMirror(ep)) return deleteMirrored(ctx, mirrored, `Endpoints ${name} are marked not to be mirrored`);
  const svc = ctx.get('Service', name, namespace);
  if (!svc) return deleteMirrored(ctx, mirrored, `there is no Service ${name} for the Endpoints`);
  if (serviceSelector(svc)) return deleteMirrored(ctx, mirrored, `Service ${name} has a selector, so the endpointslice-controller lists its Pods`);
  const { groups, invalid, skipped } = desiredMirror((ep.subsets as EndpointSubset[] | undefined) ?? []);
  if (invalid) ctx.event(ep, 'Warning', 'InvalidIPAddress', `Skipped ${invalid} invalid IP addresses when mirroring to EndpointSlices`);
  if (skipped) {
    ctx.event(ep, 'Warning', 'TooManyAddressesToMirror',
      `A max of ${MAX_ENDPOINTS_PER_SUBSET} addresses can be mirrored to EndpointSlices per Endpoints subset. ${skipped} addresses were skipped`);
  }
  const plan = planMirror(ep, groups, mirrored);
  const what = (s: SliceObject) => `${countText(s.endpoints)} on ${formatPorts(s.ports)}`;
  for (const s of plan.create) {
    ctx.create(s, `EndpointSlice mirroring Endpoints ${name} created with ${what(s)}: Service ${name} has no selector, so its ` +
      'hand-written Endpoints are copied into a slice for kube-proxy and DNS');
  }
  for (const s of plan.update) ctx.update(s, `EndpointSlice ${s.metadata.name} now mirrors Endpoints ${name}: ${what(s)}`);
  deleteMirrored(ctx, plan.delete, `Endpoints ${name} no longer list addresses for its ports`);
}

/** A Service matters to mirroring when it appears, goes, or gains or loses its selector. */
function mapService(svc: KubeObject, old: KubeObject | undefined): string[] {
  if (old && deepEqual(serviceSelector(old), serviceSelector(svc)) && old.metadata.uid === svc.metadata.uid) return [];
  return [keyOf(svc)];
}

const watches: WatchSpec[] = [
  { kind: 'Endpoints', map: (ep) => [objectKey(ep.metadata.namespace, ep.metadata.name)] },
  { kind: 'Service', map: mapService },
  { kind: 'EndpointSlice', map: mapEndpointSlice(MIRRORING_CONTROLLER) },
];

/**
 * endpointslicemirroring-controller: Endpoints written by hand for a Service without a selector
 * are copied into EndpointSlices (managed-by endpointslicemirroring-controller.k8s.io), since
 * kube-proxy and DNS read only slices.
 */
export const endpointSliceMirroringController: Controller = {
  name: 'endpointslicemirroring-controller',
  watches,
  reconcile: syncEndpoints,
};
