/**
 * The annotations, finalizers and names the storage machinery agrees on.
 * upstream: staging/src/k8s.io/component-helpers/storage/volume/helpers.go, pkg/volume/util/finalizer.go,
 * sig-storage-lib-external-provisioner controller.go
 */

/** Set on a claim once the PV controller finished binding it (with spec.volumeName). */
export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
/** The binding (claim.spec.volumeName or pv.spec.claimRef) was made by a controller, not by the user. */
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
/** The node the scheduler chose for a WaitForFirstConsumer claim: provision the volume there. */
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
/** Which provisioner should provision the claim (set by the PV controller when provisioning starts). */
export const ANN_STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
export const ANN_BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';
/** On a PV: the provisioner that created it (and is responsible for deleting it). */
export const ANN_DYNAMICALLY_PROVISIONED = 'pv.kubernetes.io/provisioned-by';
export const ANN_DEFAULT_CLASS = 'storageclass.kubernetes.io/is-default-class';
export const ANN_BETA_DEFAULT_CLASS = 'storageclass.beta.kubernetes.io/is-default-class';
/** The pre-1.6 way of naming a claim's or volume's class; still honoured. */
export const ANN_BETA_STORAGE_CLASS = 'volume.beta.kubernetes.io/storage-class';
/** kind's local-path provisioner records the node it provisioned on. */
export const ANN_LOCAL_PATH_SELECTED_NODE = 'local.path.provisioner/selected-node';

export const PVC_PROTECTION_FINALIZER = 'kubernetes.io/pvc-protection';
export const PV_PROTECTION_FINALIZER = 'kubernetes.io/pv-protection';

/** A class with this provisioner never provisions (local volumes are created by an administrator). */
export const NO_PROVISIONER = 'kubernetes.io/no-provisioner';
/** The provisioner kind ships, and the one this playground runs. */
export const LOCAL_PATH_PROVISIONER = 'rancher.io/local-path';
export const LOCAL_PATH_ROOT = '/var/local-path-provisioner';

export const PV_CONTROLLER = 'persistentvolume-controller';
export const LABEL_HOSTNAME = 'kubernetes.io/hostname';

/** upstream: the PV controller's informers resync every 15s; unbound claims are retried then. */
export const PV_SYNC_PERIOD_MS = 15_000;
