/**
 * Checks a TrafficSpec against the cluster the way kubectl would refuse it, and resolves it to
 * the service port it aims at. Errors are kubectl-like sentences.
 */
import type { KubeObject, TrafficSpec } from '../api';
import type { StoreReader } from '../controllers/types';
import type { Protocol } from '../proxy/types';
import type { TrafficGenerator } from './types';

interface PortSpec { name?: string; port: number; protocol?: string; nodePort?: number }

export const MAX_RATE = 10_000;

export type Validated = { ok: true; generator: Omit<TrafficGenerator, 'id' | 'startedAt'> } | { ok: false; message: string };

export function validateTrafficSpec(spec: TrafficSpec, store: StoreReader): Validated {
  const fail = (message: string): Validated => ({ ok: false, message });
  const namespace = spec.namespace || 'default';
  const rate = spec.ratePerSecond;
  if (typeof rate !== 'number' || !Number.isFinite(rate) || rate <= 0) {
    return fail(`error: ratePerSecond must be a positive number of requests per second, got ${String(rate)}`);
  }
  if (rate > MAX_RATE) return fail(`error: ratePerSecond must be at most ${MAX_RATE}, got ${rate}`);
  if (!spec.service) return fail('error: a Service name is required');
  if (!store.get('Namespace', namespace)) return fail(`Error from server (NotFound): namespaces "${namespace}" not found`);
  const svc = store.get('Service', spec.service, namespace);
  if (!svc) return fail(`Error from server (NotFound): services "${spec.service}" not found`);
  const s = svc.spec as { type?: string; clusterIP?: string; ports?: PortSpec[]; externalName?: string };
  const type = s.type ?? 'ClusterIP';
  if (type === 'ExternalName') {
    return fail(`error: Service ${spec.service} is of type ExternalName: DNS answers a CNAME to ${s.externalName ?? '?'} and kube-proxy programs no rules for it`);
  }
  if (!s.clusterIP || s.clusterIP === 'None') {
    return fail(`error: Service ${spec.service} is headless (clusterIP: None): kube-proxy programs no rules for it; clients connect to the Pod IPs DNS returns`);
  }
  const port = resolvePort(s.ports ?? [], spec.port);
  if (typeof port === 'string') return fail(port.replace('%s', spec.service));
  const via = spec.via ?? 'ClusterIP';
  if (via !== 'ClusterIP' && via !== 'NodePort' && via !== 'LoadBalancer') return fail(`error: unknown way in "${String(via)}": use ClusterIP, NodePort or LoadBalancer`);
  if (via === 'NodePort' && !port.nodePort) {
    return fail(`error: Service ${spec.service} is of type ${type}: it has no node port (use type: NodePort or LoadBalancer)`);
  }
  if (via === 'LoadBalancer' && type !== 'LoadBalancer') {
    return fail(`error: Service ${spec.service} is of type ${type}: it has no load balancer (use type: LoadBalancer)`);
  }
  const from = resolveFrom(spec, via, namespace, store);
  if (typeof from === 'string') return fail(from);
  return {
    ok: true,
    generator: {
      namespace, service: spec.service, port: port.port, portName: port.name ?? '', protocol: (port.protocol ?? 'TCP') as Protocol,
      via, ...(from ? { from } : {}), ratePerSecond: rate,
    },
  };
}

/** upstream kubectl (port-forward) wording for a port the Service does not have. */
function resolvePort(ports: PortSpec[], wanted: number | string | undefined): PortSpec | string {
  if (ports.length === 0) return 'error: Service %s has no ports';
  if (wanted === undefined || wanted === '') return ports[0];
  if (typeof wanted === 'number' || /^\d+$/.test(wanted)) {
    const n = Number(wanted);
    return ports.find((p) => p.port === n) ?? `error: Service %s does not have a service port ${n}`;
  }
  return ports.find((p) => p.name === wanted) ?? `error: Service '%s' does not have a named port '${wanted}'`;
}

function resolveFrom(spec: TrafficSpec, via: string, namespace: string, store: StoreReader): TrafficGenerator['from'] | string | undefined {
  const from = spec.from;
  if (!from) return undefined;
  if ('pod' in from) {
    if (via !== 'ClusterIP') return `error: requests via ${via} come from outside the cluster: name the Node entered (from: { node })`;
    const ns = from.namespace || namespace;
    const pod: KubeObject | undefined = store.get('Pod', from.pod, ns);
    if (!pod) return `Error from server (NotFound): pods "${from.pod}" not found`;
    return { pod: from.pod, namespace: ns };
  }
  if ('node' in from) {
    if (via === 'LoadBalancer') return 'error: the cloud load balancer picks the Node: leave out from.node with via LoadBalancer';
    if (!store.get('Node', from.node)) return `Error from server (NotFound): nodes "${from.node}" not found`;
    return { node: from.node };
  }
  return 'error: from must name a pod or a node';
}
