/**
 * The external provisioner kind runs (actor `rancher.io/local-path`): provisions the claims the PV
 * controller hands it (a directory on the node the scheduler selected), deletes the volumes it
 * provisioned once they are Released with policy Delete, and grows them when their claim asks for
 * more. upstream: sig-storage-lib-external-provisioner controller.go (syncClaim, shouldProvision,
 * provisionClaimOperation, shouldDelete, the 15s…1000s retry back-off), rancher/local-path-provisioner
 */
import type { Node } from 'kubernetes-types/core/v1';
import { imageDigest } from '../../kubelet/ids';
import { clone } from '../../util/objects';
import type { Controller, ReconcileContext, ReconcileResult } from '../types';
import {
  ANN_BETA_STORAGE_PROVISIONER, ANN_DYNAMICALLY_PROVISIONED, ANN_SELECTED_NODE, ANN_STORAGE_PROVISIONER, LOCAL_PATH_PROVISIONER,
} from './constants';
import { cannotProvision, localPathVolume, provisionError, provisionedVolumeName } from './localPathVolume';
import { claimClass, getClass, type ClaimObject, type VolumeObject } from './storageClasses';
import { resizeClaim } from './volumeExpansion';

/** The helper Pod that creates (or removes) the directory on the node takes about this long. */
const HELPER_POD_MS = 2_000;
const RETRY_BASE_MS = 15_000;
const RETRY_MAX_MS = 1_000_000;
/** upstream DefaultFailedProvisionThreshold: the library gives up on a claim after this many failures. */
const FAILED_PROVISION_THRESHOLD = 15;

interface ProvisionMemo { failures: number; nextAt: number; inFlightSince?: number; stopped?: boolean }

/** `<provisioner>_<pod>_<uuid>`: the library's identity, the source of its Events (stable, not random). */
function identity(): string {
  const h = imageDigest('local-path-storage/local-path-provisioner').slice(7);
  const uuid = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
  return `${LOCAL_PATH_PROVISIONER}_local-path-provisioner-7577fdbbfb-xw2bq_${uuid}`;
}
export const LOCAL_PATH_IDENTITY = identity();

const claimKey = (c: ClaimObject) => `${c.metadata.namespace}/${c.metadata.name}`;
const eventFrom = { component: LOCAL_PATH_IDENTITY };

/** upstream shouldProvision: unbound, handed to us by the PV controller, and (WaitForFirstConsumer) a node chosen. */
function shouldProvision(ctx: ReconcileContext, claim: ClaimObject): boolean {
  if (claim.spec?.volumeName) return false;
  const a = claim.metadata.annotations ?? {};
  if ((a[ANN_STORAGE_PROVISIONER] ?? a[ANN_BETA_STORAGE_PROVISIONER]) !== LOCAL_PATH_PROVISIONER) return false;
  const sc = getClass(ctx, claimClass(claim));
  if (!sc) return false;
  return sc.volumeBindingMode !== 'WaitForFirstConsumer' || !!a[ANN_SELECTED_NODE];
}

