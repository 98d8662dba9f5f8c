import { lookupImage, type ImageInfo } from '../../../src/engine/kubelet/images';
import { interpret, type Program, type ProgramInput } from '../../../src/engine/kubelet/program';

export function image(ref: string): ImageInfo {
  const looked = lookupImage(ref);
  if (!looked.ok) throw new Error(`${ref}: ${looked.message}`);
  return looked.image;
}

/** Runs `sh -c script` (or the given argv) in an image. */
export function sh(script: string, ref = 'busybox:1.36', extra: Partial<ProgramInput> = {}): Program {
  return interpret({ image: image(ref), command: ['sh', '-c', script], env: { HOSTNAME: 'web-0' }, ...extra });
}

export function run(ref: string, input: Partial<ProgramInput> = {}): Program {
  return interpret({ image: image(ref), env: { HOSTNAME: 'web-0' }, ...input });
}

export const lines = (p: Program): string[] => p.output.map((o) => o.line);
export const ports = (p: Program): number[] => p.listens.map((l) => l.port);
