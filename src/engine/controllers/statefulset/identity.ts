/**
 * A StatefulSet Pod's stable identity: its ordinal name, network identity, identity labels and
 * the claims it mounts. upstream: pkg/controller/statefulset/stateful_set_utils.go
 */
import type { PersistentVolumeClaim, Volume } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api';
import { clone } from '../../util/objects';
import { endOrdinal, startOrdinal, type StatefulSetObject } from './statefulSetSpec';

export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';

const STATEFUL_POD_NAME = /^(.*)-([0-9]+)$/;
const MAX_INT32 = 2 ** 31 - 1;

/** upstream getParentNameAndOrdinal: `web-12` → web, 12; a name without an ordinal → '', −1. */
export function parentAndOrdinal(podName: string): { parent: string; ordinal: number } {
  const m = STATEFUL_POD_NAME.exec(podName);
  if (!m) return { parent: '', ordinal: -1 };
  const n = Number(m[2]);
  return { parent: m[1], ordinal: n <= MAX_INT32 ? n : -1 };
}

export const ordinalOf = (pod: KubeObject): number => parentAndOrdinal(pod.metadata.name).ordinal;

export const podName = (set: KubeObject, ordinal: number): string => `${set.metadata.name}-${ordinal}`;

/** `<template>-<set>-<ordinal>`, e.g. www-web-0. */
export const claimName = (set: KubeObject, template: PersistentVolumeClaim, ordinal: number): string =>
  `${template.metadata?.name ?? ''}-${set.metadata.name}-${ordinal}`;

/** upstream isMemberOf: the Pod's name says it belongs to this set. */
export const isMemberOf = (set: KubeObject, pod: KubeObject): boolean =>
  parentAndOrdinal(pod.metadata.name).parent === set.metadata.name;

export function podInOrdinalRange(pod: KubeObject, set: StatefulSetObject): boolean {
  const ordinal = ordinalOf(pod);
  return ordinal >= startOrdinal(set) && ordinal <= endOrdinal(set);
}

/** upstream identityMatches: name, namespace and the pod-name label agree with the ordinal. */
export function identityMatches(set: StatefulSetObject, pod: KubeObject): boolean {
  const { parent, ordinal } = parentAndOrdinal(pod.metadata.name);
  return ordinal >= 0 && parent === set.metadata.name && pod.metadata.name === podName(set, ordinal) &&
    pod.metadata.namespace === set.metadata.namespace && pod.metadata.labels?.[POD_NAME_LABEL] === pod.metadata.name;
}

/** upstream updateIdentity: the identity labels (pod-name, and pod-index since 1.28). */
export function updateIdentity(set: StatefulSetObject, pod: KubeObject): void {
  const ordinal = ordinalOf(pod);
  pod.metadata.name = podName(set, ordinal);
  pod.metadata.namespace = set.metadata.namespace;
  pod.metadata.labels = { ...(pod.metadata.labels ?? {}), [POD_NAME_LABEL]: pod.metadata.name, [POD_INDEX_LABEL]: String(ordinal) };
}

/**
 * upstream getPersistentVolumeClaims: one claim per volumeClaimTemplate, named for the Pod's ordinal,
 * labelled with the set's selector matchLabels, in template order.
 */
export function claimsFor(set: StatefulSetObject, pod: KubeObject): { template: string; claim: KubeObject }[] {
  const ordinal = ordinalOf(pod);
  return (set.spec.volumeClaimTemplates ?? []).map((template) => {
    const claim = clone(template) as unknown as KubeObject;
    const { creationTimestamp: _unset, ...rest } = (claim.metadata ?? {}) as Partial<KubeObject['metadata']>;
    const metadata = rest as KubeObject['metadata'];
    metadata.name = claimName(set, template, ordinal);
    metadata.namespace = set.metadata.namespace;
    metadata.labels = { ...(metadata.labels ?? {}), ...(set.spec.selector?.matchLabels ?? {}) };
    claim.apiVersion = 'v1';
    claim.kind = 'PersistentVolumeClaim';
    claim.metadata = metadata;
    delete (claim as { status?: unknown }).status;
    return { template: template.metadata?.name ?? '', claim };
  });
}

/** upstream storageMatches: every claim template is mounted under its name from the right claim. */
export function storageMatches(set: StatefulSetObject, pod: KubeObject): boolean {
  const ordinal = ordinalOf(pod);
  if (ordinal < 0) return false;
  const volumes = new Map(((pod.spec as { volumes?: Volume[] } | undefined)?.volumes ?? []).map((v) => [v.name, v]));
  return (set.spec.volumeClaimTemplates ?? []).every((t) =>
    volumes.get(t.metadata?.name ?? '')?.persistentVolumeClaim?.claimName === claimName(set, t, ordinal));
}

/** upstream updateStorage: the claim volumes first, then the template's other volumes. */
export function updateStorage(set: StatefulSetObject, pod: KubeObject): void {
  const spec = (pod.spec ??= {}) as { volumes?: Volume[] };
  const claims = claimsFor(set, pod);
  if (!claims.length) return;
  const names = new Set(claims.map((c) => c.template));
  const volumes: Volume[] = claims.map((c) => ({ name: c.template, persistentVolumeClaim: { claimName: c.claim.metadata.name } }));
  spec.volumes = [...volumes, ...(spec.volumes ?? []).filter((v) => !names.has(v.name))];
}
