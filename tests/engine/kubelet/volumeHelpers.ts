import type { Cluster, ClusterView, Step } from '../../../src/engine/api';
import { readContainerFiles, readPodVolumeFiles } from '../../../src/engine/kubelet';
import type { Pod } from 'kubernetes-types/core/v1';
import { apply, runUntil, status, type Obj } from './kubeletHelpers';

export function configMap(name: string, data: Record<string, string>, extra = ''): string {
  const lines = Object.entries(data).map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`).join('\n');
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${extra}data:\n${lines}\n`;
}

/** What container `container` of Pod `pod` sees in its configMap/secret/downwardAPI/projected mounts, as of `view`. */
export function filesOf(view: ClusterView, pod: string, container = 'app'): Record<string, string> {
  const obj = view.get('Pod', pod) as Pod | undefined;
  return (obj && readContainerFiles(view, obj, container)) ?? {};
}

export function volumeRecord(view: ClusterView, pod: string) {
  const obj = view.get('Pod', pod) as Pod | undefined;
  return obj && readPodVolumeFiles(view, obj);
}

/** Steps in which a kubelet rewrote (or failed to rewrite) volume files. */
export function fileSteps(c: Cluster, from = 0): Step[] {
  return c.steps.slice(from).filter((s) => s.actor.startsWith('kubelet/') && /files of volume/.test(s.message));
}

/** The time of the last `Created container <name>` Step: the Pod's last sync before it runs steadily. */
export function createdAt(c: Cluster, container = 'app'): number {
  const steps = c.steps.filter((s) => s.actor.startsWith('kubelet/') && s.message.startsWith(`Created container ${container}`));
  return steps[steps.length - 1].time;
}

export function applyAndRun(c: Cluster, yaml: string, pod: string): void {
  apply(c, yaml);
  runUntil(c, () => status(c, pod).phase === 'Running' && (status(c, pod).conditions ?? []).some((x: Obj) => x.type === 'Ready' && x.status === 'True'));
}

export function ready(c: Cluster | ClusterView, pod: string, container = 'app'): boolean | undefined {
  const s = ((c.get('Pod', pod)?.status ?? {}) as Obj);
  return s.containerStatuses?.find((x: Obj) => x.name === container)?.ready;
}
