/**
 * attachdetach-controller: attaches each attachable volume to the nodes whose Pods use it (a
 * VolumeAttachment that the driver's external-attacher marks attached), detaches it once no Pod
 * there needs it, and refuses to attach a single-node volume to a second node: the Pod waits in
 * ContainerCreating with FailedAttachVolume `Multi-Attach error …` (reported once) until the volume
 * is free. upstream: pkg/controller/volume/attachdetach/reconciler/reconciler.go
 * (attachDesiredVolumes, reportMultiAttachError), operationexecutor (SuccessfulAttachVolume)
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api';
import type { Controller, ReconcileContext, ReconcileResult, StoreReader } from '../types';
import {
  attachableVolume, attachmentName, attachmentsOf, multiAttachForbidden, type Attachable, type VolumeAttachmentObject,
} from './attachable';
import { podClaimNames } from './podVolumes';
import type { ClaimObject, VolumeObject } from './storageClasses';

/** How long the CSI driver takes to attach a disk. */
const ATTACH_MS = 2_000;

type PodObject = KubeObject & Pod;

/** The bound volumes a Pod uses (claim → spec.volumeName). */
function podVolumeNames(pod: Pod, lister: Pick<StoreReader, 'get'>): string[] {
  return podClaimNames(pod).flatMap(({ claim }) => {
    const c = lister.get('PersistentVolumeClaim', claim, pod.metadata?.namespace) as ClaimObject | undefined;
    return c?.spec?.volumeName ? [c.spec.volumeName] : [];
  });
}

const isTerminal = (p: Pod) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';

/** The desired state of the world: node → the Pods there that use the volume. */
function desiredNodes(ctx: ReconcileContext, pvName: string): Map<string, PodObject[]> {
  const out = new Map<string, PodObject[]>();
  for (const pod of ctx.list('Pod') as PodObject[]) {
    const node = pod.spec?.nodeName;
    if (!node || isTerminal(pod) || !podVolumeNames(pod, ctx).includes(pvName)) continue;
    out.set(node, [...(out.get(node) ?? []), pod]);
  }
  return out;
}

/** upstream GenerateMsg: `<prefix> for volume "<pv>" <suffix>`. */
const volumeMsg = (prefix: string, pv: string, suffix: string) => `${prefix} for volume "${pv}" ${suffix}`;

function reportMultiAttach(ctx: ReconcileContext, pv: string, node: string, waiting: PodObject[], holders: PodObject[]): void {
  const key = `multiattach/${pv}/${node}`;
  if (ctx.memo.get(key)) return;
  ctx.memo.set(key, true);
  const others = holders.map((p) => p.metadata.name);
  ctx.describe(`Volume ${pv} stays attached to ${[...new Set(holders.map((p) => p.spec?.nodeName))].join(', ')}: it is ` +
    `single-node (ReadWriteOnce) and still used by ${others.join(', ')}, so Pods on ${node} must wait`);
  for (const pod of waiting) {
    const ns = pod.metadata.namespace;
    const local = holders.filter((p) => p.metadata.namespace === ns).map((p) => p.metadata.name);
    const elsewhere = holders.length - local.length;
    let msg = local.length ? `Volume is already used by pod(s) ${local.join(', ')}` : `Volume is already used by ${elsewhere} pod(s) in different namespaces`;
    if (local.length && elsewhere) msg += ` and ${elsewhere} pod(s) in different namespaces`;
    ctx.event(pod, 'Warning', 'FailedAttachVolume', volumeMsg('Multi-Attach error', pv, msg));
  }
}

function attach(ctx: ReconcileContext, pv: VolumeObject, a: Attachable, node: string): void {
  ctx.memo.delete(`multiattach/${pv.metadata.name}/${node}`);
  ctx.create({
    apiVersion: 'storage.k8s.io/v1', kind: 'VolumeAttachment',
    metadata: { name: attachmentName(a, node) } as never,
    spec: { attacher: a.attacher, nodeName: node, source: { persistentVolumeName: pv.metadata.name } },
  }, `Attach volume ${pv.metadata.name} to ${node} (VolumeAttachment for the ${a.attacher} driver): a Pod there uses it`);
}

function reconcileVolume(ctx: ReconcileContext, pvName: string): ReconcileResult | void {
  const pv = ctx.get('PersistentVolume', pvName) as VolumeObject | undefined;
  const a = pv && attachableVolume(pv, ctx);
  const desired = a ? desiredNodes(ctx, pvName) : new Map<string, PodObject[]>();
  const actual = attachmentsOf(ctx, pvName);
  for (const va of actual) {
    if (desired.has(va.spec.nodeName)) continue;
    ctx.delete('VolumeAttachment', va.metadata.name, undefined, {}, `Detach volume ${pvName} from ${va.spec.nodeName}: no Pod there uses it any more`);
  }
  if (!pv || !a) return;
  const kept = actual.filter((va) => desired.has(va.spec.nodeName));
  let wake: number | undefined;
  for (const va of kept.filter((v) => !v.status?.attached)) {
    const doneAt = (ctx.memo.get<number>(`attaching/${va.metadata.uid}`) ?? ctx.now) + ATTACH_MS;
    ctx.memo.set(`attaching/${va.metadata.uid}`, doneAt - ATTACH_MS);
    if (ctx.now < doneAt) { wake = Math.min(wake ?? Infinity, doneAt); continue; }
    ctx.memo.delete(`attaching/${va.metadata.uid}`);
    const result = ctx.updateStatus({ ...va, status: { attached: true } } as VolumeAttachmentObject,
      `The ${a.attacher} driver attached volume ${pvName} to ${va.spec.nodeName}`);
    if (result.ok) for (const pod of desired.get(va.spec.nodeName) ?? []) {
      ctx.event(pod, 'Normal', 'SuccessfulAttachVolume', volumeMsg('AttachVolume.Attach succeeded', pvName, ''));
    }
  }
  const attachedNodes = new Set(kept.map((va) => va.spec.nodeName));
  for (const [node, pods] of [...desired].sort(([x], [y]) => (x < y ? -1 : 1))) {
    if (attachedNodes.has(node)) continue;
    const elsewhere = [...attachedNodes].filter((n) => n !== node);
    if (multiAttachForbidden(pv) && elsewhere.length) {
      reportMultiAttach(ctx, pvName, node, pods, elsewhere.flatMap((n) => desired.get(n) ?? []));
      continue;
    }
    attach(ctx, pv, a, node);
    attachedNodes.add(node);
  }
  return wake === undefined ? undefined : { requeueAfter: wake - ctx.now };
}

function volumesOfPod(pod: KubeObject, _old: KubeObject | undefined, lister: StoreReader): string[] {
  return podVolumeNames(pod as PodObject, lister).map((v) => `pv/${v}`);
}

export const attachDetachController: Controller = {
  name: 'attachdetach-controller',
  watches: [
    { kind: 'Pod', map: volumesOfPod },
    { kind: 'PersistentVolumeClaim', map: (c) => ((c as ClaimObject).spec?.volumeName ? [`pv/${(c as ClaimObject).spec!.volumeName}`] : []) },
    { kind: 'PersistentVolume', map: (pv) => [`pv/${pv.metadata.name}`] },
    { kind: 'VolumeAttachment', map: (va) => [`pv/${(va as VolumeAttachmentObject).spec?.source?.persistentVolumeName ?? ''}`] },
  ],
  reconcile(key, ctx) {
    return reconcileVolume(ctx, key.slice('pv/'.length));
  },
};
