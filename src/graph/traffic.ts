/**
 * The traffic layer drawn over the graph: a request-rate badge on every Pod that gets requests,
 * and the sampled requests of the Step at the cursor as flights along the graph — client (a Pod,
 * a Node, or a client outside the cluster) → Service → the Pod that answered — or ending, red,
 * where they failed, with the reason. Pure: graph + snapshot + Step in, flow coordinates out.
 */
import type { ClusterView, Step } from '../engine/api';
import {
  GENERATORS_TABLE, POD_TRAFFIC_TABLE, REQUESTS_TABLE, TRAFFIC_COMPONENT, type PodTraffic, type RequestSample, type TrafficSecond,
} from '../engine/traffic/types';
import { englishT, type Translate } from '../i18n/translate';
import type { ClusterGraph, GraphNode } from './types';

export interface Point { x: number; y: number }
export interface Rect { x: number; y: number; width: number; height: number }

export interface TrafficBadge {
  /** The Pod's graph node id. */
  id: string;
  /** Where the badge's right edge and vertical centre sit (flow coordinates). */
  x: number;
  y: number;
  perSecond: number;
  failed: number;
  /** `12 req/s`, then `· 3 failed` when some failed. */
  text: string;
}

export interface TrafficFlight {
  id: string;
  /** The polyline it travels: client, (Service,) and where it ends. */
  points: Point[];
  ok: boolean;
  /** When it sets off, as a fraction of the Step's animation (spreads the samples over the second). */
  delay: number;
}

export interface FailureMark extends Point {
  /** `refused at KUBE-SERVICES: default/web has no endpoints`. */
  text: string;
  count: number;
  /** Row of the label among the marks at the same point (labels stack downwards). */
  row: number;
}

/** A client outside the cluster, drawn as a chip where its requests start (above the Node they enter). */
export interface ClientMark extends Point { text: string }

export interface TrafficOverlay {
  badges: TrafficBadge[];
  flights: TrafficFlight[];
  failures: FailureMark[];
  clients: ClientMark[];
}

export const EMPTY_OVERLAY: TrafficOverlay = { badges: [], flights: [], failures: [], clients: [] };

/** Every graph node's rect in flow coordinates (children are positioned relative to their parent). */
export function absoluteRects(graph: ClusterGraph): Map<string, Rect> {
  const out = new Map<string, Rect>();
  for (const n of graph.nodes) {
    const parent = n.parentId ? out.get(n.parentId) : undefined;
    out.set(n.id, { x: n.position.x + (parent?.x ?? 0), y: n.position.y + (parent?.y ?? 0), width: n.width, height: n.height });
  }
  return out;
}

interface Index {
  rects: Map<string, Rect>;
  pods: Map<string, { id: string; rect: Rect }>;
  services: Map<string, Rect>;
  nodes: Map<string, Rect>;
}

function indexGraph(graph: ClusterGraph): Index {
  const rects = absoluteRects(graph);
  const pods = new Map<string, { id: string; rect: Rect }>();
  const services = new Map<string, Rect>();
  const nodes = new Map<string, Rect>();
  const add = (n: GraphNode) => {
    const rect = rects.get(n.id)!;
    const d = n.data;
    if (d.kind === 'Pod') pods.set(`${d.namespace}/${d.name}`, { id: n.id, rect });
    else if (d.kind === 'Service') services.set(`${d.namespace}/${d.name}`, rect);
    else if (d.kind === 'Node') nodes.set(d.name, rect);
  };
  graph.nodes.forEach(add);
  return { rects, pods, services, nodes };
}

/** A Pod's requests in the last second, on the Pods drawn; kept at `0 req/s` while generators still run. */
export function trafficBadges(graph: ClusterGraph, view: ClusterView, index = indexGraph(graph), t: Translate = englishT): TrafficBadge[] {
  const running = view.table(GENERATORS_TABLE).length > 0;
  const out: TrafficBadge[] = [];
  for (const [key, traffic] of view.table<PodTraffic>(POD_TRAFFIC_TABLE)) {
    const pod = index.pods.get(key);
    if (!pod || (!running && traffic.lastSecond.requests === 0)) continue;
    const perSecond = traffic.lastSecond.requests;
    const failed = traffic.lastSecond.failed;
    out.push({ id: pod.id, x: pod.rect.x + pod.rect.width - 6, y: pod.rect.y, perSecond, failed,
      text: failed ? t('graph.trafficRateFailed', { rate: perSecond, failed }) : t('graph.trafficRate', { rate: perSecond }) });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : 1));
}

const top = (r: Rect): Point => ({ x: r.x + r.width / 2, y: r.y + 14 });
const bottom = (r: Rect): Point => ({ x: r.x + r.width / 2, y: r.y + r.height });
const podPoint = (r: Rect): Point => ({ x: r.x + r.width * 0.7, y: r.y + 14 });

/**
 * Where a request starts: its Pod, its Node, or — from outside the cluster — the Node it enters
 * (a NodePort, or where the load balancer sent it), else a point up and left of the Service.
 */
