/**
 * `kubectl describe` for StatefulSets, DaemonSets and Jobs (upstream kubectl
 * `describeStatefulSet`, `describeVolumeClaimTemplates`, `describeDaemonSet`, `describeJob`).
 */
import type { DaemonSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { Job } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../engine/api';
import { LEVEL_0, LEVEL_1, PrefixWriter } from './tabWriter';
import { controlledBy, printAnnotations, printLabels } from './describeFields';
import { describePodTemplate } from './describePodTemplate';
import { describeEvents, type EventObject } from './events';
import { quantityText } from './quantityText';
import { humanDuration, parseTime, rfc1123z } from './time';
import { selectorText, type DescribeSources } from './describeWorkloads';

/** `N Running / N Waiting / N Succeeded / N Failed` over the Pods the owner controls. */
function podsStatus(owner: KubeObject, sources: DescribeSources): string {
  const pods = (sources.list('Pod', owner.metadata.namespace) as unknown as Pod[])
    .filter((p) => p.metadata?.ownerReferences?.some((o) => o.controller && o.uid === owner.metadata.uid));
  const count = (phase: string): number => pods.filter((p) => p.status?.phase === phase).length;
  return `${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed`;
}

function describeClaimTemplates(sts: StatefulSet, w: PrefixWriter): void {
  const templates = sts.spec?.volumeClaimTemplates ?? [];
  if (templates.length === 0) {
    w.write(LEVEL_0, 'Volume Claims:\t<none>\n');
    return;
  }
  w.write(LEVEL_0, 'Volume Claims:\n');
  for (const pvc of templates) {
    w.write(LEVEL_1, `Name:\t${pvc.metadata?.name ?? ''}\n`);
    w.write(LEVEL_1, `StorageClass:\t${pvc.spec?.storageClassName ?? ''}\n`);
    printLabels(w, '  Labels', pvc.metadata?.labels);
    printLabels(w, '  Annotations', pvc.metadata?.annotations);
    const storage = pvc.spec?.resources?.requests?.storage;
    w.write(LEVEL_1, `Capacity:\t${storage !== undefined ? quantityText(storage) : '<default>'}\n`);
    w.write(LEVEL_1, `Access Modes:\t[${(pvc.spec?.accessModes ?? []).join(' ')}]\n`);
  }
}

export function describeStatefulSet(sts: StatefulSet, sources: DescribeSources, events: readonly EventObject[], now: number): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${sts.metadata?.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${sts.metadata?.namespace ?? ''}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(sts.metadata?.creationTimestamp)}\n`);
  w.write(LEVEL_0, `Selector:\t${selectorText(sts.spec?.selector)}\n`);
  printLabels(w, 'Labels', sts.metadata?.labels);
  printAnnotations(w, 'Annotations', sts.metadata?.annotations);
  w.write(LEVEL_0, `Replicas:\t${sts.spec?.replicas ?? 1} desired | ${sts.status?.replicas ?? 0} total\n`);
  w.write(LEVEL_0, `Update Strategy:\t${sts.spec?.updateStrategy?.type ?? ''}\n`);
  const ru = sts.spec?.updateStrategy?.rollingUpdate;
  if (ru?.partition !== undefined) {
    w.write(LEVEL_1, `Partition:\t${ru.partition}\n`);
    if (ru.maxUnavailable !== undefined) w.write(LEVEL_1, `MaxUnavailable:\t${ru.maxUnavailable}\n`);
  }
  w.write(LEVEL_0, `Pods Status:\t${podsStatus(sts as unknown as KubeObject, sources)}\n`);
  describePodTemplate(sts.spec?.template, w);
  describeClaimTemplates(sts, w);
  describeEvents(w, events, now);
  return w.toString();
}

export function describeDaemonSet(ds: DaemonSet, sources: DescribeSources, events: readonly EventObject[], now: number): string {
  const w = new PrefixWriter();
  const st = ds.status;
  const nodeSelector = ds.spec?.template?.spec?.nodeSelector ?? {};
  const nodeSelectorText = Object.keys(nodeSelector).sort().map((k) => `${k}=${nodeSelector[k]}`).join(',');
  w.write(LEVEL_0, `Name:\t${ds.metadata?.name ?? ''}\n`);
  w.write(LEVEL_0, `Selector:\t${selectorText(ds.spec?.selector)}\n`);
  w.write(LEVEL_0, `Node-Selector:\t${nodeSelectorText || '<none>'}\n`);
  printLabels(w, 'Labels', ds.metadata?.labels);
  printAnnotations(w, 'Annotations', ds.metadata?.annotations);
  w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${st?.desiredNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${st?.currentNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${st?.updatedNumberScheduled ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${st?.numberAvailable ?? 0}\n`);
  w.write(LEVEL_0, `Number of Nodes Misscheduled: ${st?.numberMisscheduled ?? 0}\n`);
  w.write(LEVEL_0, `Pods Status:\t${podsStatus(ds as unknown as KubeObject, sources)}\n`);
  describePodTemplate(ds.spec?.template, w);
  describeEvents(w, events, now);
  return w.toString();
}

export function describeJob(job: Job, events: readonly EventObject[], now: number): string {
  const w = new PrefixWriter();
  const spec = job.spec, st = job.status;
  w.write(LEVEL_0, `Name:\t${job.metadata?.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${job.metadata?.namespace ?? ''}\n`);
  w.write(LEVEL_0, `Selector:\t${selectorText(spec?.selector)}\n`);
  printLabels(w, 'Labels', job.metadata?.labels);
  printAnnotations(w, 'Annotations', job.metadata?.annotations);
  const owner = controlledBy(job.metadata?.ownerReferences as never);
  if (owner) w.write(LEVEL_0, `Controlled By:\t${owner}\n`);
  w.write(LEVEL_0, `Parallelism:\t${spec?.parallelism ?? 1}\n`);
  w.write(LEVEL_0, `Completions:\t${spec?.completions ?? '<unset>'}\n`);
  if (spec?.completionMode) w.write(LEVEL_0, `Completion Mode:\t${spec.completionMode}\n`);
  if (spec?.suspend !== undefined) w.write(LEVEL_0, `Suspend:\t${spec.suspend}\n`);
  if (spec?.backoffLimit !== undefined) w.write(LEVEL_0, `Backoff Limit:\t${spec.backoffLimit}\n`);
  if (spec?.ttlSecondsAfterFinished !== undefined) w.write(LEVEL_0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
  if (st?.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(st.startTime)}\n`);
  if (st?.completionTime) w.write(LEVEL_0, `Completed At:\t${rfc1123z(st.completionTime)}\n`);
  const started = parseTime(st?.startTime), completed = parseTime(st?.completionTime);
  if (started !== undefined && completed !== undefined) w.write(LEVEL_0, `Duration:\t${humanDuration(completed - started)}\n`);
  if (spec?.activeDeadlineSeconds !== undefined) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  const ready = st?.ready !== undefined ? ` (${st.ready} Ready)` : '';
  w.write(LEVEL_0, `Pods Statuses:\t${st?.active ?? 0} Active${ready} / ${st?.succeeded ?? 0} Succeeded / ${st?.failed ?? 0} Failed\n`);
  if (spec?.completionMode === 'Indexed') w.write(LEVEL_0, `Completed Indexes:\t${st?.completedIndexes || '<none>'}\n`);
  describePodTemplate(spec?.template, w);
  describeEvents(w, events, now);
  return w.toString();
}
