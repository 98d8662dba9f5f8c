/**
 * Service defaults (SetDefaults_Service) plus the create-time normalisation of clusterIP/clusterIPs.
 * Address allocation (clusterIP, nodePorts, ipFamilies) is the store's, not this module's.
 * upstream: pkg/apis/core/v1/defaults.go, pkg/registry/core/service/strategy.go (normalizeClusterIPs)
 */

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>;

const DEFAULT_CLIENT_IP_TIMEOUT = 10800;

function externallyAccessible(s: Obj): boolean {
  return s.type === 'LoadBalancer' || s.type === 'NodePort' || (s.type === 'ClusterIP' && (s.externalIPs?.length ?? 0) > 0);
}

export function defaultService(obj: Obj): void {
  const s: Obj = (obj.spec ??= {});
  s.sessionAffinity ||= 'None';
  if (s.sessionAffinity === 'None') delete s.sessionAffinityConfig;
  if (s.sessionAffinity === 'ClientIP' && s.sessionAffinityConfig?.clientIP?.timeoutSeconds == null) {
    s.sessionAffinityConfig = { clientIP: { timeoutSeconds: DEFAULT_CLIENT_IP_TIMEOUT } };
  }
  s.type ||= 'ClusterIP';
  for (const p of Array.isArray(s.ports) ? s.ports : []) {
    if (!p || typeof p !== 'object') continue;
    p.protocol ||= 'TCP';
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  if (externallyAccessible(s)) s.externalTrafficPolicy ||= 'Cluster';
  if (s.internalTrafficPolicy == null && ['NodePort', 'LoadBalancer', 'ClusterIP'].includes(s.type)) {
    s.internalTrafficPolicy = 'Cluster';
  }
  if (s.type === 'LoadBalancer') s.allocateLoadBalancerNodePorts ??= true;
  if (s.clusterIP && !(Array.isArray(s.clusterIPs) && s.clusterIPs.length)) s.clusterIPs = [s.clusterIP];
}
