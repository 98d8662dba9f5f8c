/**
 * The DaemonSet's revision history: the ControllerRevision recording the current template (its
 * hash labels new Pods), the older ones, and trimming them to revisionHistoryLimit.
 * upstream: pkg/controller/daemon/update.go (constructHistory, snapshot, dedupCurHistories,
 * cleanupHistory, controlledHistories, Match)
 */
import type { KubeObject } from '../../api';
import { podTemplateHash } from '../../apiserver/names';
import { clone, deepEqual } from '../../util/objects';
import { deleteControllerRevision, updateRevisionNumber } from '../history/historyClient';
import { maxRevision, sortControllerRevisions, type ControllerRevisionObject } from '../history/revisions';
import { templatePatch } from '../history/templatePatch';
import { claimObjects, controllerRef } from '../shared/ownership';
import type { ReconcileContext } from '../types';
import { REVISION_HASH_LABEL, selects, type DaemonSetObject } from './daemonSetSpec';

export interface DaemonHistory {
  cur: ControllerRevisionObject;
  old: ControllerRevisionObject[];
  /** The current revision's hash: the controller-revision-hash of up-to-date Pods. */
  hash: string;
}

export type HistoryResult = DaemonHistory | { error: string };

const failed = (x: ControllerRevisionObject | { error: string }): x is { error: string } => !('kind' in x);

/** upstream Match: the revision records exactly this DaemonSet's template. */
const matches = (ds: DaemonSetObject, revision: ControllerRevisionObject) => deepEqual(revision.data, templatePatch(ds));

export function constructHistory(ctx: ReconcileContext, ds: DaemonSetObject): HistoryResult {
  const name = ds.metadata.name;
  const current: ControllerRevisionObject[] = [];
  const old: ControllerRevisionObject[] = [];
  for (let history of controlledHistories(ctx, ds)) {
    if (history.metadata.labels?.[REVISION_HASH_LABEL] === undefined) {
      const next = clone(history);
      next.metadata.labels = { ...(next.metadata.labels ?? {}), [REVISION_HASH_LABEL]: next.metadata.name };
      const result = ctx.update(next, `DaemonSet ${name} labels ControllerRevision ${next.metadata.name} with its name as its hash`);
      if (!result.ok) return { error: result.message };
      history = result.object as ControllerRevisionObject;
    }
    (matches(ds, history) ? current : old).push(history);
  }
  const number = maxRevision(old) + 1;
  let cur: ControllerRevisionObject;
  if (!current.length) {
    const created = snapshot(ctx, ds, number);
    if (failed(created)) return created;
    cur = created;
  } else {
    const kept = dedupCurHistories(ctx, ds, current);
    if (failed(kept)) return kept;
    cur = kept;
    if (cur.revision < number) {
      const result = updateRevisionNumber(ctx, cur, number, `DaemonSet ${name}'s pod template is again the one ControllerRevision ` +
        `${cur.metadata.name} recorded: it becomes revision ${number} (was ${cur.revision}), so a rollback is a roll forward`);
      if (!result.ok) return { error: result.message };
      cur = result.revision;
    }
  }
  return { cur, old, hash: cur.metadata.labels?.[REVISION_HASH_LABEL] ?? '' };
}

/** upstream controlledHistories: the revisions this DaemonSet controls, adopting and releasing as for Pods. */
function controlledHistories(ctx: ReconcileContext, ds: DaemonSetObject): ControllerRevisionObject[] {
  const all = ctx.list('ControllerRevision', ds.metadata.namespace);
  return sortControllerRevisions(claimObjects(ctx, ds, ds.spec.selector, all, (r) => selects(ds, r.metadata.labels)) as ControllerRevisionObject[]);
}

/**
 * upstream snapshot: a new revision named `<ds>-<pod-template-hash>`. A revision of that name
 * with other data is a hash collision: status.collisionCount goes up and the sync is retried.
 */
