import type { NodeCondition, NodeStatus, NodeSystemInfo } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api';
import type { ReconcileContext, ReconcileResult } from '../controllers/types';
import { timestamp } from '../core/time';
import { deepEqual } from '../util/objects';
import { imageDigest } from './ids';
import { nodeImages, PAUSE_IMAGE } from './nodeImages';
import { readNodeMemo, writeNodeMemo } from './podMemo';
import { heartbeatOf } from '../controllers/nodelifecycle/heartbeat';

export const KUBELET_VERSION = 'v1.31.2';
export const CONTAINER_RUNTIME_VERSION = 'containerd://1.7.18';

type Healthy = Pick<NodeCondition, 'type' | 'status' | 'reason' | 'message'>;

/** upstream: pkg/kubelet/nodestatus/setters.go — the pressure conditions, then Ready. */
function wantedConditions(networkReady: boolean, memoryPressure: boolean): Healthy[] {
  return [
    memoryPressure
      ? { type: 'MemoryPressure', status: 'True', reason: 'KubeletHasInsufficientMemory', message: 'kubelet has insufficient memory available' }
      : { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
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

/** The event a pressure condition's setter records when its status changes. */
const PRESSURE_EVENTS: Record<string, Record<string, string>> = {
  MemoryPressure: { False: 'NodeHasSufficientMemory', True: 'NodeHasInsufficientMemory' },
  DiskPressure: { False: 'NodeHasNoDiskPressure', True: 'NodeHasDiskPressure' },
  PIDPressure: { False: 'NodeHasSufficientPID', True: 'NodeHasInsufficientPID' },
};

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
  // recorded after the status write, so they join its Step even when a pod sync posts the status
  const events: [string, string][] = [];
  const event = (reason: string, message: string) => void events.push([reason, message]);
  const flush = () => {
    for (const [reason, message] of events) ctx.event(node, 'Normal', reason, message, { component: 'kubelet', host: name });
  };
  // a kubelet started again after stopKubelet boots afresh: start-up events, conditions re-posted
  const bootedAt = heartbeatOf(ctx, node)?.startedAt;
  const first = !memo.started || memo.bootedAt !== bootedAt;
  if (first) {
    rt.addImage(PAUSE_IMAGE);
    event('Starting', 'Starting kubelet.');
  }
  const old = (node.status ?? {}) as NodeStatus;
  const now = timestamp(ctx.now);
  const networkReady = !!(node.spec as { podCIDR?: string } | undefined)?.podCIDR;
  const pressureUntil = memo.memoryPressureUntil;
  const memoryPressure = pressureUntil !== undefined && ctx.now < pressureUntil;
  const conditions = wantedConditions(networkReady, memoryPressure).map((c): NodeCondition => {
    const previous = old.conditions?.find((o) => o.type === c.type);
    const same = previous && previous.status === c.status && previous.reason === c.reason;
    const reason = PRESSURE_EVENTS[c.type]?.[c.status];
    if (reason && previous?.status !== c.status) event(reason, `Node ${name} status is now: ${reason}`);
    return {
      type: c.type, status: c.status,
      lastHeartbeatTime: same ? previous.lastHeartbeatTime : now,
      lastTransitionTime: previous && previous.status === c.status ? previous.lastTransitionTime : now,
      reason: c.reason, message: c.message,
    };
  });
  if (first) event('NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods');
  const wasReady = old.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
  if (networkReady && !wasReady) event('NodeReady', `Node ${name} status is now: NodeReady`);
  if (!networkReady && wasReady) event('NodeNotReady', `Node ${name} status is now: NodeNotReady`);
  const status: NodeStatus = {
    ...old, conditions, daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    nodeInfo: old.nodeInfo ?? nodeInfo(name), images: nodeImages(rt),
  };
  writeNodeMemo(ctx.memo, { ...memo, started: true, bootedAt, ready: networkReady,
    ...(memoryPressure ? {} : { memoryPressureUntil: undefined }) });
  // upstream: the pressure condition stays True for --eviction-pressure-transition-period after the last pressure
  const wake = memoryPressure ? { requeueAfter: pressureUntil - ctx.now } : undefined;
  if (deepEqual(status, old)) {
    if (first) ctx.describe(`kubelet on ${name} started`);
    flush();
    return wake;
  }
  const what = !first && memoryPressure !== (old.conditions?.find((c) => c.type === 'MemoryPressure')?.status === 'True')
    ? (memoryPressure ? ' under MemoryPressure' : ' no longer under MemoryPressure (5m pressure transition period over)')
    : ` ${networkReady ? 'Ready' : 'NotReady'}`;
  const message = first
    ? `kubelet on ${name} started and reported the Node ${networkReady ? 'Ready' : 'NotReady (no pod network yet)'}`
    : `kubelet on ${name} reported the Node${what}`;
  ctx.updateStatus({ ...node, status } as KubeObject, message);
  flush();
  return wake;
}
