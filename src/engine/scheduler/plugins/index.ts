/**
 * The default plugin set, in upstream's MultiPoint order (1.31 default_plugins.go): filters run in
 * this order and stop at the first failure; scorers are summed with their weights.
 * PrioritySort, DefaultPreemption and DefaultBinder are not plugins here: the queue, the
 * FailedScheduling message (fitError.ts) and the scheduler controller play their parts.
 */
import type { Plugin } from '../framework';
import * as imageLocality from './imageLocality';
import * as interPodAffinity from './interPodAffinity';
import * as nodeAffinity from './nodeAffinity';
import * as nodeName from './nodeName';
import * as nodePorts from './nodePorts';
import * as nodeResourcesBalancedAllocation from './nodeResourcesBalancedAllocation';
import * as nodeResourcesFit from './nodeResourcesFit';
import * as nodeUnschedulable from './nodeUnschedulable';
import * as podTopologySpread from './podTopologySpread';
import * as schedulingGates from './schedulingGates';
import * as taintToleration from './taintToleration';

/**
 * Volume plugins (VolumeRestrictions, NodeVolumeLimits, VolumeBinding, VolumeZone) belong between
 * NodeResourcesFit and PodTopologySpread: build a list with them spliced in at `VOLUME_PLUGINS_INDEX`.
 */
export const VOLUME_PLUGINS_INDEX = 7;

export const defaultPlugins: readonly Plugin[] = [
  schedulingGates,
  nodeUnschedulable,
  nodeName,
  taintToleration,
  nodeAffinity,
  nodePorts,
  nodeResourcesFit,
  // ← volume plugins go here (index VOLUME_PLUGINS_INDEX)
  podTopologySpread,
  interPodAffinity,
  nodeResourcesBalancedAllocation,
  imageLocality,
];

/** The default list with extra plugins inserted where upstream runs the volume plugins. */
export function withVolumePlugins(volumePlugins: readonly Plugin[]): Plugin[] {
  return [
    ...defaultPlugins.slice(0, VOLUME_PLUGINS_INDEX),
    ...volumePlugins,
    ...defaultPlugins.slice(VOLUME_PLUGINS_INDEX),
  ];
}
