/**
 * `kubectl describe deployment` and `kubectl describe replicaset`
 * (upstream kubectl `describeDeployment`, `describeReplicaSet`, `printReplicaSetsByLabels`).
 */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../engine/api';
import { LEVEL_0, LEVEL_1, PrefixWriter } from './tabWriter';
import { controlledBy, printAnnotations, printLabels } from './describeFields';
import { describePodTemplate } from './describePodTemplate';
import { describeEvents, type EventObject } from './events';
import { rfc1123z } from './time';

/** What a describer may read besides the object: the cluster as of the same moment. */
export interface DescribeSources {
  list(kind: string, namespace?: string): KubeObject[];
}

/** upstream `LabelSelectorAsSelector(...).String()`: requirements sorted by key, values sorted. */
export function selectorText(selector: LabelSelector | undefined): string {
  if (!selector) return '<none>';
  const parts: [string, string][] = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => [k, `${k}=${v}`]);
  for (const r of selector.matchExpressions ?? []) {
    const values = [...(r.values ?? [])].sort().join(',');
    const text = r.operator === 'Exists' ? r.key : r.operator === 'DoesNotExist' ? `!${r.key}`
      : `${r.key} ${r.operator === 'In' ? 'in' : 'notin'} (${values})`;
    parts.push([r.key, text]);
  }
  parts.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return parts.length ? parts.map(([, t]) => t).join(',') : '<none>';
}

/** `N Running / N Waiting / N Succeeded / N Failed` over the Pods the owner controls. */
export function podsStatus(owner: KubeObject, sources: DescribeSources): string {
  const pods = (sources.list('Pod', owner.metadata.namespace) as unknown as Pod[])
    .filter((p) => p.metadata?.ownerReferences?.some((o) => o.controller && o.uid === owner.metadata.uid));
  const count = (phase: string): number => pods.filter((p) => p.status?.phase === phase).length;
  return `${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed`;
}

function describeConditions(conditions: { type: string; status: string; reason?: string }[] | undefined, w: PrefixWriter): void {
  if (!conditions?.length) return;
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(LEVEL_1, '----\t------\t------\n');
  for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}

function ownedBy(uid: string | undefined, obj: KubeObject): boolean {
  return !!obj.metadata.ownerReferences?.some((o) => o.controller && o.uid === uid);
}

/** The template without the pod-template-hash label, for finding the Deployment's new ReplicaSet. */
function templateKey(template: unknown): string {
  const copy = JSON.parse(JSON.stringify(template ?? {})) as { metadata?: { labels?: Record<string, string> } };
  delete copy.metadata?.labels?.['pod-template-hash'];
  const sortKeys = (v: unknown): unknown => Array.isArray(v) ? v.map(sortKeys)
    : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])])) : v;
  return JSON.stringify(sortKeys(copy));
}

function rsList(list: ReplicaSet[]): string {
  const text = list.map((rs) => `${rs.metadata?.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 1} replicas created)`).join(', ');
  return text || '<none>';
}

export function describeDeployment(d: Deployment, sources: DescribeSources, events: readonly EventObject[], now: number): string {
  const w = new PrefixWriter();
  const st = d.status ?? {};
  w.write(LEVEL_0, `Name:\t${d.metadata?.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${d.metadata?.namespace ?? ''}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(d.metadata?.creationTimestamp)}\n`);
  printLabels(w, 'Labels', d.metadata?.labels);
  printAnnotations(w, 'Annotations', d.metadata?.annotations);
  w.write(LEVEL_0, `Selector:\t${selectorText(d.spec?.selector)}\n`);
  w.write(LEVEL_0, `Replicas:\t${d.spec?.replicas ?? 1} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ` +
    `${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`);
  w.write(LEVEL_0, `StrategyType:\t${d.spec?.strategy?.type ?? ''}\n`);
  w.write(LEVEL_0, `MinReadySeconds:\t${d.spec?.minReadySeconds ?? 0}\n`);
  const ru = d.spec?.strategy?.rollingUpdate;
  if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${ru.maxUnavailable ?? ''} max unavailable, ${ru.maxSurge ?? ''} max surge\n`);
  describePodTemplate(d.spec?.template, w);
  describeConditions(st.conditions, w);
  const owned = (sources.list('ReplicaSet', d.metadata?.namespace) as unknown as ReplicaSet[])
    .filter((rs) => ownedBy(d.metadata?.uid, rs as unknown as KubeObject));
  const key = templateKey(d.spec?.template);
  const newRS = owned.find((rs) => templateKey(rs.spec?.template) === key);
  // upstream: old ReplicaSets listed here are those still scaled above zero
  const oldRSs = owned.filter((rs) => rs !== newRS && (rs.spec?.replicas ?? 1) !== 0);
  if (owned.length) {
    w.write(LEVEL_0, `OldReplicaSets:\t${rsList(oldRSs)}\n`);
    w.write(LEVEL_0, `NewReplicaSet:\t${rsList(newRS ? [newRS] : [])}\n`);
  }
  describeEvents(w, events, now);
  return w.toString();
}

export function describeReplicaSet(rs: ReplicaSet, sources: DescribeSources, events: readonly EventObject[], now: number): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${rs.metadata?.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${rs.metadata?.namespace ?? ''}\n`);
  w.write(LEVEL_0, `Selector:\t${selectorText(rs.spec?.selector)}\n`);
  printLabels(w, 'Labels', rs.metadata?.labels);
  printAnnotations(w, 'Annotations', rs.metadata?.annotations);
  const owner = controlledBy(rs.metadata?.ownerReferences as never);
  if (owner) w.write(LEVEL_0, `Controlled By:\t${owner}\n`);
  w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 1} desired\n`);
  w.write(LEVEL_0, `Pods Status:\t${podsStatus(rs as unknown as KubeObject, sources)}\n`);
  describePodTemplate(rs.spec?.template, w);
  describeConditions(rs.status?.conditions, w);
  describeEvents(w, events, now);
  return w.toString();
}
