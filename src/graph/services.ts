/**
 * Services as the graph shows them (kubectl's TYPE, CLUSTER-IP, EXTERNAL-IP, PORT(S), SELECTOR)
 * and the Pods they send traffic to, read from their EndpointSlices (`discovery.k8s.io/v1`).
 *
 * Until the cluster has an EndpointSlice controller (no managed slice exists anywhere), endpoints
 * are derived from the selector by the controller's own rules: Pods with an IP, not in a terminal
 * phase; `ready` = Pod Ready (or publishNotReadyAddresses), `terminating` = being deleted.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../engine/api';
import { matchesMap } from '../engine/util/selectors';
import { englishT, type Translate } from '../i18n/translate';
import type { EndpointCounts, EndpointState, ServiceData } from './types';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';

interface ServicePort { name?: string; port: number; protocol?: string; nodePort?: number }
interface ServiceSpec {
  type?: string;
  clusterIP?: string;
  externalName?: string;
  externalIPs?: string[];
  selector?: Record<string, string>;
  ports?: ServicePort[];
  publishNotReadyAddresses?: boolean;
}
interface SliceEndpoint {
  conditions?: { ready?: boolean; serving?: boolean; terminating?: boolean };
  targetRef?: { kind?: string; name?: string; namespace?: string; uid?: string };
}

export interface PodEndpoint {
  pod: Pod;
  state: EndpointState;
}

export interface ServiceEndpoints {
  source: ServiceData['endpointSource'];
  endpoints: PodEndpoint[];
}

function specOf(svc: KubeObject): ServiceSpec {
  return (svc.spec ?? {}) as ServiceSpec;
}

/** The built-in `default/kubernetes` Service fronts the API server, which the graph does not draw. */
export function isApiServerService(svc: KubeObject): boolean {
  const labels = svc.metadata.labels ?? {};
  return svc.metadata.name === 'kubernetes' && (svc.metadata.namespace ?? 'default') === 'default' &&
    labels.component === 'apiserver' && labels.provider === 'kubernetes';
}

/** upstream kubectl formatPorts: `80/TCP`, `80:30080/TCP`, comma-separated; `<none>` without ports. */
export function formatServicePorts(ports: readonly ServicePort[] | undefined): string {
  if (!ports?.length) return '<none>';
  return ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(',');
}

/** upstream labels.FormatLabels: keys sorted, `k=v` comma-separated; `<none>` when empty. */
export function formatServiceSelector(selector: Record<string, string> | undefined): string {
  const keys = Object.keys(selector ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${selector![k]}`).join(',') : '<none>';
}

/** upstream kubectl getServiceExternalIP. */
function externalIP(svc: KubeObject, spec: ServiceSpec): string | undefined {
  const type = spec.type ?? 'ClusterIP';
  if (type === 'ExternalName') return spec.externalName;
  const ingress = (svc.status as { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } } | undefined)
    ?.loadBalancer?.ingress ?? [];
  const lbIPs = ingress.map((i) => i.ip ?? i.hostname ?? '').filter(Boolean);
  const all = [...lbIPs, ...(spec.externalIPs ?? [])];
  if (type === 'LoadBalancer') return all.length ? all.join(',') : '<pending>';
  return all.length ? all.join(',') : undefined;
}

function podReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

function stateFromSlice(e: SliceEndpoint): EndpointState {
  if (e.conditions?.terminating) return 'terminating';
  // upstream: a nil `ready` is to be read as ready
  return e.conditions?.ready === false ? 'notReady' : 'ready';
}

function fromSlices(
  svc: KubeObject, slices: readonly KubeObject[], podByUid: ReadonlyMap<string, Pod>, podByName: ReadonlyMap<string, Pod>,
): PodEndpoint[] {
  const seen = new Set<string>();
  const endpoints: PodEndpoint[] = [];
  for (const slice of slices) {
    for (const e of (slice.endpoints ?? []) as SliceEndpoint[]) {
      const ref = e.targetRef;
      if (ref?.kind !== 'Pod') continue;
      const ns = ref.namespace ?? svc.metadata.namespace ?? 'default';
      const pod = (ref.uid ? podByUid.get(ref.uid) : undefined) ?? podByName.get(`${ns}/${ref.name}`);
      const uid = pod?.metadata?.uid ?? '';
      if (!pod || seen.has(uid)) continue;
      seen.add(uid);
      endpoints.push({ pod, state: stateFromSlice(e) });
    }
  }
  return endpoints;
}

/**
 * The Pods a Service sends to. `slices` are its EndpointSlices; `controllerPresent` says whether
 * any managed slice exists in the cluster (else the selector stands in for the controller).
 */
export function serviceEndpoints(
  svc: KubeObject, slices: readonly KubeObject[], controllerPresent: boolean,
  podsInNamespace: readonly Pod[], podByUid: ReadonlyMap<string, Pod>, podByName: ReadonlyMap<string, Pod>,
): ServiceEndpoints {
  const spec = specOf(svc);
  const hasSelector = Object.keys(spec.selector ?? {}).length > 0;
  if (spec.type === 'ExternalName' || (!slices.length && !hasSelector)) return { source: 'none', endpoints: [] };
  if (slices.length || controllerPresent) return { source: 'EndpointSlice', endpoints: fromSlices(svc, slices, podByUid, podByName) };
  const endpoints: PodEndpoint[] = [];
  for (const pod of podsInNamespace) {
    const phase = pod.status?.phase;
    if (!pod.status?.podIP || phase === 'Succeeded' || phase === 'Failed') continue;
    if (!matchesMap(spec.selector, pod.metadata?.labels)) continue;
    const state: EndpointState = pod.metadata?.deletionTimestamp ? 'terminating'
      : podReady(pod) || spec.publishNotReadyAddresses ? 'ready' : 'notReady';
    endpoints.push({ pod, state });
  }
  return { source: 'selector', endpoints };
}

export function countEndpoints(endpoints: readonly PodEndpoint[]): EndpointCounts {
  const counts: EndpointCounts = { ready: 0, notReady: 0, terminating: 0 };
  for (const e of endpoints) counts[e.state] += 1;
  return counts;
}

/** `t` words the accessible name (`Service web, ClusterIP 10.96.12.7` in English, the default). */
export function serviceData(svc: KubeObject, found: ServiceEndpoints, t: Translate = englishT): ServiceData {
  const spec = specOf(svc);
  const name = svc.metadata.name;
  const namespace = svc.metadata.namespace ?? 'default';
  const type = spec.type ?? 'ClusterIP';
  const clusterIP = type === 'ExternalName' ? '<none>' : spec.clusterIP || '<none>';
  const external = externalIP(svc, spec);
  return {
    kind: 'Service',
    name,
    namespace,
    uid: svc.metadata.uid,
    type,
    clusterIP,
    ...(external ? { externalIP: external } : {}),
    ports: formatServicePorts(spec.ports),
    selector: formatServiceSelector(spec.selector),
    endpoints: countEndpoints(found.endpoints),
    endpointSource: found.source,
    ref: { kind: 'Service', name, namespace },
    ariaLabel: type === 'ExternalName'
      ? t('graph.serviceExternalName', { name, externalName: spec.externalName ?? '' })
      : t('graph.service', { name, type, clusterIP }),
  };
}
