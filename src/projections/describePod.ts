/** `kubectl describe pod`, line for line (upstream kubectl `describePod`). */
import type { Pod, TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import { formatSelector } from '../engine/util/selectors';
import { LEVEL_0, LEVEL_1, PrefixWriter } from './tabWriter';
import { controlledBy, printAnnotations, printLabels, printTolerations } from './describeFields';
import { describeContainers } from './describeContainers';
import { describeVolumes } from './describeVolumes';
import { describeEvents, type EventObject } from './events';
import { qosClass } from './podResources';
import { rfc1123z, since } from './time';

function describeStatusLines(pod: Pod, w: PrefixWriter, now: number): void {
  const phase = pod.status?.phase ?? '';
  if (pod.metadata?.deletionTimestamp && phase !== 'Failed' && phase !== 'Succeeded') {
    // upstream: "lasts" is the time since a deletionTimestamp that lies in the future,
    // so during the grace period kubectl itself prints `<invalid>`
    w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(pod.metadata.deletionTimestamp, now)})\n`);
    w.write(LEVEL_0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(LEVEL_0, `Status:\t${phase}\n`);
  }
  if (pod.status?.reason) w.write(LEVEL_0, `Reason:\t${pod.status.reason}\n`);
  if (pod.status?.message) w.write(LEVEL_0, `Message:\t${pod.status.message}\n`);
}

function describeIPs(pod: Pod, w: PrefixWriter): void {
  w.write(LEVEL_0, `IP:\t${pod.status?.podIP ?? ''}\n`);
  const ips = pod.status?.podIPs ?? [];
  if (ips.length === 0) {
    w.write(LEVEL_0, 'IPs:\t<none>\n');
    return;
  }
  w.write(LEVEL_0, 'IPs:\n');
  for (const ip of ips) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
}

function describeConditions(pod: Pod, w: PrefixWriter): void {
  if (pod.spec?.readinessGates?.length) {
    w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const gate of pod.spec.readinessGates) {
      const status = pod.status?.conditions?.find((c) => c.type === gate.conditionType)?.status ?? '<none>';
      w.write(LEVEL_1, `${gate.conditionType} \t${status} \n`);
    }
  }
  const conditions = pod.status?.conditions ?? [];
  if (conditions.length === 0) return;
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
  for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
}

function describeSpread(constraints: TopologySpreadConstraint[] | undefined, w: PrefixWriter): void {
  if (!constraints?.length) return;
  const sorted = [...constraints].sort((a, b) => (a.topologyKey < b.topologyKey ? -1 : a.topologyKey > b.topologyKey ? 1 : 0));
  w.write(LEVEL_0, 'Topology Spread Constraints:\t');
  sorted.forEach((c, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    const selector = c.labelSelector ? ` for selector ${formatSelector(c.labelSelector)}` : '';
    w.write(LEVEL_0, `${c.topologyKey}:${c.whenUnsatisfiable} when max skew ${c.maxSkew} is exceeded${selector}\n`);
  });
}

/** The describe text of a Pod with its Events, with ages at `now` (epoch ms). */
export function describePod(pod: Pod, events: readonly EventObject[], now: number): string {
  const w = new PrefixWriter();
  const spec = pod.spec ?? { containers: [] };
  w.write(LEVEL_0, `Name:\t${pod.metadata?.name ?? ''}\n`);
  w.write(LEVEL_0, `Namespace:\t${pod.metadata?.namespace ?? ''}\n`);
  if (spec.priority !== undefined) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
  if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
  w.write(LEVEL_0, spec.nodeName ? `Node:\t${spec.nodeName}/${pod.status?.hostIP ?? ''}\n` : 'Node:\t<none>\n');
  if (pod.status?.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(pod.status.startTime)}\n`);
  printLabels(w, 'Labels', pod.metadata?.labels);
  printAnnotations(w, 'Annotations', pod.metadata?.annotations);
  describeStatusLines(pod, w, now);
  describeIPs(pod, w);
  const owner = controlledBy(pod.metadata?.ownerReferences as never);
  if (owner) w.write(LEVEL_0, `Controlled By:\t${owner}\n`);
  if (pod.status?.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${pod.status.nominatedNodeName}\n`);
  if (spec.initContainers?.length) {
    describeContainers('Init Containers', spec.initContainers, pod.status?.initContainerStatuses, pod, w);
  }
  describeContainers('Containers', spec.containers, pod.status?.containerStatuses, pod, w);
  describeConditions(pod, w);
  describeVolumes(spec.volumes, w);
  w.write(LEVEL_0, `QoS Class:\t${qosClass(pod)}\n`);
  printLabels(w, 'Node-Selectors', spec.nodeSelector);
  printTolerations(w, 'Tolerations', spec.tolerations);
  describeSpread(spec.topologySpreadConstraints, w);
  describeEvents(w, events, now);
  return w.toString();
}
