import type { KubeObject } from '../../api';
import { timestamp } from '../../core/time';

export interface PdbCondition {
  type: string;
  status: string;
  reason: string;
  message: string;
  observedGeneration?: number;
  lastTransitionTime: string;
}

export interface PdbStatus {
  observedGeneration?: number;
  disruptedPods?: Record<string, string>;
  disruptionsAllowed: number;
  currentHealthy: number;
  desiredHealthy: number;
  expectedPods: number;
  conditions?: PdbCondition[];
}

export const pdbStatusOf = (pdb: KubeObject): Partial<PdbStatus> => (pdb.status ?? {}) as Partial<PdbStatus>;

/** upstream apimeta.SetStatusCondition: the transition time moves only when the status changes. */
export function setCondition(conditions: readonly PdbCondition[] | undefined, next: Omit<PdbCondition, 'lastTransitionTime'>, now: number): PdbCondition[] {
  const list = [...(conditions ?? [])];
  const i = list.findIndex((c) => c.type === next.type);
  const previous = i >= 0 ? list[i] : undefined;
  const lastTransitionTime = previous && previous.status === next.status ? previous.lastTransitionTime : timestamp(now);
  const condition = { ...next, lastTransitionTime };
  if (i >= 0) list[i] = condition;
  else list.push(condition);
  return list;
}

/** upstream pdbhelper.UpdateDisruptionAllowedCondition. */
export function disruptionAllowedCondition(status: PdbStatus, now: number): PdbCondition[] {
  const allowed = status.disruptionsAllowed > 0;
  return setCondition(status.conditions, {
    type: 'DisruptionAllowed', status: allowed ? 'True' : 'False', reason: allowed ? 'SufficientPods' : 'InsufficientPods',
    message: '', observedGeneration: status.observedGeneration,
  }, now);
}
