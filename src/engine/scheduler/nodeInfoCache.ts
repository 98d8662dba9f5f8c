import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { Memo } from '../controllers/types';
import { newNodeInfo, type NodeInfo } from './framework';

interface Entry { node: Node; pods: Pod[]; info: NodeInfo }

const isTerminal = (pod: Pod) => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';

/**
 * The scheduler cache, like upstream's: NodeInfos are rebuilt only for Nodes whose object or set
 * of Pods changed since the last cycle (stored objects are immutable, so identity tells).
 * Derived from the store alone; dropping it changes nothing but speed.
 */
export function nodeInfoSnapshot(memo: Memo, nodes: readonly Node[], pods: readonly Pod[]): NodeInfo[] {
  const cache = memo.get<Map<string, Entry>>('nodeInfoCache') ?? new Map<string, Entry>();
  const byNode = new Map<string, Pod[]>();
  for (const pod of pods) {
    const nodeName = pod.spec?.nodeName;
    if (!nodeName || isTerminal(pod)) continue;
    let list = byNode.get(nodeName);
    if (!list) byNode.set(nodeName, (list = []));
    list.push(pod);
  }
  const next = new Map<string, Entry>();
  const infos = nodes.map((node) => {
    const name = node.metadata?.name ?? '';
    const nodePods = byNode.get(name) ?? [];
    const hit = cache.get(name);
    if (hit && hit.node === node && hit.pods.length === nodePods.length && hit.pods.every((p, i) => p === nodePods[i])) {
      next.set(name, hit);
      return hit.info;
    }
    const info = newNodeInfo(node, nodePods);
    next.set(name, { node, pods: nodePods, info });
    return info;
  });
  memo.set('nodeInfoCache', next);
  return infos;
}
