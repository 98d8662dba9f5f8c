/**
 * The PV controller's part in dynamic provisioning: find who provisions the claim's class, hand
 * the claim over with the storage-provisioner annotations, and say so.
 * upstream: pv_controller.go (provisionClaim, findProvisionablePlugin, provisionClaimOperationExternal,
 * setClaimProvisioner, emitEventForUnboundDelayBindingClaim, findNonScheduledPodsByPVC)
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { timestamp } from '../../core/time';
import { clone } from '../../util/objects';
import type { ReconcileContext } from '../types';
import { reportOnce } from './claimEvents';
import { podClaimNames } from './podVolumes';
import { ANN_BETA_STORAGE_PROVISIONER, ANN_STORAGE_PROVISIONER } from './constants';
import {
  claimClass, externalProvisionerName, getClass, isUnservedInTreeProvisioner, type ClaimObject,
} from './storageClasses';

const claimKey = (c: ClaimObject) => `${c.metadata.namespace}/${c.metadata.name}`;

/** The error findProvisionablePlugin gives for a class no running plugin can provision, if any. */
function pluginProblem(provisioner: string): string | undefined {
  if (provisioner === 'kubernetes.io/host-path') {
    return 'Failed to create provisioner: Provisioning in volume plugin "kubernetes.io/host-path" is disabled';
  }
  return isUnservedInTreeProvisioner(provisioner) ? `no volume plugin matched name: ${provisioner}` : undefined;
}

export function provisionClaim(ctx: ReconcileContext, claim: ClaimObject): void {
  const className = claimClass(claim);
  const sc = getClass(ctx, className);
  if (!sc) {
    reportOnce(ctx, claim, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${className}" not found`,
      `PersistentVolumeClaim ${claimKey(claim)} waits: its StorageClass "${className}" does not exist`);
    return;
  }
  const problem = pluginProblem(sc.provisioner);
  if (problem) {
    reportOnce(ctx, claim, 'Warning', 'ProvisioningFailed', problem,
      `PersistentVolumeClaim ${claimKey(claim)} cannot be provisioned: class ${className} names ${sc.provisioner}`);
    return;
  }
  const provisioner = externalProvisionerName(sc.provisioner);
  let current = claim;
  const annotations = claim.metadata.annotations ?? {};
  if (annotations[ANN_STORAGE_PROVISIONER] !== provisioner || annotations[ANN_BETA_STORAGE_PROVISIONER] !== provisioner) {
    const next = clone(claim);
    next.metadata.annotations = { ...annotations, [ANN_STORAGE_PROVISIONER]: provisioner, [ANN_BETA_STORAGE_PROVISIONER]: provisioner };
    const result = ctx.update(next, `PersistentVolumeClaim ${claimKey(claim)} is handed to the external provisioner ` +
      `${provisioner}: no existing volume matches, and its StorageClass ${className} provisions new ones`);
    if (!result.ok) return;
    current = result.object as ClaimObject;
  }
  reportOnce(ctx, current, 'Normal', 'ExternalProvisioning', 'Waiting for a volume to be created either by the external ' +
    `provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify ` +
    'that the provisioner is running and correctly registered.',
  `PersistentVolumeClaim ${claimKey(claim)} waits for the external provisioner ${provisioner} to create its volume`);
}

/**
 * Pods not yet scheduled (and not finished) that use the claim, by name. A Pod created within the
 * current second is not counted: the controller's Pod informer has not seen it yet when it first
 * syncs a claim created together with it (so a StatefulSet's claim first reports WaitForFirstConsumer).
 */
export function nonScheduledPodsUsing(ctx: ReconcileContext, claim: ClaimObject): string[] {
  const pods = ctx.list('Pod', claim.metadata.namespace) as unknown as Pod[];
  const thisSecond = timestamp(ctx.now);
  return pods
    .filter((p) => !p.spec?.nodeName && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed')
    .filter((p) => (p.metadata?.creationTimestamp ?? '') < thisSecond)
    .filter((p) => podClaimNames(p).some((c) => c.claim === claim.metadata.name))
    .map((p) => p.metadata?.name ?? '')
    .sort();
}

/** emitEventForUnboundDelayBindingClaim: a WaitForFirstConsumer claim waits for a Pod, then for its scheduling. */
export function reportDelayedBinding(ctx: ReconcileContext, claim: ClaimObject): void {
  const pods = nonScheduledPodsUsing(ctx, claim);
  let reason = 'WaitForFirstConsumer';
  let message = 'waiting for first consumer to be created before binding';
  if (pods.length) {
    reason = 'WaitForPodScheduled';
    message = pods.length > 1 ? `waiting for pods ${pods.join(',')} to be scheduled` : `waiting for pod ${pods[0]} to be scheduled`;
  }
  reportOnce(ctx, claim, 'Normal', reason, message, `PersistentVolumeClaim ${claimKey(claim)} stays Pending: its class binds ` +
    'WaitForFirstConsumer, so no volume ' +
    (pods.length ? `is chosen before the scheduler places ${pods.join(', ')}` : 'is chosen or provisioned before a Pod uses it'));
}
