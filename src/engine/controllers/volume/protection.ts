/**
 * pvc-protection-controller and pv-protection-controller: they add the protection finalizer where
 * admission did not, and remove it from an object being deleted only once nothing uses it (a
 * scheduled Pod naming the claim; a claim bound to the volume). Until then the object stays
 * Terminating. upstream: pkg/controller/volume/{pvcprotection,pvprotection}
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api';
import { clone } from '../../util/objects';
import type { Controller, ReconcileContext, StoreReader } from '../types';
import { PV_PROTECTION_FINALIZER, PVC_PROTECTION_FINALIZER } from './constants';
import { podClaimNames } from './podVolumes';
import type { VolumeObject } from './storageClasses';

const hasFinalizer = (obj: KubeObject, f: string) => (obj.metadata.finalizers ?? []).includes(f);
const needsFinalizer = (obj: KubeObject, f: string) => !obj.metadata.deletionTimestamp && !hasFinalizer(obj, f);
const isDeletionCandidate = (obj: KubeObject, f: string) => !!obj.metadata.deletionTimestamp && hasFinalizer(obj, f);

/** upstream podUsesPVC: only a scheduled Pod holds a claim (the kubelet refuses to start a Pod on a claim being deleted). */
export function podsUsingClaim(lister: Pick<StoreReader, 'list'>, namespace: string, claim: string): string[] {
  return (lister.list('Pod', namespace) as unknown as Pod[])
    .filter((p) => !!p.spec?.nodeName && podClaimNames(p).some((c) => c.claim === claim))
    .map((p) => p.metadata?.name ?? '').sort();
}

function setFinalizer(ctx: ReconcileContext, obj: KubeObject, finalizer: string, present: boolean, message: string): void {
  const next = clone(obj);
  const rest = (next.metadata.finalizers ?? []).filter((f) => f !== finalizer);
  next.metadata.finalizers = present ? [...rest, finalizer] : rest;
  if (!next.metadata.finalizers.length) delete next.metadata.finalizers;
  ctx.update(next, message);
}

export const pvcProtectionController: Controller = {
  name: 'pvc-protection-controller',
  watches: [
    {
      kind: 'PersistentVolumeClaim',
      map: (pvc) => (needsFinalizer(pvc, PVC_PROTECTION_FINALIZER) || isDeletionCandidate(pvc, PVC_PROTECTION_FINALIZER)
        ? [`${pvc.metadata.namespace}/${pvc.metadata.name}`] : []),
    },
    {
      kind: 'Pod',
      map: (obj, _old, lister) => {
        const pod = obj as KubeObject & Pod;
        const gone = !lister.get('Pod', pod.metadata.name, pod.metadata.namespace);
        const terminated = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
        if (!gone && !terminated && pod.spec?.nodeName) return [];
        return podClaimNames(pod).map((c) => `${pod.metadata.namespace}/${c.claim}`);
      },
    },
  ],
  reconcile(key, ctx) {
    const [namespace, name] = key.split('/');
    const pvc = ctx.get('PersistentVolumeClaim', name, namespace);
    if (!pvc) return;
    if (isDeletionCandidate(pvc, PVC_PROTECTION_FINALIZER)) {
      const users = podsUsingClaim(ctx, namespace, name);
      if (!users.length) {
        setFinalizer(ctx, pvc, PVC_PROTECTION_FINALIZER, false, `PersistentVolumeClaim ${key} loses its ` +
          `${PVC_PROTECTION_FINALIZER} finalizer: no Pod uses it any more, so its deletion can complete`);
      }
      return;
    }
    if (needsFinalizer(pvc, PVC_PROTECTION_FINALIZER)) {
      setFinalizer(ctx, pvc, PVC_PROTECTION_FINALIZER, true, `PersistentVolumeClaim ${key} gets the ${PVC_PROTECTION_FINALIZER} ` +
        'finalizer: it cannot be removed while a Pod uses it');
    }
  },
};

export const pvProtectionController: Controller = {
  name: 'pv-protection-controller',
  watches: [{
    kind: 'PersistentVolume',
    map: (pv) => (needsFinalizer(pv, PV_PROTECTION_FINALIZER) || isDeletionCandidate(pv, PV_PROTECTION_FINALIZER) ? [pv.metadata.name] : []),
  }],
  reconcile(key, ctx) {
    const pv = ctx.get('PersistentVolume', key) as VolumeObject | undefined;
    if (!pv) return;
    if (isDeletionCandidate(pv, PV_PROTECTION_FINALIZER)) {
      // upstream isBeingUsed: the volume is in use while its phase is Bound
      if (pv.status?.phase !== 'Bound') {
        setFinalizer(ctx, pv, PV_PROTECTION_FINALIZER, false, `PersistentVolume ${key} loses its ${PV_PROTECTION_FINALIZER} ` +
          `finalizer: it is ${pv.status?.phase ?? 'not bound'}, not Bound to a claim, so its deletion can complete`);
      }
      return;
    }
    if (needsFinalizer(pv, PV_PROTECTION_FINALIZER)) {
      setFinalizer(ctx, pv, PV_PROTECTION_FINALIZER, true, `PersistentVolume ${key} gets the ${PV_PROTECTION_FINALIZER} ` +
        'finalizer: it cannot be removed while it is Bound');
    }
  },
};
