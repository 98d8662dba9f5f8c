import type { RuntimeContainer } from '../api';
import { programForRecord } from './programs';
import type { Program } from './program';
import type { ContainerRef, PodSync } from './podSync';

/** The program a container record runs (recomputed: programs are pure functions of their input). */
export function programOfRecord(s: PodSync, ref: ContainerRef, record: RuntimeContainer): Program | undefined {
  return programForRecord(record.image, ref.spec, s.memo.inputs[record.id] ?? {});
}
