import type { Random } from '../core/random';
import type { ImageInfo } from './images';

const HEX = '0123456789abcdef';

/** A container or sandbox id as containerd makes them: 64 hex characters (crictl shows 13). */
export function runtimeId(rng: Random): string {
  return rng.string(64, HEX);
}

/**
 * A stable `sha256:` digest for an image reference. Registries give every image one digest, so
 * this is a pure function of the reference (FNV-1a, stretched to 64 hex characters), not random.
 */
export function imageDigest(reference: string): string {
  let out = '';
  for (let round = 0; out.length < 64; round++) {
    let h = 0x811c9dc5 ^ round;
    for (let i = 0; i < reference.length; i++) {
      h ^= reference.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= round * 0x9e3779b9;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
    out += ((h ^ (h >>> 16)) >>> 0).toString(16).padStart(8, '0');
  }
  return `sha256:${out.slice(0, 64)}`;
}

/** `status.containerStatuses[].imageID`: the repository at its digest, as containerd reports it. */
export function imageIdOf(image: ImageInfo): string {
  return `${image.repository}@${image.digest ?? imageDigest(image.reference)}`;
}
