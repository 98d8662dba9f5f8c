/**
 * The values of a container's environment the kubelet computes itself: the downward API
 * (`fieldRef`, `resourceFieldRef`), Secret bytes and the Service link variables. Shared by the
 * kubelet (env at container start) and the inspector's projection, so both say the same.
 * upstream: pkg/kubelet/kubelet_pods.go (podFieldSelectorRuntimeValue, containerResourceRuntimeValue),
 * pkg/api/v1/resource (ExtractContainerResourceValue), pkg/kubelet/envvars/envvars.go.
 */
import type { Container, Node, Pod, ResourceFieldSelector, Service } from 'kubernetes-types/core/v1';
import type { StoreReader } from '../controllers/types';
import { toMilli } from '../util/quantity';

type Getter = Pick<StoreReader, 'get'>;

/** A Secret's `data` value: base64 of bytes, which the container reads as text (UTF-8). */
export function decodeSecretValue(value: string): string {
  try {
    const binary = globalThis.atob(value);
    return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return value;
  }
}

/** The Node's first InternalIP, which is what `status.hostIP` reports. */
function nodeIP(store: Getter, pod: Pod): string {
  const node = pod.spec?.nodeName ? store.get('Node', pod.spec.nodeName) as unknown as Node | undefined : undefined;
  return node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
}

/**
 * A downward-API `fieldRef` as the kubelet resolves it for env. Undefined for a path env does not
 * support (validation rejects those). Labels and annotations read one key, `''` when absent.
 */
export function fieldRefValue(store: Getter, pod: Pod, fieldPath: string): string | undefined {
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
    case 'status.hostIP': return pod.status?.hostIP || nodeIP(store, pod);
    case 'status.hostIPs': return (pod.status?.hostIPs ?? []).map((h) => h.ip).join(',') || pod.status?.hostIP || nodeIP(store, pod);
    case 'status.podIP': return pod.status?.podIP ?? '';
    case 'status.podIPs': return podIPs.join(',') || (pod.status?.podIP ?? '');
    default: return undefined;
  }
}

const DEFAULTED_LIMITS = ['cpu', 'memory', 'ephemeral-storage'];

/**
 * A `resourceFieldRef`'s value, or why there is none: `unscheduled` when an unset limit would read
 * the allocatable amount of a Node the Pod does not have yet. `fromNode` names the Node whose
 * allocatable amount stood in for an unset limit.
 */
export type ResourceFieldResult =
  | { value: string; fromNode?: string }
  | { unscheduled: true }
  | { error: string };

/**
 * A `resourceFieldRef`: the container's request or limit divided by the divisor (default 1),
 * rounded up. upstream defaultPodLimitsForDownwardAPI: a limit that is not set reads as the Node's
 * allocatable amount. CPU divides milli-values, everything else whole units.
 */
export function resourceFieldValue(store: Getter, pod: Pod, container: Container, ref: ResourceFieldSelector): ResourceFieldResult {
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
  let fromNode: string | undefined;
  if (raw === undefined && bucket === 'limits' && DEFAULTED_LIMITS.includes(name)) {
    if (!pod.spec?.nodeName) return { unscheduled: true };
    const node = store.get('Node', pod.spec.nodeName) as unknown as Node | undefined;
    raw = node?.status?.allocatable?.[name];
    fromNode = pod.spec.nodeName;
  }
  // upstream: CPU divides MilliValue()s, the rest Value()s (whole units, rounded up); divisor 0 means 1.
  const milli = toMilli(raw ?? 0);
  const divisorMilli = toMilli(ref.divisor ?? 0) || 1000;
  const value = name === 'cpu' ? Math.ceil(milli / divisorMilli) : Math.ceil(Math.ceil(milli / 1000) / Math.ceil(divisorMilli / 1000));
  return fromNode ? { value: String(value), fromNode } : { value: String(value) };
}

/** `web-api` → `WEB_API`. */
function envName(name: string): string {
  return name.toUpperCase().replace(/-/g, '_');
}

/** One Service's link variables, in upstream's order: `_SERVICE_HOST`, `_SERVICE_PORT[_NAME]`, the Docker-link `_PORT_*` set. */
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
