/**
 * The pieces of a container's environment the kubelet computes itself: `$(VAR)` expansion, the
 * downward API (`fieldRef`, `resourceFieldRef`), Secret bytes and the Service link variables.
 * upstream: pkg/kubelet/kubelet_pods.go (makeEnvironmentVariables, podFieldSelectorRuntimeValue),
 * third_party/forked/golang/expansion, pkg/api/v1/resource (ExtractContainerResourceValue),
 * pkg/kubelet/envvars/envvars.go.
 */
import type { Container, Node, Pod, ResourceFieldSelector, Service } from 'kubernetes-types/core/v1';
import type { ClusterView } from '../engine/api';
import { toMilli } from '../engine/util/quantity';

/**
 * upstream expansion.Expand: `$(NAME)` becomes the mapped value, or stays as written when NAME is
 * unknown; `$$` is an escaped `$`; anything else after `$` is kept. `used` collects resolved names.
 */
export function expandVars(input: string, lookup: (name: string) => string | undefined, used?: Set<string>): string {
  let out = '';
  let checkpoint = 0;
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] !== '$' || cursor + 1 >= input.length) continue;
    out += input.slice(checkpoint, cursor);
    const rest = input.slice(cursor + 1);
    let advance = 1;
    if (rest[0] === '$') out += '$';
    else if (rest[0] === '(') {
      const close = rest.indexOf(')', 1);
      if (close < 0) out += '$(';
      else {
        const name = rest.slice(1, close);
        const value = lookup(name);
        if (value !== undefined) used?.add(name);
        out += value ?? `$(${name})`;
        advance = close + 1;
      }
    } else out += `$${rest[0]}`;
    cursor += advance;
    checkpoint = cursor + 1;
  }
  return out + input.slice(checkpoint);
}

/** A Secret's `data` value: base64 of bytes, which the container reads as text. */
export function decodeSecretValue(value: string): string {
  try {
    const binary = globalThis.atob(value);
    return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return value;
  }
}

/** The Node's first InternalIP, which is what `status.hostIP` reports. */
function nodeIP(view: Pick<ClusterView, 'get'>, pod: Pod): string {
  const node = pod.spec?.nodeName ? view.get('Node', pod.spec.nodeName) as unknown as Node | undefined : undefined;
  return node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
}

/**
 * A downward-API `fieldRef` as the kubelet resolves it for env. Undefined for a path env does not
 * support (validation rejects those). Labels and annotations read one key, `''` when absent.
 */
export function fieldRefValue(view: Pick<ClusterView, 'get'>, pod: Pod, fieldPath: string): string | undefined {
  const meta = pod.metadata ?? {};
  const mapKey = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(fieldPath);
  if (mapKey) return (mapKey[1] === 'labels' ? meta.labels : meta.annotations)?.[mapKey[2]] ?? '';
  const podIPs = (pod.status?.podIPs ?? []).map((p) => p.ip);
  switch (fieldPath) {
    case 'metadata.name': return meta.name ?? '';
    case 'metadata.namespace': return meta.namespace ?? 'default';
    case 'metadata.uid': return meta.uid ?? '';
    case 'spec.nodeName': return pod.spec?.nodeName ?? '';
    case 'spec.serviceAccountName': return pod.spec?.serviceAccountName ?? '';
    case 'status.hostIP': return pod.status?.hostIP || nodeIP(view, pod);
    case 'status.hostIPs': return (pod.status?.hostIPs ?? []).map((h) => h.ip).join(',') || pod.status?.hostIP || nodeIP(view, pod);
    case 'status.podIP': return pod.status?.podIP ?? '';
    case 'status.podIPs': return podIPs.join(',') || (pod.status?.podIP ?? '');
    default: return undefined;
  }
}

const DEFAULTED_LIMITS = ['cpu', 'memory', 'ephemeral-storage'];

