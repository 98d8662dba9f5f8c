/**
 * `kubectl get events` as of the timeline cursor: the server's table columns (upstream
 * `printEvent`: LAST SEEN, TYPE, REASON, OBJECT, MESSAGE; NAMESPACE first with `-A`) in the API's
 * list order — by namespace, then by name, which is `<object>.<hex time>` — because kubectl does
 * not sort Events (kubernetes/kubernetes#29838: use --sort-by for time order). `--watch` instead
 * prints one line per ADDED or MODIFIED Event as it happens, aged at that moment.
 */
import type { KubeObject } from '../engine/api';
import type { EventObject } from './events';
import { parseTime, since } from './time';
import { involvedRef, type ObjectRef } from './stepDiffObjects';

export interface KubectlEventRow {
  namespace: string;
  lastSeen: string;
  type: string;
  reason: string;
  /** `pod/web-1`: the involved object's kind lower-cased, then its name. */
  object: string;
  message: string;
  /** The involved object, for links. */
  involved?: ObjectRef;
  /** The Event's own name and uid (keys). */
  name: string;
  uid: string;
}

export interface EventsQuery {
  /** Only Events in this namespace (`-n`); null lists every namespace (`-A`). */
  namespace: string | null;
  /** `--field-selector involvedObject.kind=…,involvedObject.name=…` (and namespace when given). */
  object?: ObjectRef | null;
}

/** upstream `printEvent`: lastTimestamp, else the first time; a series' last observation wins. */
function lastSeenMoment(e: EventObject): unknown {
  if (e.series) return e.series.lastObservedTime;
  if (parseTime(e.lastTimestamp) !== undefined) return e.lastTimestamp;
  return parseTime(e.firstTimestamp) !== undefined ? e.firstTimestamp : e.eventTime;
}

/** One row, aged at `now` (epoch ms). */
export function kubectlEventRow(e: EventObject, now: number): KubectlEventRow {
  const o = e.involvedObject;
  return {
    namespace: e.metadata.namespace ?? '',
    lastSeen: since(lastSeenMoment(e), now),
    type: e.type ?? '',
    reason: e.reason ?? '',
    object: o?.name ? `${(o.kind ?? '').toLowerCase()}/${o.name}` : (o?.kind ?? '').toLowerCase(),
    message: (e.message ?? '').trim(),
    involved: involvedRef(e),
    name: e.metadata.name,
    uid: e.metadata.uid,
  };
}

export function eventSelected(e: EventObject, q: EventsQuery): boolean {
  if (q.namespace !== null && (e.metadata.namespace ?? '') !== q.namespace) return false;
  const o = e.involvedObject;
  return !q.object || (o?.kind === q.object.kind && o.name === q.object.name &&
    (q.object.namespace === undefined || (o.namespace ?? '') === q.object.namespace));
}

/** API list order: namespace, then name (etcd key order). */
export function compareListOrder(a: KubeObject, b: KubeObject): number {
  const na = a.metadata.namespace ?? '';
  const nb = b.metadata.namespace ?? '';
  if (na !== nb) return na < nb ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

/** `kubectl get events [-n ns | -A]` as of a snapshot's Events, aged at `now` (epoch ms). */
export function kubectlEventRows(events: readonly KubeObject[], now: number, q: EventsQuery): KubectlEventRow[] {
  return (events as EventObject[]).filter((e) => eventSelected(e, q))
    .sort(compareListOrder)
    .map((e) => kubectlEventRow(e, now));
}

/** The command a learner would type for this query. */
export function eventsCommand(q: EventsQuery, watch = false): string {
  const parts = ['kubectl get events'];
  parts.push(q.namespace === null ? '-A' : `-n ${q.namespace}`);
  if (q.object) parts.push(`--field-selector involvedObject.kind=${q.object.kind},involvedObject.name=${q.object.name}`);
  if (watch) parts.push('--watch');
  return parts.join(' ');
}

/** What kubectl prints when nothing matches. */
export function noEventsMessage(q: EventsQuery): string {
  return q.namespace === null ? 'No resources found' : `No resources found in ${q.namespace} namespace.`;
}
