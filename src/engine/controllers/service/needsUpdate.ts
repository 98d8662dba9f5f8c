/**
 * When does a Service change concern its load balancer, and which Events say why.
 * upstream: staging/src/k8s.io/cloud-provider/controllers/service/controller.go (wantsLoadBalancer,
 * needsCleanup, needsUpdate, portsEqualForLB)
 */
import type { ServicePort } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api';
import { deepEqual } from '../../util/objects';

export const LB_CLEANUP_FINALIZER = 'service.kubernetes.io/load-balancer-cleanup';

interface LbSpec {
  type?: string; loadBalancerClass?: string; loadBalancerSourceRanges?: string[]; ports?: ServicePort[];
  sessionAffinity?: string; sessionAffinityConfig?: unknown; loadBalancerIP?: string; externalIPs?: string[];
  externalTrafficPolicy?: string; healthCheckNodePort?: number; ipFamilies?: string[];
}

const spec = (svc: KubeObject) => (svc.spec ?? {}) as LbSpec;
/** Go's %v of a []string: `[a b]`. */
const goList = (list: string[] | undefined) => `[${(list ?? []).join(' ')}]`;

/** upstream wantsLoadBalancer: type LoadBalancer, and no loadBalancerClass naming another implementation. */
export function wantsLoadBalancer(svc: KubeObject): boolean {
  return spec(svc).type === 'LoadBalancer' && spec(svc).loadBalancerClass == null;
}

export function hasCleanupFinalizer(svc: KubeObject): boolean {
  return (svc.metadata.finalizers ?? []).includes(LB_CLEANUP_FINALIZER);
}

/** upstream needsCleanup: the finalizer is there but the Service is going or no longer wants a load balancer. */
export function needsCleanup(svc: KubeObject): boolean {
  if (!hasCleanupFinalizer(svc)) return false;
  return !!svc.metadata.deletionTimestamp || !wantsLoadBalancer(svc);
}

const lbPort = (p: ServicePort) => ({ name: p.name ?? '', protocol: p.protocol ?? 'TCP', port: p.port, nodePort: p.nodePort ?? 0, targetPort: p.targetPort });

export interface UpdateDecision {
  needed: boolean;
  /** Normal Events upstream records while deciding: [reason, message]. */
  events: [string, string][];
}

/** upstream needsUpdate: a change of anything the cloud load balancer is built from. */
export function needsUpdate(old: KubeObject, svc: KubeObject): UpdateDecision {
  const o = spec(old);
  const n = spec(svc);
  const yes = (reason?: string, message?: string): UpdateDecision =>
    ({ needed: true, events: reason ? [[reason, message!]] : [] });
  if (!wantsLoadBalancer(old) && !wantsLoadBalancer(svc)) return { needed: false, events: [] };
  if (wantsLoadBalancer(old) !== wantsLoadBalancer(svc)) return yes('Type', `${o.type} -> ${n.type}`);
  if (!deepEqual(o.loadBalancerSourceRanges ?? [], n.loadBalancerSourceRanges ?? [])) {
    return yes('LoadBalancerSourceRanges', `${goList(o.loadBalancerSourceRanges)} -> ${goList(n.loadBalancerSourceRanges)}`);
  }
  if (!deepEqual((o.ports ?? []).map(lbPort), (n.ports ?? []).map(lbPort)) || o.sessionAffinity !== n.sessionAffinity) return yes();
  if (!deepEqual(o.sessionAffinityConfig, n.sessionAffinityConfig)) return yes();
  if ((o.loadBalancerIP ?? '') !== (n.loadBalancerIP ?? '')) return yes('LoadbalancerIP', `${o.loadBalancerIP ?? ''} -> ${n.loadBalancerIP ?? ''}`);
  const oldIPs = o.externalIPs ?? [];
  const newIPs = n.externalIPs ?? [];
  if (oldIPs.length !== newIPs.length) return yes('ExternalIP', `Count: ${oldIPs.length} -> ${newIPs.length}`);
  const added = oldIPs.findIndex((ip, i) => ip !== newIPs[i]);
  if (added >= 0) return yes('ExternalIP', `Added: ${newIPs[added]}`);
  if (!deepEqual(old.metadata.annotations ?? {}, svc.metadata.annotations ?? {})) return yes();
  if (old.metadata.uid !== svc.metadata.uid) return yes('UID', `${old.metadata.uid} -> ${svc.metadata.uid}`);
  if ((o.externalTrafficPolicy ?? '') !== (n.externalTrafficPolicy ?? '')) {
    return yes('ExternalTrafficPolicy', `${o.externalTrafficPolicy ?? ''} -> ${n.externalTrafficPolicy ?? ''}`);
  }
  if ((o.healthCheckNodePort ?? 0) !== (n.healthCheckNodePort ?? 0)) {
    return yes('HealthCheckNodePort', `${o.healthCheckNodePort ?? 0} -> ${n.healthCheckNodePort ?? 0}`);
  }
  if ((o.ipFamilies ?? []).length !== (n.ipFamilies ?? []).length) {
    return yes('IPFamilies', `Count: ${(o.ipFamilies ?? []).length} -> ${(n.ipFamilies ?? []).length}`);
  }
  return { needed: false, events: [] };
}
