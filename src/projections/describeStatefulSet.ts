/** `kubectl describe statefulset` (upstream kubectl `describeStatefulSet`, `describeVolumeClaimTemplates`). */
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../engine/api';
import { LEVEL_0, LEVEL_1, PrefixWriter } from './tabWriter';
import { printAnnotations, printLabels } from './describeFields';
import { describePodTemplate } from './describePodTemplate';
import { describeEvents, type EventObject } from './events';
import { quantityText } from './quantityText';
import { rfc1123z } from './time';
import { podsStatus, selectorText, type DescribeSources } from './describeWorkloads';

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

