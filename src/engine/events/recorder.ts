import type { KubeObject } from '../api';
import type { ObjectStore } from '../apiserver/objectStore';
import { EPOCH_MS, timestamp, virtualMs } from '../core/time';
import { clone } from '../util/objects';

export interface EventSource {
  component: string;
  host?: string;
}

/** upstream EventCorrelator: identical events within this window are one Event with a count */
const AGGREGATION_WINDOW_MS = 10 * 60 * 1000;

/**
 * Writes core/v1 Events the way client-go's recorder does: an identical Event (same source,
 * object, type, reason and message) seen again within 10 minutes bumps `count` and `lastTimestamp`
 * of the existing one instead of creating a new one.
 */
export class EventRecorder {
  private readonly latest = new Map<string, string>();
  private seq = 0;

  constructor(
    private readonly store: ObjectStore,
    private readonly now: () => number,
    private readonly version: () => number,
    private readonly newUid: () => string,
  ) {}

  record(involved: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, source: EventSource,
    fieldPath?: string): KubeObject {
    const namespace = involved.metadata.namespace ?? 'default';
    const ref = {
      kind: involved.kind, namespace: involved.metadata.namespace, name: involved.metadata.name,
      uid: involved.metadata.uid, apiVersion: involved.apiVersion, resourceVersion: involved.metadata.resourceVersion,
      ...(fieldPath ? { fieldPath } : {}),
    };
    const aggregate = JSON.stringify([source.component, source.host, ref.kind, ref.namespace, ref.name, ref.uid,
      fieldPath, type, reason, message]);
    const now = this.now();
    const previousName = this.latest.get(aggregate);
    const previous = previousName ? this.store.get('Event', previousName, namespace) : undefined;
    const last = virtualMs(previous?.lastTimestamp as string | undefined);
    if (previous && last !== undefined && now - last <= AGGREGATION_WINDOW_MS) {
      const next = clone(previous) as KubeObject & { count: number };
      next.count = ((previous.count as number | undefined) ?? 1) + 1;
      next.lastTimestamp = timestamp(now);
      next.metadata.resourceVersion = this.store.nextResourceVersion();
      return this.store.put(next, this.version());
    }
    const name = `${ref.name}.${this.eventSuffix(now)}`;
    const event: KubeObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace, uid: this.newUid(), resourceVersion: this.store.nextResourceVersion(), creationTimestamp: timestamp(now) },
      involvedObject: ref,
      reason,
      message,
      source: source.host ? { component: source.component, host: source.host } : { component: source.component },
      firstTimestamp: timestamp(now),
      lastTimestamp: timestamp(now),
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
    this.latest.set(aggregate, name);
    return this.store.put(event, this.version());
  }

  /** upstream names Events `<object>.<UnixNano in hex>`; virtual nanoseconds keep it deterministic */
  private eventSuffix(now: number): string {
    this.seq += 1;
    const nanos = BigInt(EPOCH_MS + now) * 1_000_000n + BigInt(this.seq % 1_000_000);
    return nanos.toString(16);
  }
}
