/**
 * Which workload and Service goes in which column and tier of the band (geometry in
 * workloadsLayout.ts). Columns follow creation order, so a new workload appends on the right.
 */
import { matchesMap } from '../engine/util/selectors';
import { naturalCompare } from './ids';
import type { WorkloadKind } from './types';
import type { BandColumn } from './workloadsLayout';

/** Owners of other workloads: they sit in the upper tier, what they own below them. */
const UPPER_KINDS = new Set<string>(['Deployment', 'CronJob']);
const KIND_ORDER = ['Deployment', 'StatefulSet', 'DaemonSet', 'CronJob', 'ReplicaSet', 'ReplicationController', 'Job', 'Service'];

export function workloadId(w: { kind: string; namespace: string; name: string; uid: string }): string {
  return `workload/${w.kind}/${w.namespace}/${w.name}/${w.uid}`;
}

export function serviceId(s: { namespace: string; name: string; uid: string }): string {
  return `service/${s.namespace}/${s.name}/${s.uid}`;
}

export interface BandEntry {
  id: string;
  kind: WorkloadKind | 'Service';
  name: string;
  namespace: string;
  uid: string;
  /** creationTimestamp (RFC 3339 sorts as text). */
  created: string;
  /** The uid of its controller, when that is drawn too. */
  ownerUid?: string;
  /** The labels its Pod template gives Pods (what a Service selector is matched against). */
  templateLabels?: Record<string, string>;
  /** A Service's selector. */
  selector?: Record<string, string>;
  /** Order among siblings (a ReplicaSet's revision); creation order otherwise. */
  order?: number;
}

function compareEntries(a: BandEntry, b: BandEntry): number {
  if (a.created !== b.created) return a.created < b.created ? -1 : 1;
  const k = KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind);
  return k || naturalCompare(`${a.namespace}/${a.name}`, `${b.namespace}/${b.name}`);
}

function compareSiblings(a: BandEntry, b: BandEntry): number {
  if (a.order !== undefined && b.order !== undefined && a.order !== b.order) return a.order - b.order;
  return compareEntries(a, b);
}

export interface BandLayoutInput {
  columns: BandColumn[];
  tiers: { upper: boolean; lower: boolean };
}

/** Groups workloads under their root owner and puts each Service beside the first workload it selects. */
export function bandColumns(workloads: readonly BandEntry[], services: readonly BandEntry[]): BandLayoutInput {
  const byUid = new Map(workloads.map((w) => [w.uid, w]));
  const children = new Map<string, BandEntry[]>();
  const roots: BandEntry[] = [];
  for (const w of workloads) {
    if (w.ownerUid && byUid.has(w.ownerUid) && w.ownerUid !== w.uid) {
      const list = children.get(w.ownerUid) ?? [];
      list.push(w);
      children.set(w.ownerUid, list);
    } else {
      roots.push(w);
    }
  }
  roots.sort(compareEntries);
  const groups = roots.map((root) => {
    const owned = (children.get(root.uid) ?? []).sort(compareSiblings);
    const upper = UPPER_KINDS.has(root.kind) ? [root] : [];
    const lower = UPPER_KINDS.has(root.kind) ? owned : [root, ...owned];
    return { root, upper: upper.map((e) => e.id), lower: lower.map((e) => e.id), services: [] as string[] };
  });
  const standalone: typeof groups = [];
  for (const svc of [...services].sort(compareEntries)) {
    const home = svc.selector && Object.keys(svc.selector).length
      ? groups.find((g) => g.root.namespace === svc.namespace && matchesMap(svc.selector, g.root.templateLabels))
      : undefined;
    if (home) home.services.push(svc.id);
    else standalone.push({ root: svc, upper: [], lower: [], services: [svc.id] });
  }
  const all = [...groups, ...standalone].sort((a, b) => compareEntries(a.root, b.root));
  const columns = all.map(({ upper, lower, services }) => ({ upper, lower, ...(services.length ? { services } : {}) }));
  return {
    columns,
    tiers: {
      upper: columns.some((c) => c.upper.length > 0 || (c.services?.length ?? 0) > 0),
      // Reserved as soon as an owner of workloads exists, before its controller creates the first one.
      lower: columns.some((c) => c.lower.length > 0) || roots.some((r) => UPPER_KINDS.has(r.kind)),
    },
  };
}
