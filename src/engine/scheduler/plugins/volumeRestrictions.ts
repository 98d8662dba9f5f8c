/**
 * VolumeRestrictions: a ReadWriteOncePod claim may be used by one Pod in the whole cluster, and an
 * inline GCE PD / AWS EBS / iSCSI / RBD disk cannot be mounted twice on a node (read-only aside).
 * upstream: pkg/scheduler/framework/plugins/volumerestrictions/volume_restrictions.go
 */
import type { Pod, Volume } from 'kubernetes-types/core/v1';
import type { StoreReader } from '../../controllers/types';
import type { ClaimObject } from '../../controllers/volume/storageClasses';
import { SUCCESS, unresolvable, unschedulable, type CycleContext, type NodeInfo, type Plugin, type PreFilterResult, type Status } from '../framework';

export const name = 'VolumeRestrictions';
export const ERR_REASON_DISK_CONFLICT = 'node(s) had no available disk';
export const ERR_REASON_RWOP_CONFLICT = 'node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode';

const needsRestrictionsCheck = (v: Volume) => !!(v.gcePersistentDisk || v.awsElasticBlockStore || v.rbd || v.iscsi);

/** upstream isVolumeConflict: the same disk, where at least one of the two mounts writes. */
function isVolumeConflict(v: Volume, pod: Pod): boolean {
  for (const e of pod.spec?.volumes ?? []) {
    if (v.gcePersistentDisk && e.gcePersistentDisk && v.gcePersistentDisk.pdName === e.gcePersistentDisk.pdName &&
      !(v.gcePersistentDisk.readOnly && e.gcePersistentDisk.readOnly)) return true;
    if (v.awsElasticBlockStore && e.awsElasticBlockStore && v.awsElasticBlockStore.volumeID === e.awsElasticBlockStore.volumeID) return true;
    if (v.iscsi && e.iscsi && v.iscsi.iqn === e.iscsi.iqn && v.iscsi.targetPortal === e.iscsi.targetPortal &&
      v.iscsi.lun === e.iscsi.lun && !(v.iscsi.readOnly && e.iscsi.readOnly)) return true;
    if (v.rbd && e.rbd && v.rbd.pool === e.rbd.pool && v.rbd.image === e.rbd.image &&
      (v.rbd.monitors ?? []).some((m) => (e.rbd!.monitors ?? []).includes(m)) && !(v.rbd.readOnly && e.rbd.readOnly)) return true;
  }
  return false;
}

interface State { checkDisks: boolean; rwopConflicts: number }

export function volumeRestrictions(reader: Pick<StoreReader, 'get'>): Plugin {
  return {
    name,
    preFilter(ctx: CycleContext, pod: Pod): PreFilterResult {
      const ns = pod.metadata?.namespace ?? 'default';
      const rwop = new Set<string>();
      for (const v of pod.spec?.volumes ?? []) {
        const claimName = v.persistentVolumeClaim?.claimName;
        if (!claimName) continue;
        const claim = reader.get('PersistentVolumeClaim', claimName, ns) as ClaimObject | undefined;
        if (!claim) return { status: unresolvable(`persistentvolumeclaim "${claimName}" not found`) };
        if (claim.spec?.accessModes?.includes('ReadWriteOncePod')) rwop.add(claimName);
      }
      let rwopConflicts = 0;
      if (rwop.size) {
        for (const info of ctx.allNodes) {
          for (const other of info.pods) {
            if (other.metadata?.uid === pod.metadata?.uid || (other.metadata?.namespace ?? 'default') !== ns) continue;
            if ((other.spec?.volumes ?? []).some((v) => rwop.has(v.persistentVolumeClaim?.claimName ?? ''))) rwopConflicts++;
          }
        }
      }
      const checkDisks = (pod.spec?.volumes ?? []).some(needsRestrictionsCheck);
      if (!checkDisks && !rwopConflicts) return { skip: true };
      ctx.state.set(name, { checkDisks, rwopConflicts } satisfies State);
      return {};
    },
    filter(ctx: CycleContext, pod: Pod, nodeInfo: NodeInfo): Status {
      const state = ctx.state.get(name) as State | undefined;
      if (!state) return SUCCESS;
      if (state.checkDisks) {
        for (const v of (pod.spec?.volumes ?? []).filter(needsRestrictionsCheck)) {
          if (nodeInfo.pods.some((p) => isVolumeConflict(v, p))) return unschedulable(ERR_REASON_DISK_CONFLICT);
        }
      }
      return state.rwopConflicts > 0 ? unschedulable(ERR_REASON_RWOP_CONFLICT) : SUCCESS;
    },
  };
}