function provision(ctx: ReconcileContext, claim: ClaimObject): ReconcileResult | void {
  const memoKey = `provision/${claim.metadata.uid}`;
  const memo = ctx.memo.get<ProvisionMemo>(memoKey) ?? { failures: 0, nextAt: 0 };
  if (memo.stopped || ctx.get('PersistentVolume', provisionedVolumeName(claim))) return;
  const sc = getClass(ctx, claimClass(claim))!;
  const nodeName = claim.metadata.annotations?.[ANN_SELECTED_NODE];
  const node = nodeName ? ctx.get('Node', nodeName) as unknown as Node | undefined : undefined;
  if (nodeName && !node) return reschedule(ctx, claim, nodeName);
  if (memo.inFlightSince !== undefined) {
    const doneAt = memo.inFlightSince + HELPER_POD_MS;
    if (ctx.now < doneAt) return { requeueAfter: doneAt - ctx.now };
    ctx.memo.delete(memoKey);
    const pv = localPathVolume(claim, sc, node!);
    const created = ctx.create(pv, `${LOCAL_PATH_PROVISIONER} created PersistentVolume ${pv.metadata!.name} for claim ` +
      `${claimKey(claim)}: a ${claim.spec?.resources?.requests?.storage} directory on ${nodeName}, pinned there by node affinity`);
    if (created.ok) ctx.event(claim, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${pv.metadata!.name}`, eventFrom);
    return;
  }
  if (ctx.now < memo.nextAt) return { requeueAfter: memo.nextAt - ctx.now };
  const refused = cannotProvision(claim);
  if (refused) {
    ctx.memo.set<ProvisionMemo>(memoKey, { ...memo, stopped: true });
    ctx.describe(`${LOCAL_PATH_PROVISIONER} refuses claim ${claimKey(claim)}: it only makes Filesystem volumes`);
    ctx.event(claim, 'Warning', 'ProvisioningFailed', refused, eventFrom);
    return;
  }
  ctx.event(claim, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${claimKey(claim)}"`, eventFrom);
  const error = provisionError(claim, node);
  if (!error) {
    ctx.memo.set<ProvisionMemo>(memoKey, { ...memo, inFlightSince: ctx.now });
    ctx.describe(`${LOCAL_PATH_PROVISIONER} provisions a volume for claim ${claimKey(claim)} on ${nodeName}: ` +
      'a helper Pod creates its directory');
    return { requeueAfter: HELPER_POD_MS };
  }
  const failures = memo.failures + 1;
  const backoff = Math.min(RETRY_BASE_MS * 2 ** (failures - 1), RETRY_MAX_MS);
  const giveUp = failures > FAILED_PROVISION_THRESHOLD;
  ctx.memo.set<ProvisionMemo>(memoKey, { failures, nextAt: ctx.now + backoff, stopped: giveUp });
  ctx.describe(`${LOCAL_PATH_PROVISIONER} cannot provision claim ${claimKey(claim)}: ${error}` +
    (giveUp ? ' (giving up)' : ` (retry in ${backoff / 1000}s)`));
  ctx.event(claim, 'Warning', 'ProvisioningFailed', `failed to provision volume with StorageClass "${claimClass(claim)}": ${error}`, eventFrom);
  return giveUp ? undefined : { requeueAfter: backoff };
}

/** The selected node is gone: the library drops the annotation so the scheduler picks another node. */
function reschedule(ctx: ReconcileContext, claim: ClaimObject, nodeName: string): void {
  const next = clone(claim);
  const annotations = { ...(next.metadata.annotations ?? {}) };
  delete annotations[ANN_SELECTED_NODE];
  next.metadata.annotations = annotations;
  ctx.update(next, `${LOCAL_PATH_PROVISIONER} gives claim ${claimKey(claim)} back to the scheduler: node ${nodeName} does not exist`);
  ctx.event(claim, 'Warning', 'ProvisioningFailed', `nodes "${nodeName}" not found`, eventFrom);
}

/** upstream shouldDelete + deleteVolumeOperation: a Released volume of ours with policy Delete goes, directory first. */
function deleteVolume(ctx: ReconcileContext, pv: VolumeObject): ReconcileResult | void {
  if (pv.metadata.annotations?.[ANN_DYNAMICALLY_PROVISIONED] !== LOCAL_PATH_PROVISIONER || pv.metadata.deletionTimestamp) return;
  if (pv.status?.phase !== 'Released' || pv.spec?.persistentVolumeReclaimPolicy !== 'Delete') return;
  const memoKey = `delete/${pv.metadata.uid}`;
  const since = ctx.memo.get<number>(memoKey);
  if (since === undefined) {
    ctx.memo.set(memoKey, ctx.now);
    return { requeueAfter: HELPER_POD_MS };
  }
  if (ctx.now < since + HELPER_POD_MS) return { requeueAfter: since + HELPER_POD_MS - ctx.now };
  ctx.memo.delete(memoKey);
  ctx.delete('PersistentVolume', pv.metadata.name, undefined, {}, `${LOCAL_PATH_PROVISIONER} deleted PersistentVolume ` +
    `${pv.metadata.name} and its directory ${pv.spec?.hostPath?.path ?? ''}: its claim is gone and its reclaim policy is Delete`);
}

export const localPathProvisioner: Controller = {
  name: LOCAL_PATH_PROVISIONER,
  watches: [
    { kind: 'PersistentVolumeClaim', map: (c) => [`claim/${c.metadata.namespace}/${c.metadata.name}`] },
    {
      kind: 'PersistentVolume',
      map: (pv) => (pv.metadata.annotations?.[ANN_DYNAMICALLY_PROVISIONED] === LOCAL_PATH_PROVISIONER ? [`volume/${pv.metadata.name}`] : []),
    },
  ],
  reconcile(key, ctx) {
    const [kind, ...rest] = key.split('/');
    if (kind === 'volume') {
      const pv = ctx.get('PersistentVolume', rest[0]) as VolumeObject | undefined;
      return pv ? deleteVolume(ctx, pv) : undefined;
    }
    const claim = ctx.get('PersistentVolumeClaim', rest[1], rest[0]) as ClaimObject | undefined;
    if (!claim) return undefined;
    if (shouldProvision(ctx, claim)) return provision(ctx, claim);
    return resizeClaim(ctx, clone(claim));
  },
};
