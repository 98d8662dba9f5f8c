import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api';
import { virtualMs } from '../../core/time';
import { clone } from '../../util/objects';
import { controllerRef } from './ownership';

interface Condition { type: string; status: string; lastTransitionTime?: string }

export const podPhase = (pod: KubeObject) => (pod.status as { phase?: string } | undefined)?.phase;

/** upstream IsPodActive: not Succeeded, not Failed, not being deleted. */
export function isPodActive(pod: KubeObject): boolean {
  const phase = podPhase(pod);
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

export function readyCondition(pod: KubeObject): Condition | undefined {
  return ((pod.status as { conditions?: Condition[] } | undefined)?.conditions ?? []).find((c) => c.type === 'Ready');
}

export function isPodReady(pod: KubeObject): boolean {
  return readyCondition(pod)?.status === 'True';
}

/** upstream IsPodAvailable: Ready for at least minReadySeconds (strictly older than now − minReadySeconds). */
export function isPodAvailable(pod: KubeObject, minReadySeconds: number, now: number): boolean {
  const ready = readyCondition(pod);
  if (ready?.status !== 'True') return false;
  if (!minReadySeconds) return true;
  const since = virtualMs(ready.lastTransitionTime);
  return since !== undefined && since + minReadySeconds * 1000 < now;
}

/** Virtual ms at which a ready Pod becomes available, if it is ready. */
export function availableAt(pod: KubeObject, minReadySeconds: number): number | undefined {
  const ready = readyCondition(pod);
  if (ready?.status !== 'True') return undefined;
  const since = virtualMs(ready.lastTransitionTime) ?? 0;
  return since + minReadySeconds * 1000 + 1;
}

/**
 * upstream GetPodFromTemplate: a Pod from a template, named `<prefix>` + 5 random characters,
 * with the template's labels, annotations and spec and a controller reference to its owner.
 */
export function podFromTemplate(template: PodTemplateSpec | undefined, owner: KubeObject, generateNamePrefix: string,
  extraLabels: Record<string, string> = {}): Partial<KubeObject> & { kind: string; apiVersion: string } {
  const t = clone(template ?? {}) as PodTemplateSpec;
  const metadata: Record<string, unknown> = {
    generateName: generateNamePrefix,
    namespace: owner.metadata.namespace,
    labels: { ...(t.metadata?.labels ?? {}), ...extraLabels },
    ownerReferences: [controllerRef(owner)],
  };
  if (t.metadata?.annotations) metadata.annotations = t.metadata.annotations;
  if (t.metadata?.finalizers) metadata.finalizers = t.metadata.finalizers;
  return { apiVersion: 'v1', kind: 'Pod', metadata: metadata as never, spec: t.spec as never };
}
