/**
 * The load-balancer half of a cloud-controller-manager, against a simulated cloud that hands out
 * addresses from a pool after a short provisioning delay.
 * upstream: staging/src/k8s.io/cloud-provider/controllers/service/controller.go (syncService,
 * processServiceCreateOrUpdate, syncLoadBalancerIfNeeded, addFinalizer, removeFinalizer, patchStatus)
 */
import type { KubeObject } from '../../api';
import { clone, deepEqual } from '../../util/objects';
import type { ReconcileContext } from '../types';
import { allocateLoadBalancerIP, ingressOf } from './loadBalancerPool';
import { LB_CLEANUP_FINALIZER, hasCleanupFinalizer } from './needsUpdate';

/** How long the simulated cloud takes to build a load balancer (EnsuringLoadBalancer → EnsuredLoadBalancer). */
export const LB_PROVISION_MS = 2_000;

interface Provisioning { uid: string; readyAt: number }
const provisioningKey = (key: string) => `provisioning/${key}`;

export type SyncOutcome = { done: true } | { done: false; waitMs: number } | { done: false; error: string };

function withStatus(svc: KubeObject, loadBalancer: Record<string, unknown>): KubeObject {
  const next = clone(svc);
  next.status = { ...((svc.status as object | undefined) ?? {}), loadBalancer };
  return next;
}

/** upstream removeFinalizer → DeletedLoadBalancer → patchStatus (to an empty load-balancer status). */
export function deleteLoadBalancer(ctx: ReconcileContext, key: string, svc: KubeObject): SyncOutcome {
  const name = `${svc.metadata.namespace}/${svc.metadata.name}`;
  const exists = ingressOf(svc).length > 0 || ctx.memo.get<Provisioning>(provisioningKey(key)) !== undefined;
  ctx.memo.delete(provisioningKey(key));
  const why = svc.metadata.deletionTimestamp ? 'the Service is being deleted' : `the Service is now of type ${(svc.spec as { type?: string }).type}`;
  if (exists) ctx.event(svc, 'Normal', 'DeletingLoadBalancer', 'Deleting load balancer');
  let current: KubeObject | undefined = svc;
  if (hasCleanupFinalizer(svc)) {
    const next = clone(svc);
    next.metadata.finalizers = (next.metadata.finalizers ?? []).filter((f) => f !== LB_CLEANUP_FINALIZER);
    if (!next.metadata.finalizers.length) delete next.metadata.finalizers;
    const released = ingressOf(svc).map((i) => i.ip).filter(Boolean).join(', ');
    const r = ctx.update(next, `Load balancer of Service ${name} deleted${released ? ` (address ${released} back in the pool)` : ''} ` +
      `because ${why}; finalizer ${LB_CLEANUP_FINALIZER} removed`);
    if (!r.ok) return { done: false, error: `failed to remove load balancer cleanup finalizer: ${r.message}` };
    current = ctx.get('Service', svc.metadata.name, svc.metadata.namespace);
  }
  ctx.event(svc, 'Normal', 'DeletedLoadBalancer', 'Deleted load balancer');
  if (current && current.metadata.uid === svc.metadata.uid && ingressOf(current).length) {
    ctx.updateStatus(withStatus(current, {}), `Service ${name} no longer has a load balancer: status.loadBalancer cleared`);
  }
  return { done: true };
}

/**
 * upstream ensure branch: EnsuringLoadBalancer and the cleanup finalizer first (so the Service
 * cannot go before its load balancer does); once the cloud has built it, the address in
 * `status.loadBalancer.ingress` and EnsuredLoadBalancer.
 */
export function ensureLoadBalancer(ctx: ReconcileContext, key: string, svc: KubeObject, provisionMs = LB_PROVISION_MS): SyncOutcome {
  const name = `${svc.metadata.namespace}/${svc.metadata.name}`;
  const pending = ctx.memo.get<Provisioning>(provisioningKey(key));
  if (!pending || pending.uid !== svc.metadata.uid) {
    ctx.event(svc, 'Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer');
    if (!hasCleanupFinalizer(svc)) {
      const next = clone(svc);
      next.metadata.finalizers = [...(next.metadata.finalizers ?? []), LB_CLEANUP_FINALIZER];
      const r = ctx.update(next, `Service ${name} wants a load balancer: finalizer ${LB_CLEANUP_FINALIZER} added so the ` +
        'Service cannot be removed before its load balancer is, and the cloud starts building one');
      if (!r.ok) return { done: false, error: `failed to add load balancer cleanup finalizer: ${r.message}` };
    }
    ctx.memo.set<Provisioning>(provisioningKey(key), { uid: svc.metadata.uid, readyAt: ctx.now + provisionMs });
    return { done: false, waitMs: provisionMs };
  }
  if (ctx.now < pending.readyAt) return { done: false, waitMs: pending.readyAt - ctx.now };
  const allocation = allocateLoadBalancerIP(svc, ctx.list('Service'));
  if (!allocation.ok) return { done: false, error: `failed to ensure load balancer: ${allocation.message}` };
  ctx.memo.delete(provisioningKey(key));
  const status = { ingress: [{ ip: allocation.ip, ipMode: 'VIP' }] };
  const before = (svc.status as { loadBalancer?: unknown } | undefined)?.loadBalancer;
  if (!deepEqual(before, status)) {
    ctx.updateStatus(withStatus(svc, status), `Load balancer for Service ${name} is ready at ${allocation.ip}: ` +
      `status.loadBalancer.ingress[0].ip set (the EXTERNAL-IP column); traffic to it is forwarded to the Service`);
  }
  ctx.event(svc, 'Normal', 'EnsuredLoadBalancer', 'Ensured load balancer');
  return { done: true };
}
