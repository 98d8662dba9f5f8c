/**
 * Network commands from the UI: request generators aimed at Services (start, stop, and the HPA
 * panel's load slider, which sets a Service's total rate) and the kube-proxy mode. Each calls the
 * engine on the cluster as it is now; the output is kept in `lastNetworkCommand`, and on success
 * the cursor moves to the newest Step and follows it (as for the kubectl commands).
 */
import type { Cluster, CommandResult, ProxyMode, TrafficSpec } from '../engine/api';
import type { SliceGet, SliceSet } from './types';

/** What a generator in `traffic/generators` holds (the fields the slice reads). */
interface StoredGenerator {
  id: string;
  namespace: string;
  service: string;
  port: number;
  via: NonNullable<TrafficSpec['via']>;
  from?: TrafficSpec['from'];
  ratePerSecond: number;
}

export interface NetworkCommandOutcome {
  /** Counts up with every command, so the same output twice is still news. */
  id: number;
  /** What it changed: request generators, or kube-proxy's mode (each panel shows its own). */
  kind: 'traffic' | 'proxy';
  /** What was asked, as a line a person reads: `start traffic: 10 requests/s to Service default/web via ClusterIP`. */
  command: string;
  ok: boolean;
  message: string;
  cluster: Cluster;
}

export interface NetworkSlice {
  lastNetworkCommand: NetworkCommandOutcome | null;
  /** Starts a request generator; its id (`traffic-3`) is the message on success. */
  startTraffic(spec: TrafficSpec): CommandResult & { id?: string };
  stopTraffic(id: string): CommandResult;
  /**
   * Sets the requests per second sent to a Service: its generators are replaced by one at `rate`
   * (keeping the first one's port, entry and client), or started via its ClusterIP; 0 stops them.
   */
  setServiceLoad(service: string, namespace: string, ratePerSecond: number): CommandResult;
  /** Edits `mode` in ConfigMap kube-system/kube-proxy; every kube-proxy restarts in that mode. */
  setProxyMode(mode: ProxyMode): CommandResult;
  clearNetworkOutput(): void;
}

const specText = (s: TrafficSpec) =>
  `${s.ratePerSecond} requests/s to Service ${s.namespace ?? 'default'}/${s.service} via ${s.via ?? 'ClusterIP'}`;

export const networkCommandLines = {
  start: (s: TrafficSpec) => `start traffic: ${specText(s)}`,
  stop: (id: string) => `stop traffic: ${id}`,
  load: (service: string, namespace: string, rate: number) => `set load: ${rate} requests/s to Service ${namespace}/${service}`,
  proxyMode: (mode: ProxyMode) => `kubectl -n kube-system edit configmap kube-proxy   # mode: ${mode}`,
};

function generatorsOf(cluster: Cluster, service: string, namespace: string): StoredGenerator[] {
  return cluster.table<StoredGenerator>('traffic/generators').map(([, g]) => g)
    .filter((g) => g.service === service && g.namespace === namespace);
}

function specOf(g: StoredGenerator, ratePerSecond: number): TrafficSpec {
  return { service: g.service, namespace: g.namespace, port: g.port, via: g.via, ...(g.from ? { from: g.from } : {}), ratePerSecond };
}

export function createNetworkSlice(set: SliceSet, get: SliceGet): NetworkSlice {
  let nextId = 1;
  const run = <R extends CommandResult>(kind: NetworkCommandOutcome['kind'], command: string, body: (cluster: Cluster) => R): R => {
    const { cluster } = get();
    let result: R;
    try {
      result = body(cluster);
    } catch (err) {
      result = { ok: false, message: `internal error: ${err instanceof Error ? err.message : String(err)}` } as R;
    }
    const lastNetworkCommand: NetworkCommandOutcome = { id: nextId++, kind, command, ok: result.ok, message: result.message, cluster };
    set(result.ok ? { lastNetworkCommand, cursor: cluster.steps.length - 1, following: true } : { lastNetworkCommand });
    return result;
  };

  const setLoad = (cluster: Cluster, service: string, namespace: string, rate: number): CommandResult => {
    const existing = generatorsOf(cluster, service, namespace);
    if (existing.length === 1 && existing[0].ratePerSecond === rate) return { ok: true, message: `${existing[0].id} unchanged` };
    if (rate > 0) {
      // start first, so a refused spec leaves the running generators as they were
      const started = cluster.startTraffic(existing[0] ? specOf(existing[0], rate) : { service, namespace, ratePerSecond: rate });
      if (!started.ok) return started;
      for (const g of existing) cluster.stopTraffic(g.id);
      return { ok: true, message: `${started.id}: ${rate} requests/s` };
    }
    for (const g of existing) cluster.stopTraffic(g.id);
    return { ok: true, message: existing.length ? `stopped ${existing.map((g) => g.id).join(', ')}` : 'no traffic to stop' };
  };

  return {
    lastNetworkCommand: null,
    startTraffic: (spec) => run('traffic', networkCommandLines.start(spec), (c) => c.startTraffic(spec)),
    stopTraffic: (id) => run('traffic', networkCommandLines.stop(id), (c) => c.stopTraffic(id)),
    setServiceLoad: (service, namespace, rate) =>
      run('traffic', networkCommandLines.load(service, namespace, rate), (c) => setLoad(c, service, namespace, rate)),
    setProxyMode: (mode) => run('proxy', networkCommandLines.proxyMode(mode), (c) => c.setProxyMode(mode)),
    clearNetworkOutput: () => set({ lastNetworkCommand: null }),
  };
}
