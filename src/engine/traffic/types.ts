/**
 * The records of simulated traffic, as the versioned tables hold them (the UI reads them as of
 * any Step):
 * - `traffic/generators`: id → TrafficGenerator (what `startTraffic` set up; removed on stop);
 * - `traffic/requests`: generator id → TrafficSecond (the last second: counts and a sample of requests);
 * - `traffic/pods`: `ns/name` → PodTraffic (per Pod: the last second and cumulative counters).
 */
import type { Protocol } from '../proxy/types';

export const GENERATORS_TABLE = 'traffic/generators';
export const REQUESTS_TABLE = 'traffic/requests';
export const POD_TRAFFIC_TABLE = 'traffic/pods';

export type TrafficVia = 'ClusterIP' | 'NodePort' | 'LoadBalancer';

export interface TrafficGenerator {
  id: string;
  namespace: string;
  service: string;
  /** The service port the requests are for. */
  port: number;
  portName: string;
  protocol: Protocol;
  via: TrafficVia;
  from?: { pod: string; namespace: string } | { node: string };
  ratePerSecond: number;
  startedAt: number;
}

/**
 * How one request ended: answered (`ok`, or `error` for an HTTP 5xx), `refused` (a REJECT rule,
 * an IPVS service without destinations, or a Pod with nothing listening), `timeout` (a DROP rule,
 * no rule at all, or an address nobody holds).
 */
export type Outcome = 'ok' | 'error' | 'refused' | 'timeout';

export type TrafficClient =
  | { kind: 'pod'; namespace: string; name: string; ip: string }
  | { kind: 'node'; name: string; ip: string }
  | { kind: 'external'; ip: string };

/** One request's way: client → Node → chains → Pod, and how it ended. */
export interface RequestSample {
  client: TrafficClient;
  /** The Node whose rules the request went through. */
  node?: string;
  /** `ip:port` the client dialled. */
  destination: string;
  /** iptables chains (or the IPVS virtual server) it traversed. */
  chains: string[];
  endpoint?: { ip: string; port: number; pod?: { namespace: string; name: string }; node?: string };
  outcome: Outcome;
  /** HTTP status, when the server speaks HTTP. */
  status?: number;
  /** Where it failed: a chain, `pod/<ns>/<name>`, `node/<name>`, `load balancer`, `client`, `DNS`. */
  failedAt?: string;
  reason?: string;
}

export interface FailureCount { outcome: Outcome; at: string; reason: string; count: number }

/** One generator's last second of traffic. */
export interface TrafficSecond {
  generator: string;
  service: string;
  /** The virtual time the second ended. */
  time: number;
  sent: number;
  outcomes: Partial<Record<Outcome, number>>;
  /** Requests answered successfully, per Pod (`ns/name`). */
  byPod: Record<string, number>;
  failures: FailureCount[];
  /** At most SAMPLE_LIMIT requests, spread over the second. */
  samples: RequestSample[];
}

export interface TrafficCounts { requests: number; ok: number; failed: number }

/** One Pod as a traffic target: its last second, and counters since it first got traffic. */
export interface PodTraffic {
  namespace: string;
  name: string;
  uid: string;
  node?: string;
  time: number;
  lastSecond: TrafficCounts;
  /** Cumulative (like a cAdvisor counter): metrics-server turns differences into rates. */
  total: TrafficCounts;
  /** Cumulative answered requests per container name. */
  containers: Record<string, number>;
}

export const SAMPLE_LIMIT = 20;

/** The actor that sends the requests (and its Event source component). */
export const TRAFFIC_COMPONENT = 'traffic-generator';
