/** The StatefulSet fields the controller reads, with upstream's defaults for what is unset. */
import type { PersistentVolumeClaim, PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../api';
import { matchesSelector, type Labels } from '../../util/selectors';

export type RetentionPolicyType = 'Retain' | 'Delete';

export interface StatefulSetSpec {
  replicas?: number;
  selector?: LabelSelector;
  template?: PodTemplateSpec;
  serviceName?: string;
  volumeClaimTemplates?: PersistentVolumeClaim[];
  podManagementPolicy?: 'OrderedReady' | 'Parallel';
  updateStrategy?: { type?: 'RollingUpdate' | 'OnDelete'; rollingUpdate?: { partition?: number } };
  revisionHistoryLimit?: number;
  minReadySeconds?: number;
  ordinals?: { start?: number };
  persistentVolumeClaimRetentionPolicy?: { whenDeleted?: RetentionPolicyType; whenScaled?: RetentionPolicyType };
}

export interface StatefulSetStatus {
  observedGeneration?: number;
  replicas: number;
  readyReplicas?: number;
  currentReplicas?: number;
  updatedReplicas?: number;
  currentRevision?: string;
  updateRevision?: string;
  collisionCount?: number;
  availableReplicas: number;
  conditions?: unknown[];
}

export interface StatefulSetObject extends KubeObject {
  spec: StatefulSetSpec;
  status?: StatefulSetStatus;
}

export const replicasOf = (set: StatefulSetObject): number => set.spec.replicas ?? 1;
export const minReadySecondsOf = (set: StatefulSetObject): number => set.spec.minReadySeconds ?? 0;

/** upstream getStartOrdinal: spec.ordinals.start (StatefulSetStartOrdinal, GA in 1.31), else 0. */
export const startOrdinal = (set: StatefulSetObject): number => set.spec.ordinals?.start ?? 0;

/** upstream getEndOrdinal: the last ordinal in range (start − 1 when there are no replicas). */
export const endOrdinal = (set: StatefulSetObject): number => startOrdinal(set) + replicasOf(set) - 1;

/** upstream allowsBurst: Parallel pod management creates and deletes without ordering. */
export const allowsBurst = (set: StatefulSetObject): boolean => set.spec.podManagementPolicy === 'Parallel';

export const isOnDelete = (set: StatefulSetObject): boolean => set.spec.updateStrategy?.type === 'OnDelete';

export function retentionPolicy(set: StatefulSetObject): { whenDeleted: RetentionPolicyType; whenScaled: RetentionPolicyType } {
  const p = set.spec.persistentVolumeClaimRetentionPolicy;
  return { whenDeleted: p?.whenDeleted ?? 'Retain', whenScaled: p?.whenScaled ?? 'Retain' };
}

/** Whether the set's selector picks these labels; upstream: an empty selector picks nothing. */
export function selects(set: StatefulSetObject, labels: Labels): boolean {
  const s = set.spec.selector;
  if (!s || (!Object.keys(s.matchLabels ?? {}).length && !(s.matchExpressions ?? []).length)) return false;
  return matchesSelector(s, labels);
}