function snapshot(ctx: ReconcileContext, ds: DaemonSetObject, revision: number): ControllerRevisionObject | { error: string } {
  const hash = podTemplateHash(ds.spec.template ?? {}, ds.status?.collisionCount);
  const name = `${ds.metadata.name}-${hash}`;
  const history: ControllerRevisionObject = {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name, namespace: ds.metadata.namespace,
      labels: { ...(ds.spec.template?.metadata?.labels ?? {}), [REVISION_HASH_LABEL]: hash },
      ...(ds.metadata.annotations ? { annotations: { ...ds.metadata.annotations } } : {}),
      ownerReferences: [controllerRef(ds)],
    } as unknown as KubeObject['metadata'],
    data: templatePatch(ds),
    revision,
  };
  const existing = ctx.get('ControllerRevision', name, ds.metadata.namespace) as ControllerRevisionObject | undefined;
  if (existing) return matches(ds, existing) ? existing : bumpCollisionCount(ctx, ds, name);
  const result = ctx.create(history, `DaemonSet ${ds.metadata.name} records its pod template as ControllerRevision ${name} ` +
    `(revision ${revision}); its Pods are labelled controller-revision-hash=${hash}`);
  return result.ok ? (result.object as ControllerRevisionObject) : { error: result.message };
}

function bumpCollisionCount(ctx: ReconcileContext, ds: DaemonSetObject, name: string): { error: string } {
  const latest = ctx.get('DaemonSet', ds.metadata.name, ds.metadata.namespace) as DaemonSetObject | undefined;
  if (!latest) return { error: `daemonsets.apps "${ds.metadata.name}" not found` };
  if (latest.status?.collisionCount !== ds.status?.collisionCount) {
    return { error: `found a stale collision count of DaemonSet "${ds.metadata.name}" while processing; will retry until it is updated` };
  }
  const next = clone(latest);
  const count = (latest.status?.collisionCount ?? 0) + 1;
  next.status = { ...(latest.status ?? { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 }),
    collisionCount: count };
  ctx.updateStatus(next, `DaemonSet ${ds.metadata.name}: ControllerRevision ${name} already records another template ` +
    `(a hash collision), so status.collisionCount becomes ${count} and the next hash differs`);
  return { error: `controllerrevisions.apps "${name}" already exists` };
}

/** upstream dedupCurHistories: of several revisions with the current template, keep the newest. */
function dedupCurHistories(ctx: ReconcileContext, ds: DaemonSetObject,
  current: ControllerRevisionObject[]): ControllerRevisionObject | { error: string } {
  if (current.length === 1) return current[0];
  const keep = current.reduce((best, r) => (r.revision >= best.revision ? r : best));
  const keepHash = keep.metadata.labels?.[REVISION_HASH_LABEL] ?? '';
  for (const dup of current) {
    if (dup === keep) continue;
    for (const pod of ctx.list('Pod', ds.metadata.namespace)) {
      if (pod.metadata.ownerReferences?.some((r) => r.uid === ds.metadata.uid && r.controller) &&
        pod.metadata.labels?.[REVISION_HASH_LABEL] !== keepHash) {
        const next = clone(pod);
        next.metadata.labels = { ...(next.metadata.labels ?? {}), [REVISION_HASH_LABEL]: keepHash };
        const result = ctx.update(next, `DaemonSet ${ds.metadata.name} relabels Pod ${pod.metadata.name} with ` +
          `controller-revision-hash=${keepHash} before removing the duplicate ControllerRevision ${dup.metadata.name}`);
        if (!result.ok) return { error: result.message };
      }
    }
    const removed = deleteControllerRevision(ctx, dup, `DaemonSet ${ds.metadata.name} removes ControllerRevision ` +
      `${dup.metadata.name}: it duplicates ${keep.metadata.name}, which records the same template`);
    if (!removed.ok) return { error: removed.message };
  }
  return keep;
}

/**
 * upstream cleanupHistory: old revisions beyond revisionHistoryLimit go, oldest first, except
 * those a Pod still carries.
 */
export function cleanupHistory(ctx: ReconcileContext, ds: DaemonSetObject, old: ControllerRevisionObject[],
  pods: KubeObject[]): string | undefined {
  const limit = ds.spec.revisionHistoryLimit ?? 10;
  let toKill = old.length - limit;
  if (toKill <= 0) return undefined;
  const live = new Set(pods.map((p) => p.metadata.labels?.[REVISION_HASH_LABEL]).filter(Boolean));
  for (const history of [...old].sort((a, b) => a.revision - b.revision)) {
    if (toKill <= 0) break;
    if (live.has(history.metadata.labels?.[REVISION_HASH_LABEL])) continue;
    const result = deleteControllerRevision(ctx, history, `DaemonSet ${ds.metadata.name} keeps at most ` +
      `revisionHistoryLimit=${limit} old revisions: deleting ControllerRevision ${history.metadata.name} (revision ${history.revision})`);
    if (!result.ok) return result.message;
    toKill--;
  }
  return undefined;
}
