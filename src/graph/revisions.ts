/**
 * Template revisions: which revision of its owner's Pod template each Pod (and ReplicaSet) runs,
 * so old and new Pods are told apart during a rollout.
 *
 * - Deployment: each ReplicaSet is a revision (`deployment.kubernetes.io/revision`); its Pods carry
 *   its `pod-template-hash`. The newest is the highest number (upstream: a rollback renumbers the
 *   old ReplicaSet to max+1, so the newest is always the one being rolled to).
 * - StatefulSet / DaemonSet: ControllerRevisions owned by the workload (`.revision`); Pods carry
 *   `controller-revision-hash` (the revision's name for a StatefulSet, its hash for a DaemonSet).
 *   The newest is the StatefulSet's `status.updateRevision`, else the highest number.
 *
 * Colours are keyed by revision number, so they are stable across Steps and time travel.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../engine/api';
import type { RevisionBadge } from './types';

/** One colour per revision number (Tailwind 700 shades: white text on them reads at 4.5:1 or better). */
export const REVISION_COLOURS = [
  '#4338ca', // indigo
  '#a21caf', // fuchsia
  '#0f766e', // teal
  '#c2410c', // orange
  '#6d28d9', // violet
  '#0e7490', // cyan
  '#4d7c0f', // lime
  '#be185d', // pink
] as const;

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const CONTROLLER_REVISION_HASH = 'controller-revision-hash';

/** The colour of a revision number (1-based; anything below 1 takes the first colour). */
export function revisionColour(revision: number): string {
  const i = Math.max(0, Math.floor(revision) - 1) % REVISION_COLOURS.length;
  return REVISION_COLOURS[i];
}

const badges = new Map<string, RevisionBadge>();

/** The badge of a revision; the same object for the same revision and newness, so memoized views stay equal. */
export function revisionBadge(revision: number, newest: boolean): RevisionBadge {
  const key = `${revision}|${newest}`;
  let badge = badges.get(key);
  if (!badge) {
    // i18n-data: a memo key that names the revision; the chip and accessible names word it with t('graph.revision')
    badge = { revision, label: `rev ${revision}`, colour: revisionColour(revision), newest };
    badges.set(key, badge);
  }
  return badge;
}

/** The controller ownerReference of an object (the one with `controller: true`). */
export function controllerOf(obj: { metadata?: { ownerReferences?: KubeObject['metadata']['ownerReferences'] } }) {
  return obj.metadata?.ownerReferences?.find((r) => r.controller);
}

export interface RevisionInput {
  deployments: readonly KubeObject[];
  replicaSets: readonly KubeObject[];
  statefulSets: readonly KubeObject[];
  daemonSets: readonly KubeObject[];
  controllerRevisions: readonly KubeObject[];
}

export interface RevisionIndex {
  /** The revision a ReplicaSet owned by a Deployment stands for. */
  ofReplicaSet(uid: string): RevisionBadge | undefined;
  /** The newest revision of a Deployment, StatefulSet or DaemonSet. */
  ofOwner(uid: string): RevisionBadge | undefined;
  /** The revision a Pod runs, from its controller (a Deployment's ReplicaSet, a StatefulSet, a DaemonSet). */
  ofPod(pod: Pod): RevisionBadge | undefined;
}

function revisionNumber(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number.parseInt(value, 10) : Number.NaN;
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

export function indexRevisions(input: RevisionInput): RevisionIndex {
  const byReplicaSet = new Map<string, RevisionBadge>();
  const newestOf = new Map<string, RevisionBadge>();
  /** `<owner uid>|<revision name or hash>` → the ControllerRevision's badge. */
  const byHash = new Map<string, RevisionBadge>();

  const deploymentMax = new Map<string, number>();
  const rsRevision = new Map<string, { owner: string; revision: number }>();
  for (const rs of input.replicaSets) {
    const owner = controllerOf(rs);
    const revision = revisionNumber(rs.metadata.annotations?.[REVISION_ANNOTATION]);
    if (owner?.kind !== 'Deployment' || revision === undefined) continue;
    rsRevision.set(rs.metadata.uid, { owner: owner.uid, revision });
    deploymentMax.set(owner.uid, Math.max(deploymentMax.get(owner.uid) ?? 0, revision));
  }
  for (const [uid, { owner, revision }] of rsRevision) byReplicaSet.set(uid, revisionBadge(revision, revision === deploymentMax.get(owner)));
  for (const d of input.deployments) {
    const max = deploymentMax.get(d.metadata.uid) ?? revisionNumber(d.metadata.annotations?.[REVISION_ANNOTATION]);
    if (max !== undefined) newestOf.set(d.metadata.uid, revisionBadge(max, true));
  }

  const updateRevision = new Map<string, string>();
  for (const s of input.statefulSets) {
    const name = (s.status as { updateRevision?: string } | undefined)?.updateRevision;
    if (name) updateRevision.set(s.metadata.uid, name);
  }
  const crs = new Map<string, { name: string; hash?: string; revision: number }[]>();
  for (const cr of input.controllerRevisions) {
    const owner = controllerOf(cr);
    const revision = revisionNumber((cr as { revision?: unknown }).revision);
    if (!owner || (owner.kind !== 'StatefulSet' && owner.kind !== 'DaemonSet') || revision === undefined) continue;
    const list = crs.get(owner.uid) ?? [];
    list.push({ name: cr.metadata.name, hash: cr.metadata.labels?.[CONTROLLER_REVISION_HASH], revision });
    crs.set(owner.uid, list);
  }
  for (const [owner, list] of crs) {
    const max = Math.max(...list.map((r) => r.revision));
    const update = updateRevision.get(owner);
    const newest = list.find((r) => r.name === update)?.revision ?? max;
    for (const r of list) {
      const badge = revisionBadge(r.revision, r.revision === newest);
      byHash.set(`${owner}|${r.name}`, badge);
      if (r.hash) byHash.set(`${owner}|${r.hash}`, badge);
    }
    newestOf.set(owner, revisionBadge(newest, true));
  }

  return {
    ofReplicaSet: (uid) => byReplicaSet.get(uid),
    ofOwner: (uid) => newestOf.get(uid),
    ofPod(pod) {
      const owner = controllerOf(pod);
      if (!owner) return undefined;
      if (owner.kind === 'ReplicaSet') return byReplicaSet.get(owner.uid);
      const hash = pod.metadata?.labels?.[CONTROLLER_REVISION_HASH];
      return hash ? byHash.get(`${owner.uid}|${hash}`) : undefined;
    },
  };
}
