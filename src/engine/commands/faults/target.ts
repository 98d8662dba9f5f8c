import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject, RuntimeContainer } from '../../api';
import type { ReconcileContext } from '../../controllers/types';
import { kubeletPodKey } from '../../kubelet/kubelet';

export interface ContainerTarget {
  pod: KubeObject & Pod;
  ref: string;
  container: Container;
  node: string;
  /** The container's newest runtime record, if it was ever created. */
  record?: RuntimeContainer;
}

/** Finds a Pod's container and its runtime record, or the error kubectl would print. */
export function findContainer(ctx: ReconcileContext, podName: string, containerName: string, namespace = 'default'):
  ContainerTarget | { error: string } {
  const pod = ctx.get('Pod', podName, namespace) as (KubeObject & Pod) | undefined;
  if (!pod) return { error: `Error from server (NotFound): pods "${podName}" not found` };
  const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  const container = containers.find((c) => c.name === containerName);
  if (!container) return { error: `Error from server (BadRequest): container ${containerName} is not valid for pod ${podName}` };
  const ref = `${namespace}/${podName}`;
  const node = pod.spec?.nodeName;
  if (!node) return { error: `error: pod ${ref} is not scheduled to a Node yet` };
  const sandboxes = new Set(ctx.runtime(node).sandboxes().filter((b) => b.podUid === pod.metadata.uid).map((b) => b.id));
  const record = ctx.runtime(node).containers().filter((c) => sandboxes.has(c.sandboxId) && c.name === containerName)
    .sort((a, b) => a.attempt - b.attempt || a.createdAt - b.createdAt).pop();
  return { pod, ref, container, node, record };
}

/** Wakes the Pod's kubelet, as the runtime event (PLEG) or the prober would. */
export function wakeKubelet(ctx: ReconcileContext, target: ContainerTarget): void {
  ctx.wake(`kubelet/${target.node}`, kubeletPodKey(target.pod));
}

export function running(target: ContainerTarget): target is ContainerTarget & { record: RuntimeContainer } {
  return target.record?.state === 'CONTAINER_RUNNING';
}
