/**
 * Which active pods a Job deletes when it has too many: for Indexed Jobs first the duplicates of
 * an index and pods without a valid index; then the pods least far along.
 * upstream: activePodsForRemoval, appendDuplicatedIndexPodsForRemoval (pkg/controller/job),
 * controller.ActivePods (pkg/controller/controller_utils.go)
 */
import type { KubeObject } from '../../api';
import { virtualMs } from '../../core/time';
import { maxRestarts } from '../replicaset/deletionRanking';
import { isPodReady, podPhase, readyCondition } from '../shared/pods';
import { completionIndex, UNKNOWN_INDEX } from './indexes';
import type { JobView } from './jobSpec';

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
const nodeOf = (p: KubeObject) => (p.spec as { nodeName?: string } | undefined)?.nodeName ?? '';

/** upstream ActivePods.Less as a comparator: the pod to delete first sorts first. */
export function compareActivePods(a: KubeObject, b: KubeObject): number {
  const na = nodeOf(a);
  const nb = nodeOf(b);
  if (na !== nb && (!na || !nb)) return !na ? -1 : 1;
  const pa = PHASE_ORDINAL[podPhase(a) ?? ''] ?? 0;
  const pb = PHASE_ORDINAL[podPhase(b) ?? ''] ?? 0;
  if (pa !== pb) return pa - pb;
  const ra = isPodReady(a);
  const rb = isPodReady(b);
  if (ra !== rb) return ra ? 1 : -1;
  if (ra && rb) {
    // upstream afterOrZero: the more recently ready pod first
    const ta = virtualMs(readyCondition(a)?.lastTransitionTime) ?? 0;
    const tb = virtualMs(readyCondition(b)?.lastTransitionTime) ?? 0;
    if (ta !== tb) return tb - ta;
  }
  // upstream compareMaxContainerRestarts: sidecar restarts first, then regular; more restarts first
  const [regularA, sidecarA] = maxRestarts(a);
  const [regularB, sidecarB] = maxRestarts(b);
  if (sidecarA !== sidecarB) return sidecarB - sidecarA;
  if (regularA !== regularB) return regularB - regularA;
  const ca = virtualMs(a.metadata.creationTimestamp) ?? 0;
  const cb = virtualMs(b.metadata.creationTimestamp) ?? 0;
  return cb - ca;
}

const sortActive = (pods: KubeObject[]) => [...pods].sort((a, b) => compareActivePods(a, b) || (a.metadata.name < b.metadata.name ? -1 : 1));

/** Of pods sharing an index, all but the one furthest along go; pods without an index all go. */
function splitDuplicates(pods: KubeObject[], completions: number): { rm: KubeObject[]; left: KubeObject[] } {
  const rm: KubeObject[] = [];
  const left: KubeObject[] = [];
  const byIndex = new Map<number, KubeObject[]>();
  for (const p of pods) {
    const ix = completionIndex(p);
    if (ix === UNKNOWN_INDEX || ix >= completions) rm.push(p);
    else byIndex.set(ix, [...(byIndex.get(ix) ?? []), p]);
  }
  for (const ix of [...byIndex.keys()].sort((a, b) => a - b)) {
    const group = sortActive(byIndex.get(ix)!);
    rm.push(...group.slice(0, -1));
    left.push(group[group.length - 1]);
  }
  return { rm, left };
}

export function activePodsForRemoval(job: JobView, pods: KubeObject[], rmAtLeast: number): KubeObject[] {
  let rm: KubeObject[] = [];
  let left = pods;
  if (job.indexed) ({ rm, left } = splitDuplicates(pods, job.completions ?? 0));
  if (rm.length < rmAtLeast) rm = [...rm, ...sortActive(left).slice(0, rmAtLeast - rm.length)];
  return rm;
}
