/**
 * The scheduler's Reserve and PreBind for volumes: once a node is chosen, reserve the matching
 * volumes (claimRef) and ask for the rest to be provisioned there (selected-node), then wait, up
 * to 10 minutes, until every claim is bound before the Pod itself is bound to the node.
 * upstream: volumebinding/binder.go (AssumePodVolumes, BindPodVolumes, checkBindings), bindTimeout 600s
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api';
import { clone } from '../../util/objects';
import type { ReconcileContext } from '../types';
import { claimReference } from './binding';
import { ANN_BOUND_BY_CONTROLLER, ANN_SELECTED_NODE } from './constants';
import { findPodVolumes, isClaimFullyBound, podVolumeClaims } from './podVolumes';
import type { ClaimObject, VolumeObject } from './storageClasses';
import { volumeFitsNode } from './volumeMatch';

/** upstream: the binder polls every second, up to bindTimeoutSeconds (600). */
const POLL_MS = 1_000;
const BIND_TIMEOUT_MS = 600_000;

export type PreBindOutcome =
  | { kind: 'bind' }
  | { kind: 'wait'; requeueAfter: number }
  | { kind: 'failed'; message: string };

interface Assumed { node: string; since: number; why: string; bindings: { claim: string; volume: string }[]; provisions: string[] }

const memoKey = (pod: Pod) => `volumeBinding/${pod.metadata?.uid}`;
const failed = (why: string): PreBindOutcome => ({ kind: 'failed', message: `running PreBind plugin "VolumeBinding": binding volumes: ${why}` });

/** upstream checkBindings: bind the Pod once every claim it reserved or asked for is fully bound. */
function checkBindings(ctx: ReconcileContext, pod: Pod, a: Assumed): PreBindOutcome {
  if (ctx.now >= a.since + BIND_TIMEOUT_MS) return failed('context deadline exceeded');
  const node = ctx.get('Node', a.node) as unknown as Node | undefined;
  if (!node) return failed(`node "${a.node}" not found`);
  const ns = pod.metadata?.namespace;
  let done = true;
  for (const b of a.bindings) {
    const pv = ctx.get('PersistentVolume', b.volume) as VolumeObject | undefined;
    const claim = ctx.get('PersistentVolumeClaim', b.claim, ns) as ClaimObject | undefined;
    if (!pv || !claim) return failed(`failed to check binding: ${!pv ? `pv "${b.volume}"` : `pvc "${ns}/${b.claim}"`} not found`);
    if (!volumeFitsNode(pv, node)) return failed(`pv "${b.volume}" node affinity doesn't match node "${a.node}"`);
    if (!pv.spec?.claimRef?.uid) return failed(`ClaimRef got reset for pv "${b.volume}"`);
    if (!isClaimFullyBound(claim)) done = false;
  }
  for (const name of a.provisions) {
    const claim = ctx.get('PersistentVolumeClaim', name, ns) as ClaimObject | undefined;
    if (!claim) return failed(`failed to check provisioning pvc: pvc "${ns}/${name}" not found`);
    if (claim.metadata.annotations?.[ANN_SELECTED_NODE] !== a.node) return failed(`provisioning failed for PVC "${name}"`);
    const pv = claim.spec?.volumeName ? ctx.get('PersistentVolume', claim.spec.volumeName) as VolumeObject | undefined : undefined;
    if (pv && !volumeFitsNode(pv, node)) return failed(`pv "${pv.metadata.name}" node affinity doesn't match node "${a.node}"`);
    if (!isClaimFullyBound(claim)) done = false;
  }
  return done ? { kind: 'bind' } : { kind: 'wait', requeueAfter: POLL_MS };
}

/**
 * Reserve + PreBind for a Pod placed on `node` (`why` is kept for the bind Step). Writes the
 * reservations (one Step each) and tells the scheduler whether it may bind the Pod now.
 */
export function reservePodVolumes(ctx: ReconcileContext, pod: Pod, nodeName: string, why: string): PreBindOutcome {
  const claims = podVolumeClaims(pod, ctx);
  if ('error' in claims || !claims.delayed.length) return { kind: 'bind' };
  const node = ctx.get('Node', nodeName) as unknown as Node | undefined;
  if (!node) return failed(`node "${nodeName}" not found`);
  const plan = findPodVolumes(claims, node, ctx);
  const podName = `${pod.metadata?.namespace}/${pod.metadata?.name}`;
  for (const { claim, volume } of plan.bindings) {
    const next = clone(volume) as KubeObject & VolumeObject;
    next.spec = { ...(next.spec ?? {}), claimRef: claimReference(claim) };
    next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [ANN_BOUND_BY_CONTROLLER]: 'yes' };
    const r = ctx.update(next, `Scheduler reserves PersistentVolume ${volume.metadata.name} for claim ${claim.metadata.name} of Pod ` +
      `${podName}: the claim waits for its first consumer, and this is the smallest fitting volume usable on ${nodeName}`);
    if (!r.ok) return failed(r.message);
  }
  for (const claim of plan.provisions) {
    const next = clone(claim);
    next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [ANN_SELECTED_NODE]: nodeName };
    const r = ctx.update(next, `Scheduler picks ${nodeName} for Pod ${podName} and asks for claim ${claim.metadata.name} to be ` +
      `provisioned there (${ANN_SELECTED_NODE}): its class binds WaitForFirstConsumer`);
    if (!r.ok) return failed(r.message);
  }
  const assumed: Assumed = {
    node: nodeName, since: ctx.now, why,
    bindings: plan.bindings.map((b) => ({ claim: b.claim.metadata.name, volume: b.volume.metadata.name })),
    provisions: plan.provisions.map((c) => c.metadata.name),
  };
  const outcome = checkBindings(ctx, pod, assumed);
  if (outcome.kind === 'wait') ctx.memo.set(memoKey(pod), assumed);
  return outcome;
}

/** A Pod waiting in PreBind: whether its volumes are bound by now. Undefined when it is not waiting. */
export function resumePodVolumes(ctx: ReconcileContext, pod: Pod): { node: string; why: string; outcome: PreBindOutcome } | undefined {
  const assumed = ctx.memo.get<Assumed>(memoKey(pod));
  if (!assumed) return undefined;
  const outcome = checkBindings(ctx, pod, assumed);
  if (outcome.kind !== 'wait') ctx.memo.delete(memoKey(pod));
  return { node: assumed.node, why: assumed.why, outcome };
}

/** Forget a waiting Pod (it was deleted or bound some other way). */
export function forgetPodVolumes(ctx: ReconcileContext, pod: Pod): void {
  ctx.memo.delete(memoKey(pod));
}
