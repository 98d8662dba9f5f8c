import type { KubeObject } from '../../api';
import { keyOf, splitKey } from '../../util/objects';
import type { Controller, ReconcileContext, ReconcileResult, WatchSpec } from '../types';
import { needsCleanup, needsUpdate, wantsLoadBalancer } from './needsUpdate';
import { deleteLoadBalancer, ensureLoadBalancer } from './syncLoadBalancer';

/** upstream minRetryDelay / maxRetryDelay of the service controller's queue. */
const MIN_RETRY_MS = 5_000;
const MAX_RETRY_MS = 300_000;

const cacheKey = (key: string) => `cache/${key}`;
const retryKey = (key: string) => `retries/${key}`;
const provisioning = (ctx: ReconcileContext, key: string) => ctx.memo.get(`provisioning/${key}`) !== undefined;

/**
 * Whether this version of the Service needs the load balancer synced, judged against the version
 * the controller saw last (upstream: its informer handlers and serviceCache), with the Events
 * upstream records on the way.
 */
function wantsSync(ctx: ReconcileContext, key: string, svc: KubeObject): boolean {
  const seen = ctx.memo.get<KubeObject>(cacheKey(key));
  ctx.memo.set(cacheKey(key), svc);
  if (!seen || seen.metadata.uid !== svc.metadata.uid) return wantsLoadBalancer(svc) || needsCleanup(svc);
  // upstream UpdateFunc: needsUpdate (which records its Events) || needsCleanup
  const decision = needsUpdate(seen, svc);
  for (const [reason, message] of decision.events) ctx.event(svc, 'Normal', reason, message);
  return decision.needed || needsCleanup(svc) || (provisioning(ctx, key) && wantsLoadBalancer(svc));
}

function retry(ctx: ReconcileContext, key: string, svc: KubeObject, error: string): ReconcileResult {
  ctx.event(svc, 'Warning', 'SyncLoadBalancerFailed', `Error syncing load balancer: ${error}`);
  const failures = ctx.memo.get<number>(retryKey(key)) ?? 0;
  ctx.memo.set(retryKey(key), failures + 1);
  return { requeueAfter: Math.min(MAX_RETRY_MS, MIN_RETRY_MS * 2 ** failures) };
}

/** upstream syncService → processServiceCreateOrUpdate → syncLoadBalancerIfNeeded. */
function syncService(key: string, ctx: ReconcileContext): ReconcileResult | void {
  const { namespace, name } = splitKey(key);
  const svc = ctx.get('Service', name, namespace);
  if (!svc) {
    for (const k of [cacheKey(key), retryKey(key), `provisioning/${key}`]) ctx.memo.delete(k);
    return;
  }
  if (!wantsSync(ctx, key, svc)) return;
  const outcome = !wantsLoadBalancer(svc) || needsCleanup(svc) ? deleteLoadBalancer(ctx, key, svc) : ensureLoadBalancer(ctx, key, svc);
  if (outcome.done) {
    ctx.memo.delete(retryKey(key));
    return;
  }
  if ('waitMs' in outcome) return { requeueAfter: outcome.waitMs };
  return retry(ctx, key, svc, outcome.error);
}

const watches: WatchSpec[] = [{ kind: 'Service', map: (svc) => [keyOf(svc)] }];

/**
 * service-controller (cloud-controller-manager): a LoadBalancer Service gets an external address
 * from the simulated cloud in `status.loadBalancer.ingress`, guarded by the
 * `service.kubernetes.io/load-balancer-cleanup` finalizer; the address is released when the
 * Service is deleted or changes type.
 */
export const serviceController: Controller = {
  name: 'service-controller',
  watches,
  reconcile: syncService,
};
