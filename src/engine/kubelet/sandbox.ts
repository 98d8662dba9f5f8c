import type { RuntimeSandbox } from '../api';
import { runtimeId } from './ids';
import { allocatePodIP, numberToIp, podRange } from './ipam';
import { PAUSE_IMAGE } from './nodeImages';
import { act, podEvent, sandboxOf, wake, type PodSync } from './podSync';

const RETRY_MS = 10_000;

/**
 * SyncPod step 4: the pause container that holds the pod's network namespace, with an IP from
 * the Node's podCIDR (host-local IPAM). No Event on success, like upstream.
 * Returns 'ready' when a ready sandbox exists, 'acted' when this call created one or reported why
 * it could not, 'blocked' when it must wait.
 */
export function ensureSandbox(s: PodSync): 'ready' | 'acted' | 'blocked' {
  const existing = sandboxOf(s);
  if (existing?.state === 'SANDBOX_READY') return 'ready';
  const cidr = (s.nodeObject?.spec as { podCIDR?: string } | undefined)?.podCIDR;
  const id = runtimeId(s.ctx.rng);
  if (s.pod.spec?.hostNetwork) return putSandbox(s, id, s.hostIP, 'in the node\'s network namespace');
  if (!cidr) return sandboxFailed(s, `failed to setup network for sandbox "${id}": cni plugin not initialized`);
  const inUse = new Set(s.rt.sandboxes().filter((b) => b.state === 'SANDBOX_READY').map((b) => b.ip));
  const ip = allocatePodIP(cidr, s.nodeMemo.lastIP, inUse);
  if (!ip) {
    const range = podRange(cidr);
    const span = range ? `${numberToIp(range.first - 1)}-${numberToIp(range.last)}` : cidr;
    return sandboxFailed(s, `failed to setup network for sandbox "${id}": plugin type="host-local" failed (add): ` +
      `failed to allocate for range 0: no IP addresses available in range set: ${span}`);
  }
  s.nodeMemo = { ...s.nodeMemo, lastIP: ip };
  return putSandbox(s, id, ip, `with IP ${ip}`);
}

function putSandbox(s: PodSync, id: string, ip: string, how: string): 'acted' {
  const sandbox: RuntimeSandbox = {
    id, pod: s.pod.metadata.name, namespace: s.pod.metadata.namespace ?? 'default', podUid: s.uid,
    state: 'SANDBOX_READY', ip, image: PAUSE_IMAGE, createdAt: s.now,
  };
  s.rt.putSandbox(sandbox);
  s.rt.addImage(PAUSE_IMAGE);
  act(s, `Created the pod sandbox (pause container) ${how}`);
  return 'acted';
}

/** Warning FailedCreatePodSandBox, once per retry period. */
function sandboxFailed(s: PodSync, detail: string): 'acted' | 'blocked' {
  const last = s.memo.noticed['sandbox'];
  if (last !== undefined && s.now < last + RETRY_MS) {
    wake(s, last + RETRY_MS);
    return 'blocked';
  }
  podEvent(s, 'Warning', 'FailedCreatePodSandBox', `Failed to create pod sandbox: rpc error: code = Unknown desc = ${detail}`);
  s.memo = { ...s.memo, noticed: { ...s.memo.noticed, sandbox: s.now } };
  act(s, `Could not create the pod sandbox: ${detail}`);
  wake(s, s.now + RETRY_MS);
  return 'acted';
}
