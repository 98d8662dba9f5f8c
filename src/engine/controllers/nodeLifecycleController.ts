import type { KubeObject } from '../api';
import { clone } from '../util/objects';
import { timestamp } from '../core/time';
import type { Controller } from './types';

interface Taint { key: string; value?: string; effect: string; timeAdded?: string }

const UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';
const NOT_READY = 'node.kubernetes.io/not-ready';

function readyStatus(node: KubeObject): string | undefined {
  const conditions = (node.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions;
  return conditions?.find((c) => c.type === 'Ready')?.status;
}

/**
 * node-lifecycle-controller, TaintNodesByCondition part: a cordoned Node carries
 * `node.kubernetes.io/unschedulable:NoSchedule`, a Node whose kubelet has not reported Ready
 * carries `node.kubernetes.io/not-ready:NoSchedule`.
 */
export const nodeLifecycleController: Controller = {
  name: 'node-lifecycle-controller',
  watches: [{ kind: 'Node', map: (node) => [node.metadata.name] }],
  reconcile(key, ctx) {
    const node = ctx.get('Node', key);
    if (!node) return;
    const spec = (node.spec ?? {}) as { unschedulable?: boolean; taints?: Taint[] };
    const wanted: Record<string, boolean> = {
      [UNSCHEDULABLE]: spec.unschedulable === true,
      [NOT_READY]: readyStatus(node) !== 'True',
    };
    const taints = spec.taints ?? [];
    let next = taints.filter((t) => !(t.key in wanted && t.effect === 'NoSchedule' && !wanted[t.key]));
    const added: string[] = [];
    for (const [taintKey, want] of Object.entries(wanted)) {
      if (want && !next.some((t) => t.key === taintKey && t.effect === 'NoSchedule')) {
        next = [...next, { key: taintKey, effect: 'NoSchedule', timeAdded: timestamp(ctx.now) }];
        added.push(taintKey);
      }
    }
    if (next.length === taints.length && added.length === 0) return;
    const updated = clone(node) as KubeObject & { spec: Record<string, unknown> };
    updated.spec = { ...(updated.spec ?? {}) };
    if (next.length) updated.spec.taints = next;
    else delete updated.spec.taints;
    const removed = taints.filter((t) => !next.includes(t)).map((t) => t.key);
    const what = [...added.map((k) => `added taint ${k}:NoSchedule`), ...removed.map((k) => `removed taint ${k}:NoSchedule`)];
    ctx.update(updated, `Node ${key}: ${what.join(', ')}`);
  },
};
