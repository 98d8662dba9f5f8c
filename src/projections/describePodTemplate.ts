/** `Pod Template:` as Deployments, ReplicaSets and other workloads describe it (upstream kubectl `DescribePodTemplate`). */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './tabWriter';
import { printAnnotations, printLabels, printTolerations } from './describeFields';
import { describeContainers } from './describeContainers';
import { describeVolumes } from './describeVolumes';

export function describePodTemplate(template: PodTemplateSpec | undefined, w: PrefixWriter): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  if (!template) {
    w.write(LEVEL_1, '<unset>');
    return;
  }
  const spec = template.spec ?? { containers: [] };
  printLabels(w, '  Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length) printAnnotations(w, '  Annotations', template.metadata?.annotations);
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if (spec.initContainers?.length) describeContainers('Init Containers', spec.initContainers, undefined, undefined, w, '  ');
  describeContainers('Containers', spec.containers, undefined, undefined, w, '  ');
  describeVolumes(spec.volumes, w, '  ');
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabels(w, '  Node-Selectors', spec.nodeSelector);
  printTolerations(w, '  Tolerations', spec.tolerations);
}
