/**
 * Simulated traffic as of one snapshot, in numbers: the running request generators, each one's
 * last second (answered, failed and where), the requests per second each Pod got, and the latest
 * sampled requests through one Node's rules; the UI words them (src/ui/network/trafficText.ts).
 * Everything reads the versioned traffic tables through the view, so the numbers follow the timeline cursor. (The graph's traffic layer
 * draws the sampled requests of the Step at the cursor: src/graph/traffic.ts.)
 */
import type { ClusterView, KubeObject } from '../engine/api';
import { describeGenerator } from '../engine/commands/traffic';
import {
  GENERATORS_TABLE, POD_TRAFFIC_TABLE, REQUESTS_TABLE,
  type Outcome, type PodTraffic, type RequestSample, type TrafficGenerator, type TrafficSecond,
} from '../engine/traffic/types';

export type { Outcome, RequestSample, TrafficGenerator, TrafficSecond };

/** One Pod's requests in the last second, across every generator. */
export interface PodRate {
  /** `ns/name`. */
  key: string;
  namespace: string;
  name: string;
  node?: string;
  /** Requests that reached the Pod in the last second: its rate in requests per second. */
  perSecond: number;
  ok: number;
  failed: number;
  /** Requests since it first got traffic. */
  total: number;
}

export interface GeneratorRow {
  id: string;
  generator: TrafficGenerator;
  /** The engine's description, as its Step says it: `10 requests/s to Service default/web port 80 via ClusterIP from any running Pod`. */
  text: string;
  /** Its last second, once it has sent requests. */
  last?: TrafficSecond;
}

const byKey = <T>(a: [string, T], b: [string, T]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
const generatorOrder = (a: TrafficGenerator, b: TrafficGenerator) => Number(a.id.slice(8)) - Number(b.id.slice(8)) || (a.id < b.id ? -1 : 1);

/** The generators running at the snapshot, oldest first, with their last second. */
export function trafficGenerators(view: ClusterView): GeneratorRow[] {
  const seconds = new Map(view.table<TrafficSecond>(REQUESTS_TABLE));
  return view.table<TrafficGenerator>(GENERATORS_TABLE).map(([, g]) => g).sort(generatorOrder).map((g) => {
    const last = seconds.get(g.id);
    return { id: g.id, generator: g, text: describeGenerator(g), ...(last ? { last } : {}) };
  });
}

/** Every Pod that has had traffic, by `ns/name`, with its last second. */
export function podRates(view: ClusterView): Map<string, PodRate> {
  const out = new Map<string, PodRate>();
  for (const [key, t] of view.table<PodTraffic>(POD_TRAFFIC_TABLE).sort(byKey)) out.set(key, rateOf(key, t));
  return out;
}

function rateOf(key: string, t: PodTraffic): PodRate {
  return {
    key, namespace: t.namespace, name: t.name, ...(t.node ? { node: t.node } : {}),
    perSecond: t.lastSecond.requests, ok: t.lastSecond.ok, failed: t.lastSecond.failed, total: t.total.requests,
  };
}

/** One Pod behind a Service and its share of the requests. */
export interface ServicePodShare extends PodRate {
  /** The Pod is an endpoint of the Service at the snapshot (ready, not ready or terminating). */
  endpoint: 'ready' | 'notReady' | 'terminating' | 'none';
  /** Fraction of the Pods' requests in the last second (0..1). */
  share: number;
}

/**
 * The Pods behind a Service (its EndpointSlices' Pods, plus Pods its generators reached) with the
 * requests each got in the last second: the spread a learner watches. Sorted by name.
 */
export function serviceShares(view: ClusterView, namespace: string, service: string): ServicePodShare[] {
  const rates = podRates(view);
  const states = endpointPods(view, namespace, service);
  for (const row of trafficGenerators(view)) {
    if (row.generator.namespace !== namespace || row.generator.service !== service) continue;
    for (const key of Object.keys(row.last?.byPod ?? {})) if (!states.has(key)) states.set(key, 'none');
  }
  const rows: ServicePodShare[] = [...states].map(([key, endpoint]) => {
    const rate = rates.get(key) ?? rateOf(key, emptyTraffic(key));
    return { ...rate, endpoint, share: 0 };
  });
  const sum = rows.reduce((n, r) => n + r.perSecond, 0);
  for (const r of rows) r.share = sum > 0 ? r.perSecond / sum : 0;
  return rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function emptyTraffic(key: string): PodTraffic {
  const i = key.indexOf('/');
  const zero = { requests: 0, ok: 0, failed: 0 };
  return { namespace: key.slice(0, i), name: key.slice(i + 1), uid: '', time: 0, lastSecond: zero, total: zero, containers: {} };
}

interface SliceEndpoint {
  conditions?: { ready?: boolean; terminating?: boolean };
  targetRef?: { kind?: string; name?: string; namespace?: string };
}

/** `ns/name` → endpoint state, from the Service's EndpointSlices. */
function endpointPods(view: ClusterView, namespace: string, service: string): Map<string, ServicePodShare['endpoint']> {
  const out = new Map<string, ServicePodShare['endpoint']>();
  const slices = view.list('EndpointSlice', namespace)
    .filter((s: KubeObject) => s.metadata.labels?.['kubernetes.io/service-name'] === service);
  for (const slice of slices) {
    for (const e of (slice.endpoints ?? []) as SliceEndpoint[]) {
      if (e.targetRef?.kind !== 'Pod' || !e.targetRef.name) continue;
      const key = `${e.targetRef.namespace ?? namespace}/${e.targetRef.name}`;
      // upstream: a nil `ready` reads as ready
      out.set(key, e.conditions?.terminating ? 'terminating' : e.conditions?.ready === false ? 'notReady' : 'ready');
    }
  }
  return out;
}

/** One sampled request, with the generator that sent it. */
export interface StepSample {
  generator: string;
  /** `ns/name` of the Service. */
  service: string;
  index: number;
  sample: RequestSample;
}

/** The latest sampled requests (whatever Step wrote them) that met the rules of `node` for `service` (`ns/name`). */
export function samplesThrough(view: ClusterView, node: string, service?: string): StepSample[] {
  const out: StepSample[] = [];
  for (const [id, s] of view.table<TrafficSecond>(REQUESTS_TABLE).sort(byKey)) {
    if (service && s.service !== service) continue;
    s.samples.forEach((sample, index) => {
      if (sample.node === node && sample.chains.length > 0) out.push({ generator: id, service: s.service, index, sample });
    });
  }
  return out;
}
