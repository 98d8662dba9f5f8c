/**
 * The replicas the controllers of a PDB's Pods want: the denominator of percentages and of
 * maxUnavailable. upstream: disruption.go getExpectedScale and its finders (ReplicationController,
 * Deployment through its ReplicaSet, ReplicaSet, StatefulSet)
 */
import type { KubeObject } from '../../api';
import { controllerOf } from '../../util/objects';
import type { StoreReader } from '../types';

interface Scaled { uid: string; replicas: number }

const replicasOf = (obj: KubeObject) => (obj.spec as { replicas?: number } | undefined)?.replicas ?? 1;

function owned(reader: StoreReader, kind: string, name: string, namespace: string, uid: string): KubeObject | undefined {
  const obj = reader.get(kind, name, namespace);
  return obj && obj.metadata.uid === uid ? obj : undefined;
}

/** The controller and its scale for one Pod, or undefined when none of the finders knows it. */
function findController(reader: StoreReader, pod: KubeObject): Scaled | undefined {
  const ref = controllerOf(pod)!;
  const ns = pod.metadata.namespace ?? 'default';
  if (ref.kind === 'ReplicationController' || ref.kind === 'StatefulSet') {
    const obj = owned(reader, ref.kind, ref.name, ns, ref.uid);
    return obj && { uid: obj.metadata.uid, replicas: replicasOf(obj) };
  }
  if (ref.kind !== 'ReplicaSet') return undefined;
  const rs = owned(reader, 'ReplicaSet', ref.name, ns, ref.uid);
  if (!rs) return undefined;
  const rsRef = controllerOf(rs);
  if (rsRef?.kind === 'Deployment') {
    const deployment = owned(reader, 'Deployment', rsRef.name, ns, rsRef.uid);
    return deployment && { uid: deployment.metadata.uid, replicas: replicasOf(deployment) };
  }
  return { uid: rs.metadata.uid, replicas: replicasOf(rs) };
}

/**
 * Sum of the scales of the Pods' distinct controllers; Pods without a controller are returned as
 * unmanaged (left out of the count); a controller no finder knows is an error.
 */
export function expectedScale(reader: StoreReader, pods: readonly KubeObject[]): { expected: number; unmanaged: string[] } | Error {
  const scales = new Map<string, number>();
  const unmanaged: string[] = [];
  for (const pod of pods) {
    const ref = controllerOf(pod);
    if (!ref) {
      unmanaged.push(pod.metadata.name);
      continue;
    }
    if (scales.has(ref.uid)) continue;
    const found = findController(reader, pod);
    if (!found) return new Error(`found no controllers for pod "${pod.metadata.name}"`);
    scales.set(found.uid, found.replicas);
  }
  let expected = 0;
  for (const n of scales.values()) expected += n;
  return { expected, unmanaged };
}
