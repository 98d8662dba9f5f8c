import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../api';
import { matchesSelector } from '../../util/selectors';
import type { StoreReader } from '../types';

/** policy/v1: a missing selector selects nothing, an empty one every Pod of the namespace. */
export function pdbSelects(pdb: KubeObject, pod: KubeObject): boolean {
  const selector = (pdb.spec as { selector?: LabelSelector } | undefined)?.selector;
  if (!selector) return false;
  return matchesSelector(selector, pod.metadata.labels ?? {});
}

export function podsForPdb(reader: StoreReader, pdb: KubeObject): KubeObject[] {
  return reader.list('Pod', pdb.metadata.namespace).filter((p) => pdbSelects(pdb, p))
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
}

export function pdbsForPod(reader: StoreReader, pod: KubeObject): KubeObject[] {
  return reader.list('PodDisruptionBudget', pod.metadata.namespace).filter((pdb) => pdbSelects(pdb, pod))
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
}