/**
 * A `resourceFieldRef`: the container's request or limit divided by the divisor (default 1),
 * rounded up. upstream defaultPodLimitsForDownwardAPI: a limit that is not set reads as the Node's
 * allocatable amount. CPU divides milli-values, everything else whole units.
 */
export function resourceFieldValue(
  view: Pick<ClusterView, 'get'>, pod: Pod, container: Container, ref: ResourceFieldSelector,
): { value: string; note?: string } | { error: string } {
  const target = ref.containerName
    ? [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].find((c) => c.name === ref.containerName)
    : container;
  if (!target) return { error: `container ${ref.containerName} not found` };
  const dot = ref.resource.indexOf('.');
  const bucket = ref.resource.slice(0, dot);
  const name = ref.resource.slice(dot + 1);
  if ((bucket !== 'limits' && bucket !== 'requests') || !(DEFAULTED_LIMITS.includes(name) || name.startsWith('hugepages-'))) {
    return { error: `unsupported container resource : ${ref.resource}` };
  }
  let raw = target.resources?.[bucket]?.[name];
  let note: string | undefined;
  if (raw === undefined && bucket === 'limits' && DEFAULTED_LIMITS.includes(name)) {
    if (!pod.spec?.nodeName) return { value: '', note: `no ${name} limit: reads the Node's allocatable ${name} once the Pod is scheduled` };
    const node = view.get('Node', pod.spec.nodeName) as unknown as Node | undefined;
    raw = node?.status?.allocatable?.[name];
    note = `no ${name} limit: the allocatable ${name} of ${pod.spec.nodeName}`;
  }
  // upstream: CPU divides MilliValue()s, the rest Value()s (whole units, rounded up); divisor 0 means 1.
  const milli = toMilli(raw ?? 0);
  const divisorMilli = toMilli(ref.divisor ?? 0) || 1000;
  const value = name === 'cpu' ? Math.ceil(milli / divisorMilli) : Math.ceil(Math.ceil(milli / 1000) / Math.ceil(divisorMilli / 1000));
  return note ? { value: String(value), note } : { value: String(value) };
}

/** `web-api` → `WEB_API`. */
function envName(name: string): string {
  return name.toUpperCase().replace(/-/g, '_');
}

function hasClusterIP(svc: Service): boolean {
  const ip = svc.spec?.clusterIP;
  return !!ip && ip !== 'None';
}

/** One Service's link variables, in upstream's order. */
export function serviceLinkVars(svc: Service): [string, string][] {
  const prefix = envName(svc.metadata?.name ?? '');
  const ip = svc.spec?.clusterIP ?? '';
  const ports = svc.spec?.ports ?? [];
  if (!ports.length) return [];
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
 * The Services whose link variables a container gets: `kubernetes` from `default` always, and,
 * with enableServiceLinks, every Service with a cluster IP in the Pod's namespace. Variables are
 * made when the container is created: Services created after that are not in its environment.
 * upstream: pkg/kubelet/kubelet_pods.go getServiceEnvVarMap
 */
export function linkedServices(view: Pick<ClusterView, 'get' | 'list'>, pod: Pod, startedAt?: string): { linked: Service[]; later: Service[] } {
  const ns = pod.metadata?.namespace ?? 'default';
  const chosen = new Map<string, Service>();
  const master = view.get('Service', 'kubernetes', 'default') as unknown as Service | undefined;
  if (master && hasClusterIP(master)) chosen.set('kubernetes', master);
  if (pod.spec?.enableServiceLinks !== false) {
    for (const svc of view.list('Service', ns) as unknown as Service[]) {
      const name = svc.metadata?.name ?? '';
      if (!hasClusterIP(svc) || (ns === 'default' && name === 'kubernetes')) continue;
      chosen.set(name, svc);
    }
  }
  const linked: Service[] = [];
  const later: Service[] = [];
  for (const svc of chosen.values()) {
    const created = svc.metadata?.creationTimestamp ?? '';
    (startedAt && created > startedAt ? later : linked).push(svc);
  }
  return { linked, later };
}