function clientPoint(s: RequestSample, index: Index, service: Rect | undefined): Point | undefined {
  const c = s.client;
  if (c.kind === 'external') {
    const entry = s.node ? index.nodes.get(s.node) : undefined;
    if (entry) return top(entry);
  }
  if (c.kind === 'pod') {
    const pod = index.pods.get(`${c.namespace}/${c.name}`);
    return pod ? podPoint(pod.rect) : undefined;
  }
  if (c.kind === 'node') {
    const node = index.nodes.get(c.name);
    return node ? top(node) : undefined;
  }
  return service ? externalPoint(service) : undefined;
}

const externalPoint = (service: Rect): Point => ({ x: service.x - 48, y: service.y - 36 });

/** Where a failed request stopped: a Pod, a Node, the client itself, or the Service's rules. */
function failurePoint(s: RequestSample, index: Index, client: Point, service: Point | undefined): { point: Point; viaService: boolean } | undefined {
  const at = s.failedAt ?? '';
  if (at.startsWith('pod/')) {
    const pod = index.pods.get(at.slice(4));
    return pod && service ? { point: podPoint(pod.rect), viaService: true } : undefined;
  }
  if (at.startsWith('node/')) {
    const node = index.nodes.get(at.slice(5));
    return node ? { point: top(node), viaService: false } : undefined;
  }
  if (at === 'client' || at === 'DNS' || !service) return { point: client, viaService: false };
  return { point: service, viaService: false };
}

interface Sampled { generator: string; service: string; index: number; sample: RequestSample }

/** The requests a `traffic-generator` Step sampled: the records it wrote carry its time. */
function stepSamples(view: ClusterView, step: Step | undefined): Sampled[] {
  if (!step || step.actor !== TRAFFIC_COMPONENT) return [];
  const out: Sampled[] = [];
  const records = view.table<TrafficSecond>(REQUESTS_TABLE).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [generator, s] of records) {
    if (s.time === step.time) s.samples.forEach((sample, index) => out.push({ generator, service: s.service, index, sample }));
  }
  return out;
}

/** `refused`, `timed out`, `error` in the UI's language. */
function outcomeText(outcome: RequestSample['outcome'], t: Translate): string {
  if (outcome === 'refused') return t('graph.outcomeRefused');
  if (outcome === 'timeout') return t('graph.outcomeTimeout');
  return outcome === 'error' ? t('graph.outcomeError') : outcome;
}

/** `refused at KUBE-SERVICES: default/web has no endpoints` (where and the reason are the engine's words). */
function failureText(sample: RequestSample, t: Translate): string {
  const p = { outcome: outcomeText(sample.outcome, t), at: sample.failedAt ?? '?' };
  return sample.reason ? t('graph.failedAtWithReason', { ...p, reason: sample.reason }) : t('graph.failedAt', p);
}

/** The flights and failure marks of the Step's sampled requests; `t` words the marks (English by default). */
export function trafficFlights(graph: ClusterGraph, view: ClusterView, step: Step | undefined, index = indexGraph(graph), t: Translate = englishT):
  Pick<TrafficOverlay, 'flights' | 'failures' | 'clients'> {
  const samples = stepSamples(view, step);
  const flights: TrafficFlight[] = [];
  const failures = new Map<string, FailureMark>();
  const clients = new Map<string, ClientMark>();
  samples.forEach(({ generator, service, index: i, sample }, n) => {
    const svcRect = index.services.get(service);
    const svc = svcRect ? bottom(svcRect) : undefined;
    const from = clientPoint(sample, index, svcRect);
    if (!from) return;
    if (sample.client.kind === 'external') clients.set(`${from.x},${from.y}`, { ...from, text: t('graph.trafficClient', { ip: sample.client.ip }) });
    const id = `${generator}/${i}`;
    const delay = samples.length > 1 ? n / samples.length : 0;
    if (sample.outcome === 'ok' || (sample.endpoint && !sample.failedAt)) {
      const pod = sample.endpoint?.pod && index.pods.get(`${sample.endpoint.pod.namespace}/${sample.endpoint.pod.name}`);
      if (pod && svc) flights.push({ id, points: [from, svc, podPoint(pod.rect)], ok: true, delay });
      return;
    }
    const end = failurePoint(sample, index, from, svc);
    if (!end) return;
    const points = end.viaService && svc ? [from, svc, end.point] : end.point === from ? [from] : [from, end.point];
    flights.push({ id, points, ok: false, delay });
    const text = failureText(sample, t);
    const key = `${end.point.x},${end.point.y}|${text}`;
    const mark = failures.get(key) ?? { ...end.point, text, count: 0, row: [...failures.values()].filter((m) => m.x === end.point.x && m.y === end.point.y).length };
    mark.count += 1;
    failures.set(key, mark);
  });
  return { flights, failures: [...failures.values()], clients: [...clients.values()] };
}

/** Badges for the snapshot, flights for the Step at the cursor; `t` words their texts (English by default). */
export function trafficOverlay(graph: ClusterGraph, view: ClusterView, step: Step | undefined, t: Translate = englishT): TrafficOverlay {
  const index = indexGraph(graph);
  const badges = trafficBadges(graph, view, index, t);
  const rest = trafficFlights(graph, view, step, index, t);
  if (badges.length === 0 && rest.flights.length === 0 && rest.failures.length === 0) return EMPTY_OVERLAY;
  return { badges, ...rest };
}
