/** Counting one second of one generator's requests, and the sentence its Step reads. */
import type { KubeObject } from '../api';
import type { FailureCount, Outcome, PodTraffic, RequestSample, TrafficCounts, TrafficGenerator, TrafficSecond } from './types';
import { SAMPLE_LIMIT } from './types';

export class SecondTally {
  readonly outcomes: Partial<Record<Outcome, number>> = {};
  readonly byPod: Record<string, number> = {};
  private readonly failures = new Map<string, FailureCount>();
  readonly samples: RequestSample[] = [];
  constructor(readonly generator: TrafficGenerator, readonly sent: number) {}

  /** min(sent, SAMPLE_LIMIT) requests spread evenly over the second. */
  private sampled(i: number): boolean {
    if (this.sent <= SAMPLE_LIMIT || i === 0) return true;
    return Math.floor((i * SAMPLE_LIMIT) / this.sent) !== Math.floor(((i - 1) * SAMPLE_LIMIT) / this.sent);
  }

  /** Counts one request; builds its sample only when it is one of the sampled. */
  add(i: number, outcome: Outcome, pod: { namespace: string; name: string } | undefined, failure: { at: string; reason: string } | undefined,
    sample: () => RequestSample): void {
    this.outcomes[outcome] = (this.outcomes[outcome] ?? 0) + 1;
    if (outcome === 'ok' && pod) {
      const key = `${pod.namespace}/${pod.name}`;
      this.byPod[key] = (this.byPod[key] ?? 0) + 1;
    }
    if (outcome !== 'ok' && failure) {
      const id = `${outcome}|${failure.at}|${failure.reason}`;
      const f = this.failures.get(id) ?? { outcome, at: failure.at, reason: failure.reason, count: 0 };
      f.count += 1;
      this.failures.set(id, f);
    }
    if (this.sampled(i) && this.samples.length < SAMPLE_LIMIT) this.samples.push(sample());
  }

  record(time: number): TrafficSecond {
    const g = this.generator;
    return {
      generator: g.id, service: `${g.namespace}/${g.service}`, time, sent: this.sent, outcomes: this.outcomes,
      byPod: this.byPod, failures: [...this.failures.values()], samples: this.samples,
    };
  }

  /** `traffic-1: 10 requests to default/web → web-a 4, web-b 3, web-c 3`. */
  message(): string {
    const g = this.generator;
    const served = Object.entries(this.byPod).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, n]) => `${key.slice(key.indexOf('/') + 1)} ${n}`);
    const verb: Record<Outcome, string> = { ok: 'answered', error: 'failed', refused: 'refused', timeout: 'timed out' };
    const failed = [...this.failures.values()].map((f) => `${f.count} ${verb[f.outcome]} at ${f.at}${f.reason ? ` (${f.reason})` : ''}`);
    const parts = [served.join(', '), failed.join('; ')].filter(Boolean).join('; ');
    return `${g.id}: ${this.sent} request${this.sent === 1 ? '' : 's'} to ${g.namespace}/${g.service} → ${parts}`;
  }
}

/** Per-Pod counts of this second, across generators. */
export class PodCounts {
  readonly pods = new Map<string, { pod: KubeObject; counts: TrafficCounts; containers: Record<string, number> }>();

  add(pod: KubeObject, answered: boolean, container?: string): void {
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    let e = this.pods.get(key);
    if (!e) this.pods.set(key, (e = { pod, counts: { requests: 0, ok: 0, failed: 0 }, containers: {} }));
    e.counts.requests += 1;
    if (answered) e.counts.ok += 1;
    else e.counts.failed += 1;
    if (answered && container) e.containers[container] = (e.containers[container] ?? 0) + 1;
  }
}

const zero = (): TrafficCounts => ({ requests: 0, ok: 0, failed: 0 });

/** The Pod's record after this second (counters restart when the name now belongs to a new Pod). */
export function nextPodTraffic(prev: PodTraffic | undefined, pod: KubeObject, counts: TrafficCounts,
  containers: Record<string, number>, time: number): PodTraffic {
  const same = prev?.uid === pod.metadata.uid;
  const total = same ? prev!.total : zero();
  const before = same ? prev!.containers : {};
  const merged: Record<string, number> = { ...before };
  for (const [name, n] of Object.entries(containers)) merged[name] = (merged[name] ?? 0) + n;
  const node = (pod.spec as { nodeName?: string }).nodeName;
  return {
    namespace: pod.metadata.namespace ?? 'default', name: pod.metadata.name, uid: pod.metadata.uid, ...(node ? { node } : {}), time,
    lastSecond: counts,
    total: { requests: total.requests + counts.requests, ok: total.ok + counts.ok, failed: total.failed + counts.failed },
    containers: merged,
  };
}
