import type { KubeObject } from '../../api';
import { deepEqual, objectKey, splitKey } from '../../util/objects';
import type { Controller, ReconcileContext, ReconcileResult } from '../types';
import { expectedScale } from './expectedScale';
import { countHealthy, disruptedPodMap, disruptionsAllowed, expectedPodCount, type PdbSpec } from './pdbMath';
import { disruptionAllowedCondition, pdbStatusOf, setCondition, type PdbStatus } from './pdbStatus';
import { pdbSelects, podsForPdb } from './selectPods';

const keyOf = (obj: KubeObject) => objectKey(obj.metadata.namespace, obj.metadata.name);

/** upstream: the disruption controller's recorder reports as `controllermanager`. */
const SOURCE = { component: 'controllermanager' };

/**
 * disruption-controller: keeps each PodDisruptionBudget's status — how many selected Pods are
 * healthy (Ready), how many must stay so, and so how many voluntary disruptions (evictions) are
 * allowed right now. upstream: pkg/controller/disruption/disruption.go
 */
export const disruptionController: Controller = {
  name: 'disruption-controller',
  watches: [
    { kind: 'PodDisruptionBudget', map: (pdb) => [keyOf(pdb)] },
    { kind: 'Pod', map: (pod, old, lister) => {
      const pdbs = lister.list('PodDisruptionBudget', pod.metadata.namespace);
      if (!pdbs.length) return [];
      return pdbs.filter((pdb) => pdbSelects(pdb, pod) || (old && pdbSelects(pdb, old))).map(keyOf);
    } },
  ],
  reconcile(key, ctx) {
    const { namespace, name } = splitKey(key);
    const pdb = ctx.get('PodDisruptionBudget', name, namespace);
    if (!pdb || pdb.metadata.deletionTimestamp) return;
    return sync(ctx, pdb);
  },
};

function sync(ctx: ReconcileContext, pdb: KubeObject): ReconcileResult | void {
  const pods = podsForPdb(ctx, pdb);
  if (pods.length === 0) ctx.event(pdb, 'Normal', 'NoPods', 'No matching pods found', SOURCE);
  const spec = (pdb.spec ?? {}) as PdbSpec & { selector?: unknown };
  let unmanaged: string[] = [];
  const counts = expectedPodCount(spec, pods.length, () => {
    const scale = expectedScale(ctx, pods);
    if (scale instanceof Error) return scale;
    unmanaged = scale.unmanaged;
    return scale.expected;
  });
  if (counts instanceof Error) {
    ctx.event(pdb, 'Warning', 'CalculateExpectedPodCountFailed', `Failed to calculate the number of expected pods: ${counts.message}`, SOURCE);
    return failSafe(ctx, pdb, counts.message);
  }
  if (unmanaged.length) {
    ctx.event(pdb, 'Warning', 'UnmanagedPods', `Pods selected by this PodDisruptionBudget (selector: ${goSelector(spec.selector)}) were found ` +
      'to be unmanaged. As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. ' +
      'To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.', SOURCE);
  }
  const old = pdbStatusOf(pdb);
  const { disrupted, recheckAt, overdue } = disruptedPodMap(pods, old.disruptedPods, ctx.now);
  for (const pod of overdue) {
    ctx.event(pod, 'Warning', 'NotDeleted', `Pod was expected by PDB ${pdb.metadata.namespace}/${pdb.metadata.namespace} to be deleted but it wasn't`, SOURCE);
  }
  const current = countHealthy(pods, disrupted, ctx.now);
  const status: PdbStatus = {
    observedGeneration: pdb.metadata.generation,
    ...(Object.keys(disrupted).length ? { disruptedPods: disrupted } : {}),
    disruptionsAllowed: disruptionsAllowed(current, counts.desired, counts.expected),
    currentHealthy: current, desiredHealthy: counts.desired, expectedPods: counts.expected,
    conditions: old.conditions,
  };
  status.conditions = disruptionAllowedCondition(status, ctx.now);
  const requeue = recheckAt !== undefined ? { requeueAfter: Math.max(0, recheckAt - ctx.now) } : undefined;
  if (deepEqual(status, old)) return requeue;
  const ref = `${pdb.metadata.namespace}/${pdb.metadata.name}`;
  ctx.updateStatus({ ...pdb, status } as KubeObject,
    `PodDisruptionBudget ${ref}: ${current} of ${counts.expected} expected Pods healthy, ${counts.desired} must stay healthy, ` +
    `so ${status.disruptionsAllowed} disruption${status.disruptionsAllowed === 1 ? ' is' : 's are'} allowed`);
  return requeue;
}

/** upstream failSafe: no disruption allowed while the status cannot be computed. */
function failSafe(ctx: ReconcileContext, pdb: KubeObject, message: string): void {
  const old = pdbStatusOf(pdb);
  const conditions = setCondition(old.conditions, { type: 'DisruptionAllowed', status: 'False', reason: 'SyncFailed', message,
    observedGeneration: old.observedGeneration }, ctx.now);
  const status = { ...old, disruptionsAllowed: 0, conditions };
  if (deepEqual(status, old)) return;
  ctx.updateStatus({ ...pdb, status } as KubeObject,
    `PodDisruptionBudget ${pdb.metadata.namespace}/${pdb.metadata.name}: no disruption allowed, its status cannot be computed: ${message}`);
}

/** Go's %v of a *metav1.LabelSelector: `&LabelSelector{MatchLabels:map[string]string{app: web,},MatchExpressions:[]LabelSelectorRequirement{},}`. */
function goSelector(selector: unknown): string {
  const s = (selector ?? {}) as { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] };
  const labels = Object.keys(s.matchLabels ?? {}).sort().map((k) => `${k}: ${s.matchLabels![k]},`).join('');
  const exprs = (s.matchExpressions ?? []).map((e) =>
    `LabelSelectorRequirement{Key:${e.key},Operator:${e.operator},Values:[${(e.values ?? []).join(' ')}],}`).join(',');
  return `&LabelSelector{MatchLabels:map[string]string{${labels}},MatchExpressions:[]LabelSelectorRequirement{${exprs}},}`;
}

