/**
 * Reads one value out of a ClusterView for a lesson Query: counts of matching objects, fields of
 * objects, Events, runtime records (pause sandboxes and containers), record tables (kube-proxy
 * rules, traffic, metrics) and cluster DNS answers. Pure: reads only the view.
 */
import type { ClusterView, KubeObject, NodeRuntime } from '../engine/api';
import { resolve } from '../engine/dns/resolve';
import { readPath } from './path';
import type { EventQuery, ObjectQuery, Query, RuntimeQuery } from './types';

const hasCondition = (obj: KubeObject, type: string): boolean =>
  ((obj.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? [])
    .some((c) => c.type === type && c.status === 'True');

/** Whether one object passes every filter of the query. */
export function matchesObject(obj: KubeObject, q: ObjectQuery): boolean {
  const meta = obj.metadata;
  if (q.name !== undefined && meta.name !== q.name) return false;
  if (q.namePrefix !== undefined && !meta.name.startsWith(q.namePrefix)) return false;
  if (q.selector && !Object.entries(q.selector).every(([k, v]) => meta.labels?.[k] === v)) return false;
  if (q.phase !== undefined && (obj.status as { phase?: string } | undefined)?.phase !== q.phase) return false;
  if (q.ready !== undefined && hasCondition(obj, 'Ready') !== q.ready) return false;
  if (q.terminating !== undefined && !!meta.deletionTimestamp !== q.terminating) return false;
  if (q.fields && !Object.entries(q.fields).every(([path, want]) => sameValue(readPath(obj, path), want))) return false;
  if (q.ownedBy) {
    const owner = meta.ownerReferences?.find((r) => r.controller);
    if (!owner || owner.kind !== q.ownedBy.kind) return false;
    if (q.ownedBy.name !== undefined && owner.name !== q.ownedBy.name) return false;
  }
  return true;
}

/** The matching objects, ordered by namespace then name (a stable order for `values`). */
export function findObjects(view: ClusterView, q: ObjectQuery): KubeObject[] {
  return view.list(q.kind, q.namespace)
    .filter((o) => matchesObject(o, q))
    .sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
}

const keyOf = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;

export function matchesEvent(e: KubeObject, q: EventQuery): boolean {
  const ev = e as KubeObject & { reason?: string; type?: string; message?: string; involvedObject?: { kind?: string; name?: string; namespace?: string } };
  if (q.reason !== undefined && ev.reason !== q.reason) return false;
  if (q.type !== undefined && ev.type !== q.type) return false;
  if (q.kind !== undefined && ev.involvedObject?.kind !== q.kind) return false;
  if (q.name !== undefined && ev.involvedObject?.name !== q.name) return false;
  if (q.namespace !== undefined && (ev.involvedObject?.namespace ?? ev.metadata.namespace) !== q.namespace) return false;
  if (q.message !== undefined && !(ev.message ?? '').includes(q.message)) return false;
  return true;
}

/** The runtime of every Node (or the one named), in Node-name order. */
function runtimes(view: ClusterView, node: string | undefined): { node: string; runtime: NodeRuntime }[] {
  const names = node !== undefined ? [node] : view.list('Node').map((n) => n.metadata.name).sort();
  return names.map((n) => ({ node: n, runtime: view.runtime(n) }));
}

function runtimeRecords(view: ClusterView, which: 'sandboxes' | 'containers', q: RuntimeQuery): object[] {
  const out: object[] = [];
  for (const { node, runtime } of runtimes(view, q.node)) {
    const records = [...runtime[which]].sort((a, b) => a.createdAt - b.createdAt);
    for (const r of records) {
      if (q.pod !== undefined && r.pod !== q.pod) continue;
      if (q.namespace !== undefined && r.namespace !== q.namespace) continue;
      if (q.state !== undefined && r.state !== q.state) continue;
      if (q.name !== undefined && (r as { name?: string }).name !== q.name) continue;
      out.push({ ...r, node });
    }
  }
  return out;
}

const pluck = (items: object[], path: string | undefined) => (path === undefined ? items : items.map((i) => readPath(i, path)));

/** The value a query reads from the view. */
export function measure(query: Query, view: ClusterView): unknown {
  if ('count' in query) return findObjects(view, query.count).length;
  if ('object' in query) {
    const { kind, name, namespace } = query.object;
    return readPath(view.get(kind, name, namespace), query.path);
  }
  if ('values' in query) return findObjects(view, query.values).map((o) => readPath(o, query.path));
  if ('events' in query) return view.events().filter((e) => matchesEvent(e, query.events)).length;
  if ('sandboxes' in query) return pluck(runtimeRecords(view, 'sandboxes', query.sandboxes), query.path);
  if ('containers' in query) return pluck(runtimeRecords(view, 'containers', query.containers), query.path);
  if ('table' in query) {
    const record = view.table(query.table).find(([k]) => k === query.key)?.[1];
    return readPath(record, query.path);
  }
  const { name, namespace = 'default', type } = query.dns;
  return readPath(resolve(view, name, { namespace, type }), query.path);
}

/** Deep equality of plain data (what queries yield). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
