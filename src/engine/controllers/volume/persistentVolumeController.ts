/**
 * persistentvolume-controller: binds claims to volumes, hands claims to provisioners, and reclaims
 * volumes whose claims are gone. Keys: `claim/<ns>/<name>`, `volume/<name>`, and
 * `resync/<ns>/<name>` for an unbound claim that upstream would only retry on its 15s resync (a new
 * Available volume, a new StorageClass, a new Pod waiting for the claim).
 * upstream: pkg/controller/volume/persistentvolume/pv_controller_base.go
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api';
import type { Controller, StoreReader } from '../types';
import { ANN_BIND_COMPLETED, PV_CONTROLLER, PV_SYNC_PERIOD_MS } from './constants';
import { podClaimNames } from './podVolumes';
import type { ClaimObject, VolumeObject } from './storageClasses';
import { syncClaim } from './syncClaim';
import { syncVolume } from './syncVolume';

const isGone = (obj: KubeObject, lister: StoreReader) =>
  !lister.get(obj.kind, obj.metadata.name, obj.metadata.namespace);

function unboundClaimResyncs(lister: StoreReader, filter: (c: ClaimObject) => boolean = () => true): string[] {
  return (lister.list('PersistentVolumeClaim') as ClaimObject[])
    .filter((c) => !c.metadata.annotations?.[ANN_BIND_COMPLETED] && filter(c))
    .map((c) => `resync/${c.metadata.namespace}/${c.metadata.name}`);
}

function onClaim(claim: KubeObject, _old: KubeObject | undefined, lister: StoreReader): string[] {
  const keys = [`claim/${claim.metadata.namespace}/${claim.metadata.name}`];
  if (!isGone(claim, lister)) return keys;
  const volumeName = (claim as ClaimObject).spec?.volumeName;
  if (volumeName) keys.push(`volume/${volumeName}`);
  for (const pv of lister.list('PersistentVolume') as VolumeObject[]) {
    const ref = pv.spec?.claimRef;
    if (ref?.name === claim.metadata.name && ref.namespace === claim.metadata.namespace && pv.metadata.name !== volumeName) {
      keys.push(`volume/${pv.metadata.name}`);
    }
  }
  return keys;
}

function onVolume(obj: KubeObject, old: KubeObject | undefined, lister: StoreReader): string[] {
  const pv = obj as VolumeObject;
  const keys = [`volume/${pv.metadata.name}`];
  const ref = pv.spec?.claimRef;
  if (ref?.name) keys.push(`claim/${ref.namespace}/${ref.name}`);
  const available = pv.status?.phase === 'Available' && !isGone(pv, lister);
  if (available && (old as VolumeObject | undefined)?.status?.phase !== 'Available') keys.push(...unboundClaimResyncs(lister));
  return keys;
}

function onPod(obj: KubeObject, old: KubeObject | undefined): string[] {
  const pod = obj as KubeObject & Pod;
  if (old || pod.spec?.nodeName) return [];
  return podClaimNames(pod).map((c) => `resync/${pod.metadata.namespace}/${c.claim}`);
}

export const persistentVolumeController: Controller = {
  name: PV_CONTROLLER,
  watches: [
    { kind: 'PersistentVolumeClaim', map: onClaim },
    { kind: 'PersistentVolume', map: onVolume },
    { kind: 'StorageClass', map: (_sc, _old, lister) => unboundClaimResyncs(lister) },
    { kind: 'Pod', map: onPod },
  ],
  reconcile(key, ctx) {
    const [kind, ...rest] = key.split('/');
    if (kind === 'volume') {
      const pv = ctx.get('PersistentVolume', rest[0]) as VolumeObject | undefined;
      return pv ? syncVolume(ctx, pv) : undefined;
    }
    if (kind === 'resync') {
      // runs at the next 15s resync tick after the change that asked for it
      const due = ctx.memo.get<number>(key) ?? (Math.floor(ctx.now / PV_SYNC_PERIOD_MS) + 1) * PV_SYNC_PERIOD_MS;
      if (ctx.now < due) {
        ctx.memo.set(key, due);
        return { requeueAfter: due - ctx.now };
      }
      ctx.memo.delete(key);
    }
    const claim = ctx.get('PersistentVolumeClaim', rest[1], rest[0]) as ClaimObject | undefined;
    if (!claim) return undefined;
    if (kind === 'resync' && claim.metadata.annotations?.[ANN_BIND_COMPLETED]) return undefined;
    syncClaim(ctx, claim);
    return undefined;
  },
};
