import type { ContainerImage } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api';
import type { NodeRuntimeStore, ReconcileContext } from '../controllers/types';
import { imageDigest, imageIdOf } from './ids';
import { lookupImage } from './images';

/** The sandbox image every pod's pause container runs. */
export const PAUSE_IMAGE = 'registry.k8s.io/pause:3.10';
const PAUSE_SIZE_BYTES = 320_368;

/** Upstream caps `status.images` at 50 entries. */
const MAX_IMAGES = 50;

function repositoryOf(reference: string): string {
  const at = reference.indexOf('@');
  if (at >= 0) return reference.slice(0, at);
  const colon = reference.lastIndexOf(':');
  return colon > reference.lastIndexOf('/') ? reference.slice(0, colon) : reference;
}

/** One `status.images` entry: the image by digest and by tag, with its size. */
export function nodeImageEntry(reference: string): ContainerImage {
  const looked = lookupImage(reference);
  if (looked.ok) return { names: [imageIdOf(looked.image), reference], sizeBytes: looked.image.sizeBytes };
  const size = reference === PAUSE_IMAGE ? PAUSE_SIZE_BYTES : 0;
  return { names: [`${repositoryOf(reference)}@${imageDigest(reference)}`, reference], sizeBytes: size };
}

/** `status.images` as the kubelet reports it: largest first. upstream: pkg/kubelet/nodestatus/setters.go Images */
export function nodeImages(rt: NodeRuntimeStore): ContainerImage[] {
  return rt.images().map(nodeImageEntry)
    .sort((a, b) => (b.sizeBytes ?? 0) - (a.sizeBytes ?? 0) || (a.names?.[1] ?? '').localeCompare(b.names?.[1] ?? ''))
    .slice(0, MAX_IMAGES);
}

/** Writes the Node's `status.images` when the runtime's images changed; returns whether it wrote. */
export function postNodeImages(ctx: ReconcileContext, nodeName: string, message: string): boolean {
  const node = ctx.get('Node', nodeName);
  if (!node) return false;
  const images = nodeImages(ctx.runtime(nodeName));
  const status = (node.status ?? {}) as { images?: ContainerImage[] };
  if (JSON.stringify(status.images ?? []) === JSON.stringify(images)) return false;
  const next: KubeObject = { ...node, status: { ...status, images } };
  return ctx.updateStatus(next, message).ok;
}
