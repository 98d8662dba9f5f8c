import type { Container } from 'kubernetes-types/core/v1';
import { lookupImage, type ImageInfo } from './images';
import { interpret, type Program, type ProgramInput } from './program';

/** Everything a program depends on besides its image and command/args, fixed when the container starts. */
export type ProgramExtras = Omit<ProgramInput, 'image' | 'command' | 'args'>;

const cache = new Map<string, Program>();
const CACHE_LIMIT = 1000;

/**
 * What a container runs: its image's entrypoint/cmd overridden by the spec's command/args, in the
 * environment it started with. `interpret` is pure, so results are memoised by input.
 */
export function programOf(image: ImageInfo, container: Container, extras: ProgramExtras): Program {
  const key = JSON.stringify([image.reference, container.command, container.args, extras]);
  const hit = cache.get(key);
  if (hit) return hit;
  const program = interpret({ image, command: container.command, args: container.args, ...extras });
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, program);
  return program;
}

/** The program of a container record (`reference` is the resolved image it was created from). */
export function programForRecord(reference: string, container: Container, extras: ProgramExtras): Program | undefined {
  const looked = lookupImage(reference);
  return looked.ok ? programOf(looked.image, container, extras) : undefined;
}
