/**
 * What of the workloads a snapshot holds gets drawn: every workload controller, except a
 * Deployment's old ReplicaSets once they are scaled to 0 (the two newest revisions always stay, so
 * the one just rolled from is still seen); those are counted on the Deployment instead.
 */
import type { ClusterView, KubeObject } from '../engine/api';
import { controllerOf, indexRevisions, type RevisionIndex } from './revisions';
import type { WorkloadKind } from './types';
import { num, specOf, statusOf } from './workloadsData';

export const WORKLOAD_KINDS: readonly WorkloadKind[] = [
  'Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob',
];

/** ReplicaSets of a Deployment always drawn, newest first, even when scaled to 0. */
export const KEPT_REVISIONS = 2;

export interface WorkloadSnapshot {
  /** Drawn workloads, by kind in WORKLOAD_KINDS order. */
  workloads: KubeObject[];
  revisions: RevisionIndex;
  /** Old ReplicaSets not drawn, per Deployment uid. */
  hiddenByDeployment: Map<string, number>;
}

export function collectWorkloads(view: ClusterView): WorkloadSnapshot {
  const lists = new Map(WORKLOAD_KINDS.map((k) => [k, view.list(k)] as const));
  const revisions = indexRevisions({
    deployments: lists.get('Deployment')!,
    replicaSets: lists.get('ReplicaSet')!,
    statefulSets: lists.get('StatefulSet')!,
    daemonSets: lists.get('DaemonSet')!,
    controllerRevisions: view.list('ControllerRevision'),
  });
  const deployments = new Set(lists.get('Deployment')!.map((d) => d.metadata.uid));
  const { hidden, hiddenByDeployment } = oldReplicaSets(lists.get('ReplicaSet')!, deployments, revisions);
  const workloads: KubeObject[] = [];
  for (const kind of WORKLOAD_KINDS) {
    for (const obj of lists.get(kind)!) if (!hidden.has(obj.metadata.uid)) workloads.push(obj);
  }
  return { workloads, revisions, hiddenByDeployment };
}

function oldReplicaSets(replicaSets: readonly KubeObject[], deployments: ReadonlySet<string>, revisions: RevisionIndex) {
  const byDeployment = new Map<string, KubeObject[]>();
  for (const rs of replicaSets) {
    const owner = controllerOf(rs);
    if (owner?.kind !== 'Deployment' || !deployments.has(owner.uid)) continue;
    byDeployment.set(owner.uid, [...(byDeployment.get(owner.uid) ?? []), rs]);
  }
  const hidden = new Set<string>();
  const hiddenByDeployment = new Map<string, number>();
  for (const [deployment, list] of byDeployment) {
    const newestFirst = [...list].sort((a, b) => (revisions.ofReplicaSet(b.metadata.uid)?.revision ?? 0) -
      (revisions.ofReplicaSet(a.metadata.uid)?.revision ?? 0));
    newestFirst.forEach((rs, i) => {
      const idle = num(specOf(rs).replicas, 1) === 0 && num(statusOf(rs).replicas) === 0;
      if (i >= KEPT_REVISIONS && idle) hidden.add(rs.metadata.uid);
    });
    const count = list.filter((rs) => hidden.has(rs.metadata.uid)).length;
    if (count) hiddenByDeployment.set(deployment, count);
  }
  return { hidden, hiddenByDeployment };
}

/** The labels a workload's Pod template gives its Pods. */
export function templateLabels(obj: KubeObject): Record<string, string> | undefined {
  type Template = { metadata?: { labels?: Record<string, string> } };
  const spec = obj.spec as { template?: Template; jobTemplate?: { spec?: { template?: Template } } } | undefined;
  const template = obj.kind === 'CronJob' ? spec?.jobTemplate?.spec?.template : spec?.template;
  return template?.metadata?.labels;
}
