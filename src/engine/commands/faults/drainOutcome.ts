import type { ReconcileContext } from '../../controllers/types';
import { aggregate, planDrain, type DrainOptions } from './drainFilters';

export const daemonSetLookup = (ctx: ReconcileContext) => (namespace: string, name: string) => !!ctx.get('DaemonSet', name, namespace);

/** The Pods bound to `node`, as kubectl lists them (`--field-selector spec.nodeName=<node>`, all namespaces). */
export function podsOnNode(ctx: ReconcileContext, node: string) {
  return ctx.list('Pod', undefined, { field: 'spec.nodeName', value: node })
    .sort((a, b) => {
      const ka = `${a.metadata.namespace}/${a.metadata.name}`;
      const kb = `${b.metadata.namespace}/${b.metadata.name}`;
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
}

/** What RunDrain prints when draining the node failed with `errors` (upstream drain.go RunDrain). */
export function unableToDrain(node: string, errors: readonly string[]): string[] {
  const err = aggregate(errors);
  return [
    `error: unable to drain node "${node}" due to error: ${err}, continuing command...`,
    'There are pending nodes to be drained:',
    ` ${node}`,
    `error: ${err}`,
  ];
}

/** deleteOrEvictPodsSimple after a failed eviction: the Pods still to delete, then RunDrain's lines. */
export function evictionFailed(ctx: ReconcileContext, node: string, options: DrainOptions, errors: readonly string[]): string[] {
  const pending = planDrain(podsOnNode(ctx, node), options, daemonSetLookup(ctx)).evict;
  const lines: string[] = [];
  if (pending.length) {
    lines.push(`There are pending pods in node "${node}" when an error occurred: ${aggregate(errors)}`);
    for (const pod of pending) lines.push(`pod/${pod.metadata.name}`);
  }
  return [...lines, ...unableToDrain(node, errors)];
}
