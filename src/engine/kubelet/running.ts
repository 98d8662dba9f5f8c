import type { RuntimeContainer } from '../api';
import { programForRecord } from './programs';
import type { Program } from './program';
import type { ContainerRef, PodSync } from './podSync';

/** The program a container record runs (recomputed: programs are pure functions of their input). */
/** A container's program is fixed when it starts; keyed by its start inputs object (kept in the memo). */
const byInputs = new WeakMap<object, { image: string; spec: object; program: Program | undefined }>();

export function programOfRecord(s: PodSync, ref: ContainerRef, record: RuntimeContainer): Program | undefined {
  const inputs = s.memo.inputs[record.id];
  if (!inputs) return programForRecord(record.image, ref.spec, {});
  const hit = byInputs.get(inputs);
  if (hit && hit.image === record.image && hit.spec === ref.spec) return hit.program;
  const program = programForRecord(record.image, ref.spec, inputs);
  byInputs.set(inputs, { image: record.image, spec: ref.spec, program });
  return program;
}
