/**
 * PersistentVolume, PersistentVolumeClaim and StorageClass validation and their update rules.
 * upstream: pkg/apis/core/validation/validation.go (ValidatePersistentVolumeSpec,
 * ValidatePersistentVolumeClaimSpec, …Update), pkg/apis/storage/validation/validation.go
 */
import { GoValue, type FieldError, forbidden, invalid, notSupported, required } from '../errors';
import { nameIsDNSSubdomain } from '../names';
import { compareQuantities, formatExact, goQuantityText, parseExact } from '../defaults/quantity';
import { semanticEqual } from './equal';
import { validateLabelSelector } from './labelSelector';
import { validateObjectMeta } from './objectMeta';
import { isQualifiedName } from './strings';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>;

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const VOLUME_MODES = ['Block', 'Filesystem'];
const PV_SOURCES = ['hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'glusterfs', 'flocker', 'nfs', 'rbd', 'quobyte',
  'cephfs', 'iscsi', 'cinder', 'fc', 'flexVolume', 'azureFile', 'vsphereVolume', 'photonPersistentDisk', 'portworxVolume',
  'azureDisk', 'scaleIO', 'local', 'storageos', 'csi'];

function accessModes(modes: unknown, field: string, requiredDetail: string): FieldError[] {
  const list: string[] = Array.isArray(modes) ? modes : [];
  const errs: FieldError[] = list.length ? [] : [required(field, requiredDetail)];
  for (const m of list) if (!ACCESS_MODES.includes(m)) errs.push(notSupported(field, m, ACCESS_MODES));
  if (list.includes('ReadWriteOncePod') && list.some((m) => m !== 'ReadWriteOncePod' && ACCESS_MODES.includes(m))) {
    errs.push(forbidden(field, 'may not use ReadWriteOncePod with other access modes'));
  }
  return errs;
}

const positive = (v: unknown, field: string): FieldError[] => {
  const q = parseExact(v);
  return q && (q.negative || q.mantissa === 0n) ? [invalid(field, formatExact(q), 'must be greater than zero')] : [];
};

function className(name: unknown, field: string): FieldError[] {
  return name ? nameIsDNSSubdomain(String(name), false).map((m) => invalid(field, name, m)) : [];
}

export function validatePersistentVolume(obj: Obj): FieldError[] {
  const s: Obj = obj.spec ?? {};
  const errs = validateObjectMeta(obj.metadata, false, nameIsDNSSubdomain);
  errs.push(...accessModes(s.accessModes, 'spec.accessModes', ''));
  const capacity: Obj = s.capacity ?? {};
  if (!Object.keys(capacity).length) errs.push(required('spec.capacity'));
  if (!('storage' in capacity) || Object.keys(capacity).length > 1) {
    const shown = new GoValue(s.capacity == null ? 'core.ResourceList(nil)' : `core.ResourceList{${Object.keys(capacity).sort()
      .map((k) => `"${k}":${goQuantityText(capacity[k])}`).join(', ')}}`);
    errs.push(notSupported('spec.capacity', shown, ['storage']));
  }
  for (const [k, v] of Object.entries(capacity)) errs.push(...positive(v, `spec.capacity[${k}]`));
  const policy = s.persistentVolumeReclaimPolicy;
  if (policy && !['Delete', 'Recycle', 'Retain'].includes(policy)) {
    errs.push(notSupported('spec.persistentVolumeReclaimPolicy', policy, ['Delete', 'Recycle', 'Retain']));
  }
  const sources = PV_SOURCES.filter((k) => s[k] != null);
  if (sources.length === 0) errs.push(required('spec', 'must specify a volume type'));
  for (const extra of sources.slice(1)) errs.push(forbidden(`spec.${extra}`, 'may not specify more than 1 volume type'));
  if (s.hostPath && !s.hostPath.path) errs.push(required('spec.hostPath.path'));
  if (s.nfs) {
    if (!s.nfs.server) errs.push(required('spec.nfs.server'));
    if (!s.nfs.path) errs.push(required('spec.nfs.path'));
    if (!String(s.nfs.path ?? '').startsWith('/')) errs.push(invalid('spec.nfs.path', s.nfs.path ?? '', 'must be an absolute path'));
  }
  if (s.local) {
    if (!s.local.path) errs.push(required('spec.local.path'));
    if (!s.nodeAffinity?.required) errs.push(required('spec.nodeAffinity', 'Local volume requires node affinity'));
  }
  if (s.csi) {
    if (!s.csi.driver) errs.push(required('spec.csi.driver'));
    if (!s.csi.volumeHandle) errs.push(required('spec.csi.volumeHandle'));
  }
  errs.push(...className(s.storageClassName, 'spec.storageClassName'));
  if (s.volumeMode != null && !VOLUME_MODES.includes(s.volumeMode)) errs.push(notSupported('spec.volumeMode', s.volumeMode, VOLUME_MODES));
  return errs;
}

