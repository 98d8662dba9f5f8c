/** `kubectl describe job` (upstream kubectl `describeJob`). */
import type { Job } from 'kubernetes-types/batch/v1';
import { LEVEL_0, PrefixWriter } from './tabWriter';
import { controlledBy, printAnnotations, printLabels } from './describeFields';
import { describePodTemplate } from './describePodTemplate';
import { describeEvents, type EventObject } from './events';
import { humanDuration, parseTime, rfc1123z } from './time';
import { selectorText } from './describeWorkloads';

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
