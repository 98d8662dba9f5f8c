/**
 * Defaulting: what the API server fills in on every write, per kind. Pure: returns a new object.
 * The store then runs admitPod (create of real Pods), allocates Service addresses and validates.
 */
import { clone } from '../../util/objects';
import { defaultPodSpec } from './podSpec';
import { defaultService } from './service';
import { defaultCSIDriver, defaultPersistentVolume, defaultPersistentVolumeClaim, defaultStorageClass } from './storage';
import {
  defaultCronJob, defaultDaemonSet, defaultDeployment, defaultJob, defaultPodTemplateKind, defaultReplicaSet,
  defaultReplicationController, defaultStatefulSet,
} from './workloads';
import {
  defaultEndpointSlice, defaultEndpoints, defaultHorizontalPodAutoscaler, defaultLimitRange, defaultNamespace,
  defaultNetworkPolicy, defaultNode, defaultPriorityClass, defaultResourceQuota, defaultRoleBinding, defaultSecret,
} from './misc';

export { admitPod, API_TOKEN_MOUNT_PATH, type AdmitPodOptions } from './admitPod';
export { canonicalQuantity, compareQuantities } from './quantity';
export { imageTag } from './podSpec';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>;

export interface DefaultOptions {
  /** The object's uid; the Job registry derives its selector and pod labels from it. */
  uid?: string;
}

const BY_KIND: Record<string, (obj: Obj, options: DefaultOptions) => void> = {
  Pod: (o) => defaultPodSpec((o.spec ??= {}), true),
  PodTemplate: defaultPodTemplateKind,
  ReplicationController: defaultReplicationController,
  Deployment: defaultDeployment,
  ReplicaSet: defaultReplicaSet,
  StatefulSet: defaultStatefulSet,
  DaemonSet: defaultDaemonSet,
  Job: (o, opts) => defaultJob(o, opts.uid ?? o.metadata?.uid),
  CronJob: defaultCronJob,
  Service: defaultService,
  Namespace: defaultNamespace,
  Secret: defaultSecret,
  Node: defaultNode,
  LimitRange: defaultLimitRange,
  ResourceQuota: defaultResourceQuota,
  Endpoints: defaultEndpoints,
  EndpointSlice: defaultEndpointSlice,
  PersistentVolume: defaultPersistentVolume,
  PersistentVolumeClaim: defaultPersistentVolumeClaim,
  StorageClass: defaultStorageClass,
  CSIDriver: defaultCSIDriver,
  HorizontalPodAutoscaler: defaultHorizontalPodAutoscaler,
  NetworkPolicy: defaultNetworkPolicy,
  RoleBinding: defaultRoleBinding,
  ClusterRoleBinding: defaultRoleBinding,
  PriorityClass: defaultPriorityClass,
};

/** A copy of `obj` with the API server's defaults for its kind; the input is never mutated. */
export function applyDefaults(obj: any, options: DefaultOptions = {}): any {
  if (!obj || typeof obj !== 'object') return obj;
  const out: Obj = clone(obj);
  if (!out.metadata || typeof out.metadata !== 'object') out.metadata = {};
  BY_KIND[out.kind]?.(out, options);
  return out;
}
