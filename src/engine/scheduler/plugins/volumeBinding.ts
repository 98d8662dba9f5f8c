/**
 * VolumeBinding: a Pod's claims must be bound, or bindable on the node. PreFilter refuses Pods whose
 * claims are missing, being deleted, or Immediate and still unbound, and narrows the nodes to where
 * bound local volumes live; Filter checks bound volumes' node affinity and that every
 * WaitForFirstConsumer claim finds a volume or can be provisioned there. Reserve/PreBind (writing the
 * choice and waiting for the bindings) live in controllers/volume/assumeVolumes.ts.
 * upstream: pkg/scheduler/framework/plugins/volumebinding/volume_binding.go
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { StoreReader, WatchSpec } from '../../controllers/types';
import {
  ERR_REASON_UNBOUND_IMMEDIATE, eligibleNodes, findPodVolumes, podClaimNames, podVolumeClaims, type PodVolumeClaims,
} from '../../controllers/volume/podVolumes';
import type { VolumeObject } from '../../controllers/volume/storageClasses';
import { volumeRestrictions } from './volumeRestrictions';
import { volumeZone } from './volumeZone';
import {
  SUCCESS, unresolvable, type CycleContext, type NodeInfo, type Plugin, type PreFilterResult, type Status,
} from '../framework';

export const name = 'VolumeBinding';

/** What PreFilter found, for Filter on every node: the claims and (for delayed binding) the volumes. */
interface State { claims: PodVolumeClaims; volumes: VolumeObject[] }

/** The plugin, reading claims, volumes and classes from the scheduler's informers (the store). */
export function volumeBinding(reader: Pick<StoreReader, 'get' | 'list'>): Plugin {
  return {
    name,
    preFilter(ctx: CycleContext, pod: Pod): PreFilterResult {
      if (!podClaimNames(pod).length) return { skip: true };
      const claims = podVolumeClaims(pod, reader);
      if ('error' in claims) return { status: unresolvable(claims.error) };
      if (claims.unboundImmediate.length) return { status: unresolvable(ERR_REASON_UNBOUND_IMMEDIATE) };
      const volumes = claims.delayed.length ? reader.list('PersistentVolume') as VolumeObject[] : [];
      ctx.state.set(name, { claims, volumes } satisfies State);
      const eligible = eligibleNodes(claims.bound, reader);
      return eligible ? { nodeNames: eligible } : {};
    },
    filter(ctx: CycleContext, _pod: Pod, nodeInfo: NodeInfo): Status {
      const state = ctx.state.get(name) as State | undefined;
      if (!state) return SUCCESS;
      const { reasons } = findPodVolumes(state.claims, nodeInfo.node as Node, reader, state.volumes);
      return reasons.length ? unresolvable(...reasons) : SUCCESS;
    },
  };
}

/** The scheduler's volume plugins in upstream order (VolumeRestrictions, VolumeBinding, VolumeZone), for `withVolumePlugins`. */
export function volumePlugins(reader: Pick<StoreReader, 'get' | 'list'>): Plugin[] {
  return [volumeRestrictions(reader), volumeBinding(reader), volumeZone(reader)];
}

const SCHEDULER_NAME = 'default-scheduler';

/** Pending Pods (not bound, not being deleted, ours) that use a claim, as scheduler keys. */
function pendingClaimUsers(lister: Pick<StoreReader, 'list'>, namespace?: string, claim?: string): string[] {
  return (lister.list('Pod', namespace) as unknown as Pod[])
    .filter((p) => !p.spec?.nodeName && !p.metadata?.deletionTimestamp && (p.spec?.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME)
    .filter((p) => podClaimNames(p).some((c) => claim === undefined || c.claim === claim))
    .map((p) => `${p.metadata?.namespace}/${p.metadata?.name}`);
}

/**
 * upstream VolumeBinding EventsToRegister: claims, volumes and classes changing can make a waiting
 * Pod schedulable (and let a Pod waiting in PreBind see its claims bound).
 */
export const volumeBindingWatches: WatchSpec[] = [
  { kind: 'PersistentVolumeClaim', map: (pvc, _old, lister) => pendingClaimUsers(lister, pvc.metadata.namespace, pvc.metadata.name) },
  { kind: 'PersistentVolume', map: (_pv, _old, lister) => pendingClaimUsers(lister) },
  { kind: 'StorageClass', map: (_sc, _old, lister) => pendingClaimUsers(lister) },
];