export function validatePersistentVolumeUpdate(obj: Obj, old: Obj): FieldError[] {
  const pick = (spec: Obj | undefined) => Object.fromEntries(PV_SOURCES.map((k) => [k, spec?.[k]]));
  const errs: FieldError[] = [];
  if (!semanticEqual(pick(obj.spec), pick(old.spec))) {
    // upstream appends a struct diff after a newline; omitted here
    errs.push(forbidden('spec.persistentvolumesource', 'spec.persistentvolumesource is immutable after creation'));
  }
  if ((obj.spec?.volumeMode ?? null) !== (old.spec?.volumeMode ?? null)) errs.push(invalid('volumeMode', obj.spec?.volumeMode ?? null, 'field is immutable'));
  return errs;
}

export function validatePersistentVolumeClaimSpec(s: Obj, path: string): FieldError[] {
  const errs = accessModes(s.accessModes, `${path}.accessModes`, 'at least 1 access mode is required');
  if (s.selector) errs.push(...validateLabelSelector(s.selector, `${path}.selector`));
  const storage = s.resources?.requests?.storage;
  if (storage === undefined) errs.push(required(`${path}.resources[storage]`));
  else errs.push(...positive(storage, `${path}.resources[storage]`));
  errs.push(...className(s.storageClassName, `${path}.storageClassName`));
  if (s.volumeMode != null && !VOLUME_MODES.includes(s.volumeMode)) errs.push(notSupported(`${path}.volumeMode`, s.volumeMode, VOLUME_MODES));
  for (const key of ['dataSource', 'dataSourceRef']) {
    const ds = s[key];
    if (!ds) continue;
    if (!ds.name) errs.push(required(`${path}.${key}.name`));
    if (!ds.kind) errs.push(required(`${path}.${key}.kind`));
    if (!ds.apiGroup && ds.kind !== 'PersistentVolumeClaim') {
      errs.push(invalid(`${path}.${key}`, ds.kind ?? '', "must be 'PersistentVolumeClaim' when referencing the default apiGroup"));
    }
  }
  return errs;
}

export function validatePersistentVolumeClaim(obj: Obj): FieldError[] {
  return [...validateObjectMeta(obj.metadata, true, nameIsDNSSubdomain), ...validatePersistentVolumeClaimSpec(obj.spec ?? {}, 'spec')];
}

export function validatePersistentVolumeClaimUpdate(obj: Obj, old: Obj): FieldError[] {
  const s: Obj = obj.spec ?? {};
  const o: Obj = old.spec ?? {};
  const next: Obj = { ...s, volumeAttributesClassName: undefined };
  const prev: Obj = { ...o, volumeAttributesClassName: undefined };
  if (!o.volumeName) prev.volumeName = s.volumeName; // the PV controller sets volumeName once
  // upstream: a class may be set on a claim that had none (the default class was chosen later)
  if (o.storageClassName == null) next.storageClassName = o.storageClassName;
  if (obj.status?.phase === 'Bound') {
    next.resources = { ...s.resources, requests: { ...s.resources?.requests, storage: o.resources?.requests?.storage } };
  }
  const errs: FieldError[] = [];
  if (!semanticEqual(next, prev)) {
    // upstream appends a struct diff after a newline; omitted here
    errs.push(forbidden('spec', 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims'));
  }
  const cmp = compareQuantities(s.resources?.requests?.storage, o.resources?.requests?.storage);
  if (cmp !== undefined && cmp < 0) errs.push(forbidden('spec.resources.requests.storage', 'field can not be less than previous value'));
  if ((s.volumeMode ?? null) !== (o.volumeMode ?? null)) errs.push(invalid('volumeMode', s.volumeMode ?? null, 'field is immutable'));
  return errs;
}

export function validateStorageClass(obj: Obj): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, false, nameIsDNSSubdomain);
  if (!obj.provisioner) errs.push(required('provisioner'));
  else errs.push(...isQualifiedName(String(obj.provisioner).toLowerCase()).map((m) => invalid('provisioner', String(obj.provisioner).toLowerCase(), m)));
  const rp = obj.reclaimPolicy;
  if (rp && rp !== 'Delete' && rp !== 'Retain') errs.push(notSupported('reclaimPolicy', rp, ['Delete', 'Retain']));
  const mode = obj.volumeBindingMode;
  if (mode == null) errs.push(required('volumeBindingMode'));
  else if (mode !== 'Immediate' && mode !== 'WaitForFirstConsumer') {
    errs.push(notSupported('volumeBindingMode', mode, ['Immediate', 'WaitForFirstConsumer']));
  }
  return errs;
}

export function validateStorageClassUpdate(obj: Obj, old: Obj): FieldError[] {
  const errs: FieldError[] = [];
  if (!semanticEqual(obj.parameters, old.parameters)) errs.push(forbidden('parameters', 'updates to parameters are forbidden.'));
  if (obj.provisioner !== old.provisioner) errs.push(forbidden('provisioner', 'updates to provisioner are forbidden.'));
  if (obj.reclaimPolicy !== old.reclaimPolicy) errs.push(forbidden('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'));
  if (obj.volumeBindingMode !== old.volumeBindingMode) errs.push(invalid('volumeBindingMode', obj.volumeBindingMode ?? null, 'field is immutable'));
  return errs;
}
