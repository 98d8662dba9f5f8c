/**
 * One sync of the EndpointSlice controller for one Service key.
 * upstream: pkg/controller/endpointslice/endpointslice_controller.go (syncService),
 * pkg/controller/endpointslice/reconciler.go (Reconcile, finalize)
 */
import type { KubeObject } from '../../api';
import { clone, splitKey } from '../../util/objects';
import { matchesMap } from '../../util/selectors';
import type { ReconcileContext, ReconcileResult } from '../types';
import { desiredEndpoints } from './desiredEndpoints';
import { createMessage, deleteMessage, updateMessage } from './messages';
import { planSlices, type SlicePlan } from './planSlices';
import { serviceSelector } from './podServices';
import { ENDPOINTSLICE_CONTROLLER, MAX_ENDPOINTS_PER_SLICE, managedSlices, ownedBy, type SliceObject } from './sliceObjects';
import { computeTriggerTime, forgetTriggerTime, withTriggerTime } from './triggerTime';
import { nextRetry, resetRetry } from './retry';

const byName = (a: KubeObject, b: KubeObject) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0);

export const formatMap = (m: Record<string, string>) => Object.entries(m).map(([k, v]) => `${k}=${v}`).join(',');

/** The Pods a Service's selector picks in its namespace, in name order. */
export function selectedPods(ctx: Pick<ReconcileContext, 'list'>, svc: KubeObject, selector: Record<string, string>): KubeObject[] {
  return ctx.list('Pod', svc.metadata.namespace).filter((p) => matchesMap(selector, p.metadata.labels)).sort(byName);
}

/** Writes the plan: creates, then updates, then deletes, each a Step. Returns the first error. */
function applyPlan(ctx: ReconcileContext, svc: KubeObject, plan: SlicePlan, trigger: number | undefined, selector: string): string | undefined {
  const service = `${svc.metadata.namespace}/${svc.metadata.name}`;
  let error: string | undefined;
  const fail = (message: string) => {
    error ??= message;
  };
  for (const slice of plan.create) {
    slice.metadata.annotations = withTriggerTime(slice.metadata.annotations, trigger);
    const r = ctx.create(slice, createMessage(service, slice, selector));
    if (!r.ok) fail(r.message);
  }
  for (const { slice, old, recycled } of plan.update) {
    slice.metadata.annotations = withTriggerTime(slice.metadata.annotations, trigger);
    const r = ctx.update(slice, updateMessage(service, slice, old, recycled));
    if (!r.ok) fail(r.message);
  }
  for (const slice of plan.delete) {
    const r = ctx.delete('EndpointSlice', slice.metadata.name, slice.metadata.namespace, {}, deleteMessage(service, slice, ownedBy(slice, svc)));
    if (!r.ok && !r.message.includes('not found')) fail(r.message);
  }
  return error;
}

/**
 * Lists the Pods the Service selects and brings its managed EndpointSlices in line with them.
 * Services of type ExternalName or without a selector are left alone: their slices (if any) are
 * someone else's. A Pod on a missing Node, or a failed write, retries the key with back-off.
 */
export function syncService(key: string, ctx: ReconcileContext): ReconcileResult | void {
  const { namespace, name } = splitKey(key);
  const svc = ctx.get('Service', name, namespace);
  if (!svc) {
    forgetTriggerTime(ctx.memo, key);
    resetRetry(ctx.memo, key);
    return;
  }
  const selector = serviceSelector(svc);
  if ((svc.spec as { type?: string }).type === 'ExternalName' || !selector) return;
  const pods = selectedPods(ctx, svc, selector);
  const trigger = computeTriggerTime(ctx.memo, key, svc, pods);
  const existing = managedSlices(ctx.list('EndpointSlice', namespace), svc, ENDPOINTSLICE_CONTROLLER)
    .filter((s) => !s.metadata.deletionTimestamp)
    .map((s) => s as SliceObject);
  const desired = desiredEndpoints(svc, pods, (node) => ctx.get('Node', node));
  const plan = planSlices(svc, desired.groups, existing, ENDPOINTSLICE_CONTROLLER, MAX_ENDPOINTS_PER_SLICE);
  const error = applyPlan(ctx, svc, plan, trigger, formatMap(selector));
  if (error) {
    ctx.event(clone(svc), 'Warning', 'FailedToUpdateEndpointSlices',
      `Error updating Endpoint Slices for Service ${namespace}/${name}: ${error}`);
    return { requeueAfter: nextRetry(ctx.memo, key) };
  }
  if (desired.missingNode.length) return { requeueAfter: nextRetry(ctx.memo, key) };
  resetRetry(ctx.memo, key);
}
