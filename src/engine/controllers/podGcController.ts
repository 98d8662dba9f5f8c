import { objectKey, splitKey } from '../util/objects';
import type { Controller } from './types';

/** upstream podgc: a Pod on a Node that is gone is deleted after this quarantine (the Node might come back). */
const ORPHAN_QUARANTINE_MS = 40_000;

/**
 * pod-garbage-collector (PodGC): force-deletes Pods bound to Nodes that no longer exist, after
 * the quarantine, marking them first as upstream does (DisruptionTarget, reason DeletionByPodGC).
 */
export const podGcController: Controller = {
  name: 'pod-garbage-collector',
  watches: [
    { kind: 'Node', map: (node, _old, lister) => (lister.get('Node', node.metadata.name) ? [] :
      lister.list('Pod', undefined, { field: 'spec.nodeName', value: node.metadata.name })
        .map((p) => objectKey(p.metadata.namespace, p.metadata.name))) },
    { kind: 'Pod', map: (pod, _old, lister) => {
      const node = (pod.spec as { nodeName?: string }).nodeName;
      return node && !lister.get('Node', node) && lister.get('Pod', pod.metadata.name, pod.metadata.namespace)
        ? [objectKey(pod.metadata.namespace, pod.metadata.name)] : [];
    } },
  ],
  reconcile(key, ctx) {
    const { namespace, name } = splitKey(key);
    const pod = ctx.get('Pod', name, namespace);
    const nodeName = (pod?.spec as { nodeName?: string } | undefined)?.nodeName;
    if (!pod || !nodeName || ctx.get('Node', nodeName)) {
      ctx.memo.delete(`orphan/${key}`);
      return;
    }
    const since = ctx.memo.get<number>(`orphan/${key}`);
    if (since === undefined) {
      ctx.memo.set(`orphan/${key}`, ctx.now);
      return { requeueAfter: ORPHAN_QUARANTINE_MS };
    }
    if (ctx.now < since + ORPHAN_QUARANTINE_MS) return { requeueAfter: since + ORPHAN_QUARANTINE_MS - ctx.now };
    ctx.memo.delete(`orphan/${key}`);
    ctx.delete('Pod', name, namespace, { gracePeriodSeconds: 0 },
      `Force-deleted Pod ${namespace}/${name}: its Node ${nodeName} no longer exists (PodGC, after a 40s quarantine)`);
  },
};
