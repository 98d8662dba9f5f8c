/**
 * Whether the endpoint a request was DNATed to answers: a Pod that holds that IP, is Running, not
 * terminating, and has a running container listening on the port then. Otherwise the failure is
 * recorded at the Pod (connection refused: its network namespace exists but nothing listens) or
 * at the address (timeout: nobody holds the IP any more).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject, RuntimeContainer } from '../api';
import type { ReconcileContext } from '../controllers/types';
import { inCidr } from '../proxy/cidr';
import { API_SERVER_ENDPOINT, nodeAddresses } from '../proxy/inputs';
import { listenerAt, listenerStatus, servingPlan, type ServingPlan } from './listens';
import type { Outcome } from './types';

export interface Answer {
  outcome: Outcome;
  status?: number;
  pod?: KubeObject;
  /** The container that answered. */
  container?: string;
  failedAt?: string;
  reason?: string;
}

const POD_NETWORK = '10.244.0.0/16';
export const REQUEST_PATH = '/';

/** Per-tick lookups (Pods by IP, runtime records per Node), and the memoised serving plans per container id. */
export class Backends {
  private podsByIP: Map<string, KubeObject[]> | undefined;
  private readonly containersByNode = new Map<string, RuntimeContainer[]>();
  private readonly answers = new Map<string, Answer>();
  readonly usedPlans = new Set<string>();

  constructor(private readonly ctx: ReconcileContext, private readonly plans: Record<string, ServingPlan>) {}

  /** How `ip:port` answers now (cached for the tick: every request to it meets the same server state). */
  answer(ip: string, port: number, protocol: string, ref?: { namespace: string; name: string }): Answer {
    const key = `${ip}:${port}/${protocol}`;
    let a = this.answers.get(key);
    if (!a) {
      a = this.compute(ip, port, protocol, ref);
      this.answers.set(key, a);
    }
    return a;
  }

  private compute(ip: string, port: number, protocol: string, ref?: { namespace: string; name: string }): Answer {
    const byRef = ref && this.ctx.get('Pod', ref.name, ref.namespace);
    const candidates = byRef && podIP(byRef) === ip ? [byRef] : this.pods(ip);
    if (candidates.length === 0) {
      if (ip === API_SERVER_ENDPOINT.ip && port === API_SERVER_ENDPOINT.port) return { outcome: 'ok', status: 200 };
      const where = inCidr(ip, POD_NETWORK) ? `no Pod holds ${ip} any more` : `nothing in the cluster answers at ${ip}:${port}`;
      return { outcome: 'timeout', failedAt: `${ip}:${port}`, reason: where };
    }
    let last: Answer | undefined;
    for (const pod of candidates) {
      last = this.fromPod(pod, port, protocol);
      if (last.outcome === 'ok' || last.outcome === 'error') return last;
    }
    return last!;
  }

  private fromPod(pod: KubeObject, port: number, protocol: string): Answer {
    const at = `pod/${pod.metadata.namespace}/${pod.metadata.name}`;
    const refused = (reason: string): Answer => ({ outcome: 'refused', pod, failedAt: at, reason });
    if (pod.metadata.deletionTimestamp) return refused(`Pod ${pod.metadata.name} is terminating: its server no longer accepts connections`);
    const phase = (pod.status as { phase?: string } | undefined)?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') {
      return { outcome: 'timeout', pod, failedAt: at, reason: `Pod ${pod.metadata.name} has ${phase.toLowerCase()}: its network namespace is gone` };
    }
    const node = (pod.spec as { nodeName?: string }).nodeName;
    const running = node ? this.containers(node).filter((c) => c.pod === pod.metadata.name
      && c.namespace === pod.metadata.namespace && c.state === 'CONTAINER_RUNNING') : [];
    for (const record of running) {
      const elapsed = this.ctx.now - (record.startedAt ?? record.createdAt);
      const listener = listenerAt(this.plan(pod, record, running, node!), port, protocol, elapsed);
      if (!listener) continue;
      const status = listenerStatus(listener, REQUEST_PATH, elapsed);
      return { outcome: status !== undefined && status >= 500 ? 'error' : 'ok', pod, container: record.name,
        ...(status !== undefined ? { status } : {}) };
    }
    return refused(`connection refused: nothing listens on ${podIP(pod)}:${port} in Pod ${pod.metadata.name}`);
  }

  private plan(pod: KubeObject, record: RuntimeContainer, running: RuntimeContainer[], node: string): ServingPlan {
    this.usedPlans.add(record.id);
    let plan = this.plans[record.id];
    if (!plan) {
      const hostIP = nodeAddresses(this.ctx.get('Node', node))[0] ?? '';
      const siblings: number[] = [];
      for (const other of running) {
        if (other.id === record.id || (other.startedAt ?? other.createdAt) > record.createdAt) continue;
        const elder = servingPlan(pod as Pod, other, [], this.ctx, hostIP);
        const t = record.createdAt - (other.startedAt ?? other.createdAt);
        for (const l of elder.listens) if (l.fromMs <= t && (l.untilMs === undefined || t < l.untilMs)) siblings.push(l.port);
      }
      plan = servingPlan(pod as Pod, record, siblings, this.ctx, hostIP);
      this.plans[record.id] = plan;
    }
    return plan;
  }

  private pods(ip: string): KubeObject[] {
    if (!this.podsByIP) {
      this.podsByIP = new Map();
      for (const pod of this.ctx.list('Pod')) {
        const a = podIP(pod);
        if (!a) continue;
        const list = this.podsByIP.get(a);
        if (list) list.push(pod);
        else this.podsByIP.set(a, [pod]);
      }
    }
    return this.podsByIP.get(ip) ?? [];
  }

  private containers(node: string): RuntimeContainer[] {
    let list = this.containersByNode.get(node);
    if (!list) {
      list = this.ctx.runtime(node).containers();
      this.containersByNode.set(node, list);
    }
    return list;
  }
}

export const podIP = (pod: KubeObject): string | undefined => (pod.status as { podIP?: string } | undefined)?.podIP;
