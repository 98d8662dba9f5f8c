/**
 * PersistentVolumeClaims, PersistentVolumes and StorageClasses as the graph shows them: kubectl's
 * STATUS (the phase, or Terminating once deleted), capacity and access modes, the class, and for
 * a Pending claim what it waits for (its newest Event, worded by the PV controller).
 * upstream: pkg/printers/internalversion/printers.go (printPersistentVolume[Claim], printStorageClass),
 * pkg/apis/core/helper (GetAccessModesAsString).
 */
import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { dataParts, joinParts, messageParts, wordParts, type TextPart } from '../i18n/textParts';
import { englishT, type Translate } from '../i18n/translate';
import type { StorageData } from './storageTypes';
import type { Tone } from './types';

const DEFAULT_CLASS = 'storageclass.kubernetes.io/is-default-class';
const BETA_DEFAULT_CLASS = 'storageclass.beta.kubernetes.io/is-default-class';
const BETA_CLASS = 'volume.beta.kubernetes.io/storage-class';
const HOSTNAME = 'kubernetes.io/hostname';

/** upstream GetAccessModesAsString: RWO, ROX, RWX, RWOP in that order, comma-separated. */
export function accessModesText(modes: readonly string[] | undefined): string {
  const set = new Set(modes ?? []);
  return ([['ReadWriteOnce', 'RWO'], ['ReadOnlyMany', 'ROX'], ['ReadWriteMany', 'RWX'], ['ReadWriteOncePod', 'RWOP']] as const)
    .filter(([mode]) => set.has(mode)).map(([, short]) => short).join(',');
}

export function isDefaultClass(sc: StorageClass): boolean {
  const a = sc.metadata?.annotations ?? {};
  return a[DEFAULT_CLASS] === 'true' || a[BETA_DEFAULT_CLASS] === 'true';
}

/** upstream GetPersistentVolume(Claim)Class: the beta annotation wins over the field. */
export function classOf(obj: PersistentVolume | PersistentVolumeClaim): string {
  return obj.metadata?.annotations?.[BETA_CLASS] ?? obj.spec?.storageClassName ?? '';
}

function phaseTone(status: string): Tone {
  if (status === 'Bound') return 'running';
  if (status === 'Available') return 'succeeded';
  if (status === 'Terminating') return 'terminating';
  if (status === 'Lost' || status === 'Failed') return 'failed';
  if (status === 'Released') return 'unknown';
  return 'pending';
}

function line(...parts: (string | undefined)[]): string {
  return parts.filter(Boolean).join(' · ');
}

/** `class standard` / `no class` (the class name is data). */
function classLine(cls: string, t: Translate): TextPart[] {
  return cls ? messageParts((mark) => t('graph.className', { name: mark(cls) })) : wordParts(t('graph.noClass'));
}

/** `t` words the card's facts and accessible name (English by default); names, phases and sizes stay as they are. */
export function claimData(pvc: PersistentVolumeClaim, reason?: string, t: Translate = englishT): StorageData {
  const name = pvc.metadata?.name ?? '';
  const namespace = pvc.metadata?.namespace ?? 'default';
  const status = pvc.metadata?.deletionTimestamp ? 'Terminating' : pvc.status?.phase ?? 'Pending';
  const volume = pvc.spec?.volumeName;
  const capacity = pvc.status?.capacity?.storage ?? pvc.spec?.resources?.requests?.storage;
  const modes = accessModesText(pvc.status?.accessModes?.length ? pvc.status.accessModes : pvc.spec?.accessModes);
  const cls = classOf(pvc);
  const bound = status === 'Bound' && volume;
  return {
    kind: 'PersistentVolumeClaim',
    name,
    namespace,
    uid: pvc.metadata?.uid ?? '',
    status,
    tone: phaseTone(status),
    details: [
      dataParts(line(capacity, modes)), classLine(cls, t),
      ...(volume && !bound ? [messageParts((mark) => t('graph.volumeName', { name: mark(volume) }))] : []),
    ],
    ...(reason && status === 'Pending' ? { reason } : {}),
    ref: { kind: 'PersistentVolumeClaim', name, namespace },
    ariaLabel: bound ? t('graph.claimBound', { name, volume }) : t('graph.claim', { name, status }),
  };
}

/** The Node a local volume is pinned to (its required node affinity on the hostname label). */
function pinnedNode(pv: PersistentVolume): string | undefined {
  for (const term of pv.spec?.nodeAffinity?.required?.nodeSelectorTerms ?? []) {
    const expr = term.matchExpressions?.find((e) => e.key === HOSTNAME && e.operator === 'In' && e.values?.length === 1);
    if (expr) return expr.values![0];
  }
  return undefined;
}

export function volumeData(pv: PersistentVolume, t: Translate = englishT): StorageData {
  const name = pv.metadata?.name ?? '';
  const status = pv.metadata?.deletionTimestamp ? 'Terminating' : pv.status?.phase ?? 'Pending';
  const capacity = pv.spec?.capacity?.storage ?? '';
  const modes = accessModesText(pv.spec?.accessModes);
  const claim = pv.spec?.claimRef;
  const cls = classOf(pv);
  const node = pinnedNode(pv);
  const size = [capacity, modes].filter(Boolean).join(' ');
  return {
    kind: 'PersistentVolume',
    name,
    uid: pv.metadata?.uid ?? '',
    status,
    tone: phaseTone(status),
    details: [
      dataParts(line(capacity, modes, pv.spec?.persistentVolumeReclaimPolicy ?? 'Retain')),
      joinParts([
        claim ? messageParts((mark) => t('graph.claimName', { name: mark(`${claim.namespace ?? 'default'}/${claim.name}`) })) : wordParts(t('graph.noClaim')),
        node ? messageParts((mark) => t('graph.onNode', { node: mark(node) })) : [],
      ]),
      ...(cls ? [classLine(cls, t)] : []),
    ],
    ref: { kind: 'PersistentVolume', name },
    ariaLabel: size ? t('graph.persistentVolume', { name, status, size }) : t('graph.persistentVolumeNoSize', { name, status }),
  };
}

export function classData(sc: StorageClass, t: Translate = englishT): StorageData {
  const name = sc.metadata?.name ?? '';
  const isDefault = isDefaultClass(sc);
  return {
    kind: 'StorageClass',
    name,
    uid: sc.metadata?.uid ?? '',
    status: '',
    tone: 'succeeded',
    details: [
      dataParts(sc.provisioner ?? ''),
      joinParts([dataParts(sc.volumeBindingMode ?? 'Immediate'), messageParts((mark) => t('graph.reclaim', { policy: mark(sc.reclaimPolicy ?? 'Delete') }))]),
    ],
    isDefault,
    ref: { kind: 'StorageClass', name },
    ariaLabel: isDefault ? t('graph.storageClassDefault', { name }) : t('graph.objectName', { kind: 'StorageClass', name }),
  };
}

/** A claim a Pod names that does not exist (the Pod stays Pending: `persistentvolumeclaim "x" not found`). */
export function missingClaimData(name: string, namespace: string, t: Translate = englishT): StorageData {
  return {
    kind: 'PersistentVolumeClaim', name, namespace, uid: '', status: 'not found', tone: 'failed',
    details: [wordParts(t('graph.noSuchClaim'))], missing: true,
    ref: { kind: 'PersistentVolumeClaim', name, namespace },
    ariaLabel: t('graph.claimNotFound', { name }),
  };
}
