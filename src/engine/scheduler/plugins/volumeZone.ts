/**
 * VolumeZone: a Pod whose bound volumes carry zone/region labels fits only nodes in those zones
 * (a node without any topology label is taken to be in a single-zone cluster and fits).
 * upstream: pkg/scheduler/framework/plugins/volumezone/volume_zone.go
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { StoreReader } from '../../controllers/types';
import type { ClaimObject, VolumeObject } from '../../controllers/volume/storageClasses';
import { SUCCESS, unresolvable, type CycleContext, type NodeInfo, type Plugin, type PreFilterResult, type Status } from '../framework';

export const name = 'VolumeZone';
export const ERR_REASON_CONFLICT = 'node(s) had no available volume zone';

const GA = { zone: 'topology.kubernetes.io/zone', region: 'topology.kubernetes.io/region' };
const BETA = { zone: 'failure-domain.beta.kubernetes.io/zone', region: 'failure-domain.beta.kubernetes.io/region' };
const TOPOLOGY_LABELS = [BETA.zone, BETA.region, GA.zone, GA.region];
const toGA: Record<string, string> = { [BETA.zone]: GA.zone, [BETA.region]: GA.region };

interface Topology { key: string; values: Set<string> }

export function volumeZone(reader: Pick<StoreReader, 'get'>): Plugin {
  return {
    name,
    preFilter(ctx: CycleContext, pod: Pod): PreFilterResult {
      const topologies: Topology[] = [];
      for (const v of pod.spec?.volumes ?? []) {
        const claimName = v.persistentVolumeClaim?.claimName;
        if (!claimName) continue;
        const claim = reader.get('PersistentVolumeClaim', claimName, pod.metadata?.namespace ?? 'default') as ClaimObject | undefined;
        const pv = claim?.spec?.volumeName ? reader.get('PersistentVolume', claim.spec.volumeName) as VolumeObject | undefined : undefined;
        for (const key of TOPOLOGY_LABELS) {
          const value = pv?.metadata.labels?.[key];
          if (value !== undefined) topologies.push({ key, values: new Set(value.split('__')) });
        }
      }
      if (!topologies.length) return { skip: true };
      ctx.state.set(name, topologies);
      return {};
    },
    filter(ctx: CycleContext, _pod: Pod, nodeInfo: NodeInfo): Status {
      const topologies = ctx.state.get(name) as Topology[] | undefined;
      const labels = nodeInfo.node.metadata?.labels ?? {};
      if (!topologies || !TOPOLOGY_LABELS.some((k) => k in labels)) return SUCCESS;
      for (const t of topologies) {
        const value = labels[t.key] ?? labels[toGA[t.key] ?? ''];
        if (value === undefined || !t.values.has(value)) return unresolvable(ERR_REASON_CONFLICT);
      }
      return SUCCESS;
    },
  };
}

