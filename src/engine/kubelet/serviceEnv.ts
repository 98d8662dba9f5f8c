import type { Service } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api';
import type { StoreReader } from '../controllers/types';
import { serviceLinkVars } from './envValues';

function hasClusterIP(svc: Service): boolean {
  const ip = svc.spec?.clusterIP;
  return !!ip && ip !== 'None';
}

/**
 * The Services whose variables a container gets: every Service with a cluster IP in the pod's
 * namespace (with enableServiceLinks), and always `kubernetes` from `default`.
 * upstream: pkg/kubelet/kubelet_pods.go getServiceEnvVarMap
 */
export function linkedServiceObjects(store: StoreReader, namespace: string, enableServiceLinks: boolean): KubeObject[] {
  const chosen = new Map<string, KubeObject>();
  const master = store.get('Service', 'kubernetes', 'default');
  if (master && hasClusterIP(master as Service)) chosen.set('kubernetes', master);
  if (enableServiceLinks) {
    for (const svc of store.list('Service', namespace)) {
      if (!hasClusterIP(svc as Service)) continue;
      const name = svc.metadata.name;
      if (namespace === 'default' && name === 'kubernetes') continue;
      chosen.set(name, svc);
    }
  }
  return [...chosen.values()];
}

/** The Service environment variables of those Services. upstream: pkg/kubelet/envvars/envvars.go */
export function serviceEnvVars(services: readonly KubeObject[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const svc of services) for (const [k, v] of serviceLinkVars(svc as Service)) env[k] = v;
  return env;
}
