import type { Pod, PodSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api';
import type { Controller, StoreReader } from '../controllers/types';
import { kubeletStopped } from '../controllers/nodelifecycle/heartbeat';
import { syncNode } from './nodeStatus';
import { syncPod } from './syncPod';
import { volumeWatches } from './volumes';
import { volumeObjects } from './volumePayload';

const nodeOf = (pod: KubeObject | undefined) => (pod?.spec as { nodeName?: string } | undefined)?.nodeName;
const podKey = (pod: KubeObject) => `pod/${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;

/** The work-queue keys of a kubelet: its Node's status, and each Pod bound to it. */
export function kubeletKeys(nodeName: string, pods: readonly KubeObject[]): string[] {
  return [`node/${nodeName}`, ...pods.filter((p) => nodeOf(p) === nodeName).map(podKey).sort()];
}

export const kubeletPodKey = podKey;

/** Whether a pod spec reads a ConfigMap or Secret (volumes, env, envFrom). */
function usesObject(spec: PodSpec | undefined, kind: 'ConfigMap' | 'Secret', name: string): boolean {
  if (!spec) return false;
  // optional sources too: one created or edited later changes the volume's files
  if ((spec.volumes ?? []).some((v) => volumeObjects(v).some((s) => s.kind === kind && s.name === name))) return true;
  return [...(spec.initContainers ?? []), ...spec.containers].some((c) =>
    (c.envFrom ?? []).some((e) => (kind === 'ConfigMap' ? e.configMapRef?.name : e.secretRef?.name) === name) ||
    (c.env ?? []).some((e) => (kind === 'ConfigMap' ? e.valueFrom?.configMapKeyRef?.name : e.valueFrom?.secretKeyRef?.name) === name));
}

/**
 * The kubelet of one Node (actor `kubelet/<node>`): runs the pods bound to the Node through the
 * simulated container runtime, and keeps the Node's status. Keys: `pod/<namespace>/<name>` and
 * `node/<name>`. All bookkeeping lives in the versioned memo and the runtime records.
 */
export function createKubelet(nodeName: string): Controller {
  const pendingUsers = (kind: 'ConfigMap' | 'Secret') => (obj: KubeObject, _old: KubeObject | undefined, lister: StoreReader) =>
    (lister.list('Pod', obj.metadata.namespace, { field: 'spec.nodeName', value: nodeName }) as (KubeObject & Pod)[])
      .filter((p) => usesObject(p.spec, kind, obj.metadata.name))
      .map(podKey);
  return {
    name: `kubelet/${nodeName}`,
    watches: [
      { kind: 'Pod', map: (pod, old) => (nodeOf(pod) === nodeName || nodeOf(old) === nodeName ? [podKey(pod)] : []) },
      { kind: 'Node', map: (node) => (node.metadata.name === nodeName ? [`node/${nodeName}`] : []) },
      { kind: 'ConfigMap', map: pendingUsers('ConfigMap') },
      { kind: 'Secret', map: pendingUsers('Secret') },
      ...volumeWatches(nodeName),
    ],
    reconcile(key, ctx) {
      // a stopped kubelet (stopKubelet) does nothing at all; startKubelet queues all its keys again
      if (kubeletStopped(ctx, nodeName)) return;
      if (key.startsWith('node/')) return syncNode(ctx, nodeName);
      const [, namespace, name] = key.split('/');
      return syncPod(ctx, nodeName, namespace, name);
    },
  };
}
