/**
 * validateObject: the API server's validation for a (defaulted) object, per kind, plus the
 * update-time rules when the stored object is given. Kinds without deep rules still get
 * ObjectMeta validation with their kind's name rule.
 */
import type { FieldError } from '../errors';
import { kindInfo } from '../kinds';
import { nameIsDNSSubdomain, type NameRule } from '../names';
import { validateCronJob, validateJob, validateJobUpdate } from './batch';
import {
  validateConfigMap, validateEndpoints, validateImmutableData, validateLimitRange, validateNamespace, validateNode,
  validateResourceQuota, validateSecret, validateSecretUpdate,
} from './core';
import { validateObjectMeta } from './objectMeta';
import { validatePod, validatePodCreate, validatePodTemplate, validatePodUpdate } from './pod';
import { validateHorizontalPodAutoscaler, validatePodDisruptionBudget } from './policy';
import { validateService, validateServiceUpdate } from './service';
import {
  validatePersistentVolume, validatePersistentVolumeClaim, validatePersistentVolumeClaimUpdate,
  validatePersistentVolumeUpdate, validateStorageClass, validateStorageClassUpdate,
} from './storage';
import { isValidPathSegmentName } from './strings';
import {
  immutableSelector, validateDaemonSet, validateDeployment, validateReplicaSet, validateReplicationController,
  validateStatefulSet, validateStatefulSetUpdate,
} from './workloads';

export { POD_UPDATE_FORBIDDEN } from './pod';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>;

interface KindRules {
  create(obj: Obj, old?: Obj): FieldError[];
  update?(obj: Obj, old: Obj): FieldError[];
}

const RULES: Record<string, KindRules> = {
  Pod: { create: (o, old) => (old ? validatePod(o) : validatePodCreate(o)), update: validatePodUpdate },
  PodTemplate: { create: validatePodTemplate },
  ReplicationController: { create: validateReplicationController },
  Deployment: { create: validateDeployment, update: immutableSelector },
  ReplicaSet: { create: validateReplicaSet, update: immutableSelector },
  DaemonSet: { create: validateDaemonSet, update: immutableSelector },
  StatefulSet: { create: validateStatefulSet, update: validateStatefulSetUpdate },
  Job: { create: validateJob, update: validateJobUpdate },
  CronJob: { create: validateCronJob },
  Service: { create: validateService, update: validateServiceUpdate },
  Namespace: { create: validateNamespace },
  Node: { create: validateNode },
  ConfigMap: { create: validateConfigMap, update: (o, old) => validateImmutableData(o, old, ['data', 'binaryData']) },
  Secret: { create: validateSecret, update: validateSecretUpdate },
  LimitRange: { create: validateLimitRange },
  ResourceQuota: { create: validateResourceQuota },
  Endpoints: { create: validateEndpoints },
  PersistentVolume: { create: validatePersistentVolume, update: validatePersistentVolumeUpdate },
  PersistentVolumeClaim: { create: validatePersistentVolumeClaim, update: validatePersistentVolumeClaimUpdate },
  StorageClass: { create: validateStorageClass, update: validateStorageClassUpdate },
  HorizontalPodAutoscaler: { create: validateHorizontalPodAutoscaler },
  PodDisruptionBudget: { create: validatePodDisruptionBudget },
};

/** upstream: RBAC objects are named like URL path segments (`system:controller:x` is fine). */
const pathSegment: NameRule = (name) => isValidPathSegmentName(name);
const NAME_RULES: Record<string, NameRule> = {
  Role: pathSegment, ClusterRole: pathSegment, RoleBinding: pathSegment, ClusterRoleBinding: pathSegment,
};

/**
 * The field errors of `obj` (already defaulted), create rules only, or create plus update rules
 * when `old` (the stored object) is given. Empty when the object is valid.
 */
export function validateObject(obj: any, old?: any): FieldError[] {
  if (!obj || typeof obj !== 'object') return [];
  const rules = RULES[obj.kind];
  if (rules) {
    const errs = rules.create(obj, old);
    if (old && rules.update) errs.push(...rules.update(obj, old));
    return errs;
  }
  const namespaced = kindInfo(obj.kind)?.namespaced ?? true;
  return validateObjectMeta(obj.metadata, namespaced, NAME_RULES[obj.kind] ?? nameIsDNSSubdomain);
}
