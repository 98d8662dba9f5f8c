/**
 * `kubectl describe <kind> <name>` as of one moment of the timeline: picks the describer for the
 * kind and gives it the object's Events, with ages measured at the view's virtual time.
 */
import type { ClusterView, KubeObject } from '../engine/api';
import type { ConfigMap, Namespace, Node, PersistentVolume, PersistentVolumeClaim, Pod, Secret, Service } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { Job } from 'kubernetes-types/batch/v1';
import type { Lease } from 'kubernetes-types/coordination/v1';
import { describePod } from './describePod';
import { describeNode } from './describeNode';
import { describeGeneric } from './describeGeneric';
import { describeDeployment, describeReplicaSet } from './describeWorkloads';
import { describeService } from './describeService';
import { describeConfigMap, describeNamespace, describeSecret, describeServiceAccount } from './describeConfig';
import { describeStatefulSet } from './describeStatefulSet';
import { describeDaemonSet } from './describeDaemonSet';
import { describeJob } from './describeJob';
import { describePersistentVolume, describePersistentVolumeClaim, describeStorageClass } from './describeStorage';
import { eventsFor, type EventObject } from './events';
import { epochOf } from './time';

export { describePod } from './describePod';
export { describeNode } from './describeNode';
export { describeGeneric } from './describeGeneric';

export interface ObjectRef {
  kind: string;
  name: string;
  namespace?: string;
}

type Describer = (obj: KubeObject, view: DescribeView, events: readonly EventObject[], now: number) => string;
type DescribeView = Pick<ClusterView, 'list' | 'events' | 'get'>;

/** Kinds with a dedicated kubectl describer; every other kind gets the generic one. */
const DESCRIBERS: Record<string, Describer> = {
  Pod: (obj, _view, events, now) => describePod(obj as unknown as Pod, events, now),
  Node: (obj, view, events, now) => {
    const lease = view.get('Lease', obj.metadata.name, 'kube-node-lease') as unknown as Lease | undefined;
    return describeNode(obj as unknown as Node, view.list('Pod') as unknown as Pod[], events, now, lease);
  },
  Deployment: (obj, view, events, now) => describeDeployment(obj as unknown as Deployment, view, events, now),
  ReplicaSet: (obj, view, events, now) => describeReplicaSet(obj as unknown as ReplicaSet, view, events, now),
  Service: (obj, view, events, now) => describeService(obj as unknown as Service, view, events, now),
  ConfigMap: (obj, _view, events, now) => describeConfigMap(obj as unknown as ConfigMap, events, now),
  Secret: (obj) => describeSecret(obj as unknown as Secret),
  Namespace: (obj) => describeNamespace(obj as unknown as Namespace),
  ServiceAccount: (obj, _view, events, now) => describeServiceAccount(obj, events, now),
  StatefulSet: (obj, view, events, now) => describeStatefulSet(obj as unknown as StatefulSet, view, events, now),
  DaemonSet: (obj, view, events, now) => describeDaemonSet(obj as unknown as DaemonSet, view, events, now),
  Job: (obj, _view, events, now) => describeJob(obj as unknown as Job, events, now),
  PersistentVolumeClaim: (obj, view, events, now) =>
    describePersistentVolumeClaim(obj as unknown as PersistentVolumeClaim, view.list('Pod', obj.metadata.namespace) as unknown as Pod[], events, now),
  PersistentVolume: (obj, _view, events, now) => describePersistentVolume(obj as unknown as PersistentVolume, events, now),
  StorageClass: (obj, _view, events, now) => describeStorageClass(obj as unknown as StorageClass, events, now),
};

/** The describe text for one object, dispatching on its kind. `now` is epoch ms. */
export function describeObject(obj: KubeObject, view: DescribeView, now: number): string {
  const events = eventsFor(obj, view.events());
  const describer = DESCRIBERS[obj.kind];
  return describer ? describer(obj, view, events, now) : describeGeneric(obj, events, now);
}

/** The describe text of the referenced object as of `view`; undefined when it does not exist then. */
export function describeAt(view: ClusterView, ref: ObjectRef): string | undefined {
  const obj = view.get(ref.kind, ref.name, ref.namespace);
  return obj ? describeObject(obj, view, epochOf(view.now)) : undefined;
}
