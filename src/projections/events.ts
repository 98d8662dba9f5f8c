/**
 * The Events of one object and their rows as `kubectl describe` prints them
 * (upstream kubectl `DescribeEvents`, `event.SortableEvents`).
 */
import type { KubeObject } from '../engine/api';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './tabWriter';
import { parseTime, since } from './time';

interface EventFields {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  series?: { count?: number; lastObservedTime?: string } | null;
  source?: { component?: string; host?: string };
  reportingController?: string;
  reportingComponent?: string;
  involvedObject?: { kind?: string; name?: string; namespace?: string; uid?: string; fieldPath?: string };
}

export type EventObject = KubeObject & EventFields;

/** One row of the Events table. */
export interface EventRow {
  type: string;
  reason: string;
  /** `12s`, or `3s (x3 over 40s)` when the Event repeated. */
  age: string;
  from: string;
  message: string;
  count: number;
  /** Epoch ms the Event was last seen (for sorting and keys). */
  lastSeen: number;
  /** `spec.containers{app}` when the Event is about one container. */
  fieldPath?: string;
  uid: string;
}

/**
 * The Events whose involvedObject is `obj`. Like kubectl's search by reference, the uid must
 * match when both sides have one, so a re-created object of the same name has its own Events.
 * (upstream: kubelet Node events carry the Node's name as uid, so for Nodes the name decides.)
 */
export function eventsFor(obj: KubeObject, events: readonly KubeObject[]): EventObject[] {
  const ns = obj.metadata.namespace;
  return (events as EventObject[]).filter((e) => {
    const ref = e.involvedObject;
    if (!ref || ref.kind !== obj.kind || ref.name !== obj.metadata.name) return false;
    if ((ref.namespace || undefined) !== (ns || undefined)) return false;
    if (obj.kind === 'Node') return true;
    return !ref.uid || !obj.metadata.uid || ref.uid === obj.metadata.uid;
  });
}

/** upstream `eventTime`: series last observed, else lastTimestamp, else eventTime. */
function eventMoment(e: EventObject): number {
  return parseTime(e.series?.lastObservedTime) ?? parseTime(e.lastTimestamp) ?? parseTime(e.eventTime) ?? 0;
}

/** Oldest first, as describe lists them (stable for equal times). */
export function sortEvents(events: readonly EventObject[]): EventObject[] {
  return events.map((e, i) => ({ e, i, t: eventMoment(e) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map(({ e }) => e);
}

/** The Age cell: `40s`, or `3s (x3 over 40s)` — last seen, then count over the age of the first. */
export function eventAge(e: EventObject, now: number): string {
  const first = e.eventTime ? since(e.eventTime, now) : since(e.firstTimestamp, now);
  if (e.series) return `${since(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
  if ((e.count ?? 0) > 1) return `${since(e.lastTimestamp, now)} (x${e.count} over ${first})`;
  return first;
}

export function eventRow(e: EventObject, now: number): EventRow {
  return {
    type: e.type ?? '',
    reason: e.reason ?? '',
    age: eventAge(e, now),
    from: e.source?.component || e.reportingController || e.reportingComponent || '',
    message: (e.message ?? '').trim(),
    count: e.series?.count ?? e.count ?? 1,
    lastSeen: eventMoment(e),
    fieldPath: e.involvedObject?.fieldPath,
    uid: e.metadata.uid,
  };
}

/** The object's Events as rows, oldest first, aged at `now` (epoch ms). */
export function eventRows(obj: KubeObject, events: readonly KubeObject[], now: number): EventRow[] {
  return sortEvents(eventsFor(obj, events)).map((e) => eventRow(e, now));
}

/** upstream `DescribeEvents`: `Events:  <none>`, or a table flushed apart from what precedes it. */
export function describeEvents(w: PrefixWriter, events: readonly EventObject[], now: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sortEvents(events)) {
    const row = eventRow(e, now);
    w.write(LEVEL_1, `${row.type}\t${row.reason}\t${row.age}\t${row.from}\t${row.message}\n`);
  }
}
