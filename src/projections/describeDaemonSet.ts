/** `kubectl describe daemonset` (upstream kubectl `describeDaemonSet`). */
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../engine/api';
import { LEVEL_0, PrefixWriter } from './tabWriter';
import { printAnnotations, printLabels } from './describeFields';
import { describePodTemplate } from './describePodTemplate';
import { describeEvents, type EventObject } from './events';
import { podsStatus, selectorText, type DescribeSources } from './describeWorkloads';

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

