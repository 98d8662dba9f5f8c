/**
 * Where each request of a generator starts and which Node's rules it meets first:
 * - ClusterIP: from the named Pod (or Node), else from a running Pod picked per request; the
 *   packet meets the rules of the client's own Node;
 * - NodePort: from outside into the named Node (else one picked per request), at `<nodeIP>:<nodePort>`;
 * - LoadBalancer: from outside to the LoadBalancer IP, landing on a Node the cloud load balancer
 *   picks among the healthy ones (with externalTrafficPolicy Local only Nodes with a local
 *   endpoint pass its health check on healthCheckNodePort).
 */
import type { KubeObject } from '../api';
import type { ReconcileContext } from '../controllers/types';
import type { Random } from '../core/random';
import { nodeAddresses } from '../proxy/inputs';
import type { ProxyModel } from '../proxy/types';
import { podIP } from './answer';
import type { Outcome, TrafficClient, TrafficGenerator } from './types';

/** A documentation address (TEST-NET-3) for the one client outside the cluster. */
export const EXTERNAL_CLIENT_IP = '203.0.113.10';
const EXCLUDE_FROM_LB = 'node.kubernetes.io/exclude-from-external-load-balancers';

export type Entry =
  | { ok: true; client: TrafficClient; node: string; ip: string; port: number; source: 'pod' | 'host' | 'external' }
  | { ok: false; client: TrafficClient; node?: string; destination: string; outcome: Outcome; at: string; reason: string };

const byName = (a: KubeObject, b: KubeObject) => {
  const ka = `${a.metadata.namespace ?? ''}/${a.metadata.name}`;
  const kb = `${b.metadata.namespace ?? ''}/${b.metadata.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

const isRunning = (pod: KubeObject) => (pod.status as { phase?: string } | undefined)?.phase === 'Running' && !!podIP(pod)
  && !!(pod.spec as { nodeName?: string }).nodeName && !pod.metadata.deletionTimestamp;

const podClient = (pod: KubeObject): TrafficClient => ({ kind: 'pod', namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name, ip: podIP(pod)! });

/** Picks the entry of each request of one generator in one tick (candidate lists computed once). */
export function entryPicker(ctx: ReconcileContext, g: TrafficGenerator, service: KubeObject,
  modelOf: (node: string) => ProxyModel | undefined): (rng: Random) => Entry {
  const spec = service.spec as { clusterIP: string; ports?: { port: number; protocol?: string; nodePort?: number; name?: string }[] };
  const port = (spec.ports ?? []).find((p) => p.port === g.port && (p.protocol ?? 'TCP') === g.protocol);
  const nodes = ctx.list('Node').sort(byName);
  const external: TrafficClient = { kind: 'external', ip: EXTERNAL_CLIENT_IP };
  const fail = (client: TrafficClient, destination: string, outcome: Outcome, at: string, reason: string): Entry =>
    ({ ok: false, client, destination, outcome, at, reason });

  if (g.via === 'ClusterIP') {
    const dest = `${spec.clusterIP}:${g.port}`;
    const fromPod = (pod: KubeObject): Entry => {
      const host = (pod.spec as { hostNetwork?: boolean }).hostNetwork === true;
      return { ok: true, client: podClient(pod), node: (pod.spec as { nodeName: string }).nodeName, ip: spec.clusterIP, port: g.port,
        source: host ? 'host' : 'pod' };
    };
    if (g.from && 'pod' in g.from) {
      const pod = ctx.get('Pod', g.from.pod, g.from.namespace);
      const client: TrafficClient = { kind: 'pod', namespace: g.from.namespace, name: g.from.pod, ip: pod ? podIP(pod) ?? '' : '' };
      if (!pod || !isRunning(pod)) return () => fail(client, dest, 'error', 'client', `client Pod ${g.from && 'pod' in g.from ? g.from.pod : ''} is not running`);
      return () => fromPod(pod);
    }
    if (g.from && 'node' in g.from) {
      const name = g.from.node;
      const ip = nodeAddresses(ctx.get('Node', name))[0] ?? '';
      return () => ({ ok: true, client: { kind: 'node', name, ip }, node: name, ip: spec.clusterIP, port: g.port, source: 'host' });
    }
    const pods = ctx.list('Pod').filter(isRunning).sort(byName);
    if (pods.length > 0) return (rng) => fromPod(rng.pick(pods));
    const hosts = nodes.filter((n) => nodeAddresses(n).length > 0);
    if (hosts.length === 0) return () => fail(external, dest, 'timeout', 'client', 'no Pod or Node to send from');
    return (rng) => {
      const n = rng.pick(hosts);
      return { ok: true, client: { kind: 'node', name: n.metadata.name, ip: nodeAddresses(n)[0] }, node: n.metadata.name,
        ip: spec.clusterIP, port: g.port, source: 'host' };
    };
  }

  if (g.via === 'NodePort') {
    const nodePort = port?.nodePort;
    const targets = g.from && 'node' in g.from ? nodes.filter((n) => n.metadata.name === (g.from as { node: string }).node) : nodes;
    if (!nodePort) return () => fail(external, `:${g.port}`, 'timeout', 'client', `Service ${g.service} no longer has a node port`);
    if (targets.length === 0) return () => fail(external, `:${nodePort}`, 'timeout', 'client', 'the Node to enter no longer exists');
    return (rng) => {
      const n = rng.pick(targets);
      const ip = nodeAddresses(n)[0];
      if (!ip) return fail(external, `${n.metadata.name}:${nodePort}`, 'timeout', `node/${n.metadata.name}`, 'the Node has no address');
      return { ok: true, client: external, node: n.metadata.name, ip, port: nodePort, source: 'external' };
    };
  }

  const lbIP = ((service.status as { loadBalancer?: { ingress?: { ip?: string }[] } } | undefined)?.loadBalancer?.ingress ?? [])
    .map((i) => i.ip).find((ip) => !!ip);
  if (!lbIP) return () => fail(external, `<pending>:${g.port}`, 'timeout', 'load balancer', 'the Service has no load balancer address yet (EXTERNAL-IP <pending>)');
  const healthy = nodes.filter((n) => {
    if (n.metadata.labels?.[EXCLUDE_FROM_LB] !== undefined) return false;
    const model = modelOf(n.metadata.name);
    if (!model) return false;
    const rules = model.services.find((s) => s.namespace === g.namespace && s.service === g.service && s.port === g.port && s.protocol === g.protocol);
    return !rules?.externalLocal || rules.localEndpoints.length > 0;
  });
  const dest = `${lbIP}:${g.port}`;
  if (healthy.length === 0) return () => fail(external, dest, 'timeout', 'load balancer', 'no Node passes the load balancer health check');
  return (rng) => ({ ok: true, client: external, node: rng.pick(healthy).metadata.name, ip: lbIP, port: g.port, source: 'external' });
}
