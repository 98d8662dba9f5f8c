/**
 * Which Pods `kubectl drain` evicts, which it skips, and what it refuses, filter by filter.
 * upstream: staging/src/k8s.io/kubectl/pkg/drain/filters.go (makeFilters, daemonSetFilter,
 * mirrorPodFilter, localStorageFilter, unreplicatedFilter, PodDeleteList.errors/Warnings)
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { DrainOptions, KubeObject } from '../../api';
import { controllerOf } from '../../util/objects';

export type { DrainOptions };

type Verdict = { delete: boolean; kind: 'okay' | 'skip' | 'warning' | 'error'; message?: string };

const okay: Verdict = { delete: true, kind: 'okay' };
const warning = (del: boolean, message: string): Verdict => ({ delete: del, kind: 'warning', message });
const error = (message: string): Verdict => ({ delete: false, kind: 'error', message });

const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
const UNMANAGED_FATAL = 'Pods declare no controller (use --force to override)';
const UNMANAGED_WARNING = 'deleting Pods that declare no controller';

const finished = (pod: KubeObject) => ['Succeeded', 'Failed'].includes((pod.status as { phase?: string } | undefined)?.phase ?? '');

function daemonSetFilter(pod: KubeObject, o: DrainOptions, daemonSetExists: (ns: string, name: string) => boolean): Verdict {
  const ref = controllerOf(pod);
  if (!ref || ref.kind !== 'DaemonSet' || finished(pod)) return okay;
  if (!daemonSetExists(pod.metadata.namespace ?? 'default', ref.name)) {
    const notFound = `daemonsets.apps "${ref.name}" not found`;
    return o.force ? warning(true, notFound) : error(notFound);
  }
  return o.ignoreDaemonSets ? warning(false, DAEMONSET_WARNING) : error(DAEMONSET_FATAL);
}

function mirrorPodFilter(pod: KubeObject): Verdict {
  return pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined ? { delete: false, kind: 'skip' } : okay;
}

function localStorageFilter(pod: KubeObject, o: DrainOptions): Verdict {
  const local = ((pod as Pod).spec?.volumes ?? []).some((v) => v.emptyDir);
  if (!local || finished(pod)) return okay;
  return o.deleteEmptyDirData ? warning(true, LOCAL_STORAGE_WARNING) : error(LOCAL_STORAGE_FATAL);
}

function unreplicatedFilter(pod: KubeObject, o: DrainOptions): Verdict {
  if (finished(pod) || controllerOf(pod)) return okay;
  return o.force ? warning(true, UNMANAGED_WARNING) : error(UNMANAGED_FATAL);
}

export interface DrainPlan {
  evict: KubeObject[];
  /** `ignoring DaemonSet-managed Pods: kube-system/x, …; …` or empty. */
  warnings: string;
  /** `cannot delete <reason>: ns/a, ns/b`, one per reason. */
  errors: string[];
}

const byMessage = (map: Map<string, string[]>) => [...map.keys()].sort().map((m) => [m, map.get(m)!.join(', ')] as const);

/** Runs every Pod through the filters in upstream order; the first one that says "don't delete" decides. */
export function planDrain(pods: readonly KubeObject[], o: DrainOptions, daemonSetExists: (ns: string, name: string) => boolean): DrainPlan {
  const filters = [(p: KubeObject) => daemonSetFilter(p, o, daemonSetExists), mirrorPodFilter,
    (p: KubeObject) => localStorageFilter(p, o), (p: KubeObject) => unreplicatedFilter(p, o)];
  const evict: KubeObject[] = [];
  const warnings = new Map<string, string[]>();
  const errors = new Map<string, string[]>();
  for (const pod of pods) {
    let verdict = okay;
    for (const f of filters) {
      verdict = f(pod);
      if (!verdict.delete) break;
    }
    const name = `${pod.metadata.namespace}/${pod.metadata.name}`;
    if (verdict.kind === 'warning') warnings.set(verdict.message!, [...(warnings.get(verdict.message!) ?? []), name]);
    if (verdict.kind === 'error') errors.set(verdict.message!, [...(errors.get(verdict.message!) ?? []), name]);
    if (verdict.delete) evict.push(pod);
  }
  return {
    evict,
    warnings: byMessage(warnings).map(([m, names]) => `${m}: ${names}`).join('; '),
    errors: byMessage(errors).map(([m, names]) => `cannot delete ${m}: ${names}`),
  };
}

/** Go's utilerrors.Aggregate: one error as itself, several as `[a, b]`. */
export function aggregate(errors: readonly string[]): string {
  return errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`;
}
