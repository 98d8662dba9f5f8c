import type { NodeCondition, NodeStatus, NodeSystemInfo } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api';
import type { ReconcileContext, ReconcileResult } from '../controllers/types';
import { timestamp } from '../core/time';
import { deepEqual } from '../util/objects';
import { imageDigest } from './ids';
import { nodeImages, PAUSE_IMAGE } from './nodeImages';
import { readNodeMemo, writeNodeMemo } from './podMemo';

export const KUBELET_VERSION = 'v1.31.2';
export const CONTAINER_RUNTIME_VERSION = 'containerd://1.7.18';

type Healthy = Pick<NodeCondition, 'type' | 'status' | 'reason' | 'message'>;

/** upstream: pkg/kubelet/nodestatus/setters.go — the pressure conditions, then Ready. */
function wantedConditions(networkReady: boolean): Healthy[] {
  return [
    { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
    { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
    { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
    networkReady
      ? { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }
      : {
        type: 'Ready', status: 'False', reason: 'KubeletNotReady',
        message: 'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady ' +
          'message:Network plugin returns error: cni plugin not initialized',
      },
  ];
}

/** Stable per-node identifiers (a pure function of the name, so they cost no randomness). */
function hex(seed: string, length: number): string {
  return imageDigest(seed).slice('sha256:'.length, 'sha256:'.length + length);
}

function uuid(seed: string): string {
  const h = hex(seed, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function nodeInfo(name: string): NodeSystemInfo {
  return {
    architecture: 'amd64', bootID: uuid(`${name}/boot`), containerRuntimeVersion: CONTAINER_RUNTIME_VERSION,
    kernelVersion: '6.8.0-1017-gcp', kubeProxyVersion: KUBELET_VERSION, kubeletVersion: KUBELET_VERSION,
    machineID: hex(`${name}/machine-id`, 32), operatingSystem: 'linux', osImage: 'Debian GNU/Linux 12 (bookworm)',
    systemUUID: uuid(`${name}/system-uuid`),
  };
}

/**
 * The kubelet's Node status sync: conditions (Ready once the pod network — the podCIDR — is
 * there), node info, images, daemon endpoints; the start-up Events the first time it runs.
 */
export function syncNode(ctx: ReconcileContext, name: string): ReconcileResult | void {
  const node = ctx.get('Node', name);
  if (!node) return;
  const memo = readNodeMemo(ctx.memo);
  const rt = ctx.runtime(name);
  const event = (reason: string, message: string) => ctx.event(node, 'Normal', reason, message, { component: 'kubelet', host: name });
  const first = !memo.started;
  if (first) {
    rt.addImage(PAUSE_IMAGE);
    event('Starting', 'Starting kubelet.');
    for (const reason of ['NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID']) {
      event(reason, `Node ${name} status is now: ${reason}`);
    }
    event('NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods');
  }
  const old = (node.status ?? {}) as NodeStatus;
  const now = timestamp(ctx.now);
  const networkReady = !!(node.spec as { podCIDR?: string } | undefined)?.podCIDR;
  const conditions = wantedConditions(networkReady).map((c): NodeCondition => {
    const previous = old.conditions?.find((o) => o.type === c.type);
    const same = previous && previous.status === c.status && previous.reason === c.reason;
    return {
      type: c.type, status: c.status,
      lastHeartbeatTime: same ? previous.lastHeartbeatTime : now,
      lastTransitionTime: previous && previous.status === c.status ? previous.lastTransitionTime : now,
      reason: c.reason, message: c.message,
    };
  });
  const wasReady = old.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
  if (networkReady && !wasReady) event('NodeReady', `Node ${name} status is now: NodeReady`);
  if (!networkReady && wasReady) event('NodeNotReady', `Node ${name} status is now: NodeNotReady`);
  const status: NodeStatus = {
    ...old, conditions, daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    nodeInfo: old.nodeInfo ?? nodeInfo(name), images: nodeImages(rt),
  };
  writeNodeMemo(ctx.memo, { ...memo, started: true, ready: networkReady });
  if (deepEqual(status, old)) {
    if (first) ctx.describe(`kubelet on ${name} started`);
    return;
  }
  const message = first
    ? `kubelet on ${name} started and reported the Node ${networkReady ? 'Ready' : 'NotReady (no pod network yet)'}`
    : `kubelet on ${name} reported the Node ${networkReady ? 'Ready' : 'NotReady'}`;
  ctx.updateStatus({ ...node, status } as KubeObject, message);
}
