import type { CommandResult, KubeObject } from '../../api';
import type { ReconcileContext } from '../../controllers/types';

/**
 * `kubectl cordon|uncordon <node>`: sets or clears spec.unschedulable (the node lifecycle controller
 * then adds or removes the `node.kubernetes.io/unschedulable:NoSchedule` taint).
 * upstream: staging/src/k8s.io/kubectl/pkg/cmd/drain (RunCordonOrUncordon), pkg/drain/cordon.go
 */
export function setUnschedulable(ctx: ReconcileContext, name: string, unschedulable: boolean): CommandResult {
  const node = ctx.get('Node', name);
  if (!node) return { ok: false, message: `Error from server (NotFound): nodes "${name}" not found` };
  const verb = unschedulable ? 'cordoned' : 'uncordoned';
  const current = (node.spec as { unschedulable?: boolean } | undefined)?.unschedulable === true;
  if (current === unschedulable) return { ok: true, message: `node/${name} already ${verb}` };
  const spec = { ...(node.spec as Record<string, unknown>) };
  if (unschedulable) spec.unschedulable = true;
  else delete spec.unschedulable;
  const result = ctx.update({ ...node, spec } as KubeObject, unschedulable
    ? `node/${name} cordoned: spec.unschedulable is true, so no new Pod is scheduled there (its running Pods stay)`
    : `node/${name} uncordoned: spec.unschedulable cleared, new Pods may be scheduled there again`);
  return result.ok ? { ok: true, message: `node/${name} ${verb}` } : { ok: false, message: `Error from server: ${result.message}` };
}
