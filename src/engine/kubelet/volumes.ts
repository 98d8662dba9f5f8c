import type { HostPathVolumeSource, Pod, Volume } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api';
import type { StoreReader, WatchSpec } from '../controllers/types';
import { attachableVolume, isAttached, type VolumeAttachmentObject } from '../controllers/volume/attachable';
import { checkHostPathType, type NodePathKind } from '../controllers/volume/hostPathTypes';
import { podClaimNames } from '../controllers/volume/podVolumes';
import type { ClaimObject, VolumeObject } from '../controllers/volume/storageClasses';
import { act, podEvent, wake, type PodSync } from './podSync';
import { missingKeyError } from './volumeFiles';

const FIRST_RETRY_MS = 500;
/** upstream: the operation executor's exponential back-off caps at 2m2s. */
const MAX_RETRY_MS = 122_000;
/** upstream: a failed pod sync is retried after the pod worker's back-off period (10s). */
const SYNC_BACKOFF_MS = 10_000;

/** The ConfigMaps and Secrets a volume needs (non-optional ones only). */
export function volumeSources(volume: Volume): { kind: 'ConfigMap' | 'Secret'; name: string }[] {
  const out: { kind: 'ConfigMap' | 'Secret'; name: string }[] = [];
  if (volume.configMap?.name && !volume.configMap.optional) out.push({ kind: 'ConfigMap', name: volume.configMap.name });
  if (volume.secret?.secretName && !volume.secret.optional) out.push({ kind: 'Secret', name: volume.secret.secretName });
  for (const source of volume.projected?.sources ?? []) {
    if (source.configMap?.name && !source.configMap.optional) out.push({ kind: 'ConfigMap', name: source.configMap.name });
    if (source.secret?.name && !source.secret.optional) out.push({ kind: 'Secret', name: source.secret.name });
  }
  return out;
}

/** upstream GetPodVolumeNames: the volumes some container mounts (the others are never set up). */
function usedVolumes(pod: Pod): Set<string> {
  const out = new Set<string>();
  for (const c of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]) {
    for (const m of c.volumeMounts ?? []) out.add(m.name);
    for (const d of c.volumeDevices ?? []) out.add(d.name);
  }
  return out;
}

/**
 * upstream desired_state_of_world_populator (getPVCExtractPV, getPVSpec): why the volume manager
 * cannot take a claim volume on yet, or the bound volume when it can.
 */
function processClaim(s: PodSync, claimName: string): { error: string } | { pv: VolumeObject } {
  const ns = s.pod.metadata.namespace ?? 'default';
  const fail = (why: string) => ({ error: `error processing PVC ${ns}/${claimName}: ${why}` });
  const claim = s.ctx.get('PersistentVolumeClaim', claimName, ns) as ClaimObject | undefined;
  if (!claim) return fail(`failed to fetch PVC from API server: persistentvolumeclaims "${claimName}" not found`);
  if (claim.metadata.deletionTimestamp) return fail('PVC is being deleted');
  if (claim.status?.phase !== 'Bound') return fail('PVC is not bound');
  const pvName = claim.spec?.volumeName ?? '';
  const pv = s.ctx.get('PersistentVolume', pvName) as VolumeObject | undefined;
  if (!pv) return fail(`failed to fetch PV ${pvName} from API server: persistentvolumes "${pvName}" not found`);
  if (!pv.spec?.claimRef) return fail(`found PV object ${pvName} but it has a nil pv.Spec.ClaimRef indicating it is not yet bound to the claim`);
  if (pv.spec.claimRef.uid !== claim.metadata.uid) {
    return fail(`found PV object ${pvName} but its pv.Spec.ClaimRef.UID (${pv.spec.claimRef.uid ?? ''}) does not point to claim.UID (${claim.metadata.uid})`);
  }
  return { pv };
}

interface ClaimState { unprocessed: string[]; unattached: string[]; errors: string[] }

/** The claim volumes the volume manager cannot process, and those still waiting to be attached to this node. */
function claimVolumes(s: PodSync): ClaimState {
  const used = usedVolumes(s.pod);
  const out: ClaimState = { unprocessed: [], unattached: [], errors: [] };
  for (const { volume, claim } of podClaimNames(s.pod)) {
    if (!used.has(volume)) continue;
    const r = processClaim(s, claim);
    if ('error' in r) {
      out.unprocessed.push(volume);
      out.errors.push(r.error);
    } else if (attachableVolume(r.pv, s.ctx) && !isAttached(s.ctx, r.pv.metadata.name, s.node)) {
      out.unattached.push(volume);
    }
  }
  out.unprocessed.sort();
  out.unattached.sort();
  return out;
}

/**
 * WaitForAttachAndMount failing with the populator's errors: FailedMount, and the pod worker retries
 * after its back-off. (A volume merely not attached yet makes the wait time out, which 1.28+ kubelets
 * do not report: the Pod just stays in ContainerCreating.)
 */
function reportClaimErrors(s: PodSync, state: ClaimState): 'acted' | 'blocked' {
  const mount = s.memo.mount;
  if (mount && s.now < mount.retryAt) {
    wake(s, mount.retryAt);
    return 'blocked';
  }
  const unmounted = [...new Set([...state.unprocessed, ...state.unattached])].sort();
  const message = `Unable to attach or mount volumes: unmounted volumes=[${unmounted.join(' ')}], unattached volumes=` +
    `[${state.unattached.join(' ')}], failed to process volumes=[${state.unprocessed.join(' ')}]: ${state.errors.join('; ')}`;
  podEvent(s, 'Warning', 'FailedMount', message);
  const retryAt = s.now + SYNC_BACKOFF_MS;
  s.memo = { ...s.memo, mount: { failures: (mount?.failures ?? 0) + 1, retryAt } };
  act(s, `Cannot mount the volumes of pod ${s.pod.metadata.name} yet: ${state.errors[0]}`);
  wake(s, retryAt);
  return 'acted';
}

