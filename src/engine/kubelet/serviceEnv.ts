import type { Service } from 'kubernetes-types/core/v1';
import type { StoreReader } from '../controllers/types';

/** `web-api` → `WEB_API`. */
function envName(name: string): string {
  return name.toUpperCase().replace(/-/g, '_');
}

function hasClusterIP(svc: Service): boolean {
  const ip = svc.spec?.clusterIP;
  return !!ip && ip !== 'None';
}

/** One Service's variables: `_SERVICE_HOST`, `_SERVICE_PORT[_NAME]`, and the Docker-link `_PORT_*` set. */
function varsFor(svc: Service): [string, string][] {
  const prefix = envName(svc.metadata?.name ?? '');
  const ip = svc.spec?.clusterIP ?? '';
  const ports = svc.spec?.ports ?? [];
  if (ports.length === 0) return [];
  const out: [string, string][] = [[`${prefix}_SERVICE_HOST`, ip], [`${prefix}_SERVICE_PORT`, String(ports[0].port)]];
  for (const p of ports) if (p.name) out.push([`${prefix}_SERVICE_PORT_${envName(p.name)}`, String(p.port)]);
  ports.forEach((p, i) => {
    const proto = (p.protocol ?? 'TCP').toLowerCase();
    const url = `${proto}://${ip}:${p.port}`;
    if (i === 0) out.push([`${prefix}_PORT`, url]);
    const portPrefix = `${prefix}_PORT_${p.port}_${proto.toUpperCase()}`;
    out.push([portPrefix, url], [`${portPrefix}_PROTO`, proto], [`${portPrefix}_PORT`, String(p.port)], [`${portPrefix}_ADDR`, ip]);
  });
  return out;
}

/**
 * The Service environment variables a container gets: every Service with a cluster IP in the
 * pod's namespace (with enableServiceLinks), and always `kubernetes` from `default`.
 * upstream: pkg/kubelet/kubelet_pods.go getServiceEnvVarMap, pkg/kubelet/envvars/envvars.go
 */
export function serviceEnvVars(store: StoreReader, namespace: string, enableServiceLinks: boolean): Record<string, string> {
  const chosen = new Map<string, Service>();
  const master = store.get('Service', 'kubernetes', 'default') as Service | undefined;
  if (master && hasClusterIP(master)) chosen.set('kubernetes', master);
  if (enableServiceLinks) {
    for (const svc of store.list('Service', namespace) as Service[]) {
      if (!hasClusterIP(svc)) continue;
      const name = svc.metadata?.name ?? '';
      if (namespace === 'default' && name === 'kubernetes') continue;
      chosen.set(name, svc);
    }
  }
  const env: Record<string, string> = {};
  for (const svc of chosen.values()) for (const [k, v] of varsFor(svc)) env[k] = v;
  return env;
}
