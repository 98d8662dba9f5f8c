/**
 * ImageLocality: prefers nodes that already hold the pod's images, weighted by image size and by
 * how widely the image is spread (to avoid piling pods onto the one node that has it).
 * upstream: plugins/imagelocality/image_locality.go
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { CycleContext, NodeInfo } from '../framework';
import { MAX_NODE_SCORE } from '../normalize';

export const name = 'ImageLocality';
export const weight = 1;

const MB = 1024 * 1024;
const MIN_THRESHOLD = 23 * MB;
const MAX_CONTAINER_THRESHOLD = 1000 * MB;

/**
 * upstream normalizedImageName: an image without a tag gets `:latest`; nothing else is
 * normalized, so `nginx` does not match a node reporting `docker.io/library/nginx:latest`.
 */
export function normalizedImageName(image: string): string {
  return image.lastIndexOf(':') <= image.lastIndexOf('/') ? `${image}:latest` : image;
}

function podImages(pod: Pod): string[] {
  return [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]
    .map((c) => normalizedImageName(c.image ?? ''));
}

/** How many nodes of the whole snapshot hold each image. */
function spreadOf(ctx: CycleContext, pod: Pod): Map<string, number> {
  let spread = ctx.state.get(name) as Map<string, number> | undefined;
  if (spread) return spread;
  spread = new Map();
  for (const image of podImages(pod)) {
    spread.set(image, ctx.allNodes.filter((n) => n.images.has(image)).length);
  }
  ctx.state.set(name, spread);
  return spread;
}

export function score(ctx: CycleContext, pod: Pod, nodeInfo: NodeInfo): number {
  const spread = spreadOf(ctx, pod);
  const total = ctx.allNodes.length;
  let sum = 0;
  const images = podImages(pod);
  if (!images.length) return 0;
  for (const image of images) {
    const size = nodeInfo.images.get(image);
    if (size === undefined) continue;
    sum += Math.trunc(size * ((spread.get(image) ?? 0) / total));
  }
  const maxThreshold = MAX_CONTAINER_THRESHOLD * images.length;
  const clamped = Math.min(Math.max(sum, MIN_THRESHOLD), maxThreshold);
  return Math.trunc((MAX_NODE_SCORE * (clamped - MIN_THRESHOLD)) / (maxThreshold - MIN_THRESHOLD));
}