/** The hostPath sources the Pod's used volumes mount (inline, or a claim's hostPath PersistentVolume). */
function hostPaths(s: PodSync): { volume: string; source: HostPathVolumeSource }[] {
  const used = usedVolumes(s.pod);
  const out: { volume: string; source: HostPathVolumeSource }[] = [];
  const ns = s.pod.metadata.namespace ?? 'default';
  for (const v of s.pod.spec?.volumes ?? []) {
    if (!used.has(v.name)) continue;
    if (v.hostPath) out.push({ volume: v.name, source: v.hostPath });
    const claimName = v.persistentVolumeClaim?.claimName ?? (v.ephemeral ? `${s.pod.metadata.name}-${v.name}` : undefined);
    const claim = claimName ? s.ctx.get('PersistentVolumeClaim', claimName, ns) as ClaimObject | undefined : undefined;
    const pv = claim?.spec?.volumeName ? s.ctx.get('PersistentVolume', claim.spec.volumeName) as VolumeObject | undefined : undefined;
    if (pv?.spec?.hostPath) out.push({ volume: v.name, source: pv.spec.hostPath });
  }
  return out;
}

/**
 * hostPath type checks against the Node's filesystem: the SetUp error of the first that fails, or
 * (all passing) the paths DirectoryOrCreate / FileOrCreate make, recorded in the Node's table.
 */
function checkHostPaths(s: PodSync, write: boolean): string | undefined {
  const table = s.ctx.table<NodePathKind>(`node-paths/${s.node}`);
  const created = new Map(table.entries());
  for (const { volume, source } of hostPaths(s)) {
    const r = checkHostPathType(source, created);
    if ('error' in r) return `MountVolume.SetUp failed for volume "${volume}" : ${r.error}`;
    for (const [path, kind] of r.create) created.set(path, kind);
  }
  if (write) for (const [path, kind] of created) if (table.get(path) !== kind) table.set(path, kind);
  return undefined;
}

/** The first volume that cannot be set up, with upstream's FailedMount message. */
function failingVolume(s: PodSync): string | undefined {
  const ns = s.pod.metadata.namespace ?? 'default';
  const hostPathProblem = checkHostPaths(s, false);
  if (hostPathProblem) return hostPathProblem;
  for (const volume of s.pod.spec?.volumes ?? []) {
    for (const source of volumeSources(volume)) {
      if (!s.ctx.get(source.kind, source.name, ns)) {
        return `MountVolume.SetUp failed for volume "${volume.name}" : ${source.kind.toLowerCase()} "${source.name}" not found`;
      }
    }
    const missingKey = missingKeyError(volume, s.ctx, ns);
    if (missingKey) return `MountVolume.SetUp failed for volume "${volume.name}" : ${missingKey}`;
  }
  return undefined;
}

/**
 * The volume manager's WaitForAttachAndMount, before the sandbox exists: claims must be bound (and
 * their volumes attached), and a missing ConfigMap or Secret keeps the pod in ContainerCreating with
 * FailedMount events, retried with back-off.
 */
export function ensureVolumes(s: PodSync): 'ready' | 'acted' | 'blocked' {
  if (s.memo.mount?.failures === -1) return 'ready';
  const claims = claimVolumes(s);
  if (claims.errors.length) return reportClaimErrors(s, claims);
  if (claims.unattached.length) return 'blocked'; // woken by the VolumeAttachment watch
  const problem = failingVolume(s);
  if (!problem) {
    checkHostPaths(s, true);
    s.memo = { ...s.memo, mount: { failures: -1, retryAt: 0 } };
    return 'ready';
  }
  const mount = s.memo.mount;
  if (mount && s.now < mount.retryAt) {
    wake(s, mount.retryAt);
    return 'blocked';
  }
  const failures = (mount?.failures ?? 0) + 1;
  const retryAt = s.now + Math.min(FIRST_RETRY_MS * 2 ** (failures - 1), MAX_RETRY_MS);
  podEvent(s, 'Warning', 'FailedMount', problem);
  s.memo = { ...s.memo, mount: { failures, retryAt } };
  act(s, problem);
  wake(s, retryAt);
  return 'acted';
}

/**
 * The kubelet's watches for volume readiness: a claim becoming bound, or a volume being attached to
 * this node, lets the Pods waiting for them go on.
 */
export function volumeWatches(nodeName: string): WatchSpec[] {
  const podsOnNode = (lister: Pick<StoreReader, 'list'>, namespace: string | undefined, uses: (claim: string) => boolean) =>
    (lister.list('Pod', namespace) as (KubeObject & Pod)[])
      .filter((p) => p.spec?.nodeName === nodeName && podClaimNames(p).some((c) => uses(c.claim)))
      .map((p) => `pod/${p.metadata.namespace ?? 'default'}/${p.metadata.name}`);
  return [
    { kind: 'PersistentVolumeClaim', map: (pvc, _old, lister) => podsOnNode(lister, pvc.metadata.namespace, (c) => c === pvc.metadata.name) },
    {
      kind: 'VolumeAttachment',
      map: (obj, _old, lister) => {
        const va = obj as VolumeAttachmentObject;
        if (va.spec?.nodeName !== nodeName) return [];
        const claims = (lister.list('PersistentVolumeClaim') as ClaimObject[])
          .filter((c) => c.spec?.volumeName === va.spec.source.persistentVolumeName);
        return claims.flatMap((c) => podsOnNode(lister, c.metadata.namespace, (n) => n === c.metadata.name));
      },
    },
  ];
}
