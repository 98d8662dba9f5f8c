/**
 * Pod volumes: unique DNS-label names and exactly one source each, with each source's own rules.
 * upstream: pkg/apis/core/validation/validation.go (ValidateVolumes, validateVolumeSource, …)
 */
import { type FieldError, duplicate, forbidden, invalid, notSupported, required } from '../errors';
import { isDNS1123Label } from '../names';
import { parseExact } from '../defaults/quantity';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>;

const FILE_MODE = 'must be a number between 0 and 0777 (octal), both inclusive';
const HOST_PATH_TYPES = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];

export function validateLocalDescendingPath(p: string, field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (p.startsWith('/')) errs.push(invalid(field, p, 'must be a relative path'));
  errs.push(...noBacksteps(p, field));
  return errs;
}

function noBacksteps(p: string, field: string): FieldError[] {
  return p.replace(/\\/g, '/').split('/').includes('..') ? [invalid(field, p, "must not contain '..'")] : [];
}

function localNonReservedPath(p: string, field: string): FieldError[] {
  const errs = validateLocalDescendingPath(p, field);
  if (p.startsWith('..') && !p.startsWith('../')) errs.push(invalid(field, p, "must not start with '..'"));
  return errs;
}

function mode(value: unknown, field: string): FieldError[] {
  return typeof value === 'number' && (value < 0 || value > 0o777) ? [invalid(field, value, FILE_MODE)] : [];
}

function keyToPaths(items: unknown, field: string): FieldError[] {
  if (!Array.isArray(items)) return [];
  return items.flatMap((kp: Obj, i) => {
    const path = `${field}[${i}]`;
    const errs: FieldError[] = [];
    if (!kp?.key) errs.push(required(`${path}.key`));
    if (!kp?.path) errs.push(required(`${path}.path`));
    errs.push(...localNonReservedPath(String(kp?.path ?? ''), `${path}.path`), ...mode(kp?.mode, `${path}.mode`));
    return errs;
  });
}

function requireKeys(src: Obj, field: string, keys: string[]): FieldError[] {
  return keys.filter((k) => !src[k] || (Array.isArray(src[k]) && src[k].length === 0)).map((k) => required(`${field}.${k}`));
}

function projected(p: Obj, field: string): FieldError[] {
  const errs: FieldError[] = mode(p.defaultMode, `${field}.defaultMode`);
  const seen = new Set<string>();
  const track = (path: unknown, value: unknown) => {
    if (!path) return;
    if (seen.has(String(path))) errs.push(invalid(field, value, 'conflicting duplicate paths'));
    seen.add(String(path));
  };
  (Array.isArray(p.sources) ? p.sources : []).forEach((s: Obj, i: number) => {
    const src = `${field}.sources[${i}]`;
    const kinds = ['secret', 'configMap', 'downwardAPI', 'serviceAccountToken', 'clusterTrustBundle'].filter((k) => s?.[k]);
    if (s?.secret || s?.configMap) {
      const key = s.secret ? 'secret' : 'configMap';
      if (!s[key].name) errs.push(required(`${src}.${key}.name`));
      errs.push(...keyToPaths(s[key].items, `${src}.${key}.items`));
      for (const kp of s[key].items ?? []) track(kp?.path, s[key].name ?? '');
    }
    for (const f of s?.downwardAPI?.items ?? []) {
      if (!f?.path) errs.push(required(`${src}.downwardAPI.path`));
      track(f?.path, f?.path);
    }
    const token = s?.serviceAccountToken;
    if (token) {
      const exp = token.expirationSeconds ?? 0;
      if (exp < 600) errs.push(invalid(`${src}.serviceAccountToken.expirationSeconds`, exp, 'may not specify a duration less than 10 minutes'));
      if (exp > 2 ** 32) errs.push(invalid(`${src}.serviceAccountToken.expirationSeconds`, exp, 'may not specify a duration larger than 2^32 seconds'));
      if (!token.path) errs.push(required(`${field}.path`));
      else errs.push(...localNonReservedPath(String(token.path), `${field}.path`));
    }
    if (kinds.length > 1) errs.push(forbidden(src, 'may not specify more than 1 volume type per source'));
  });
  return errs;
}

/** [json key, name in the "more than 1" error, path used for the source's own errors, rules]. */
type Source = [string, string, string, (src: Obj, field: string) => FieldError[]];

const SOURCES: Source[] = [
  ['emptyDir', 'emptyDir', 'emptyDir', (s, f) => (parseExact(s.sizeLimit)?.negative
    ? [forbidden(`${f}.sizeLimit`, 'SizeLimit field must be a valid resource quantity')] : [])],
  ['hostPath', 'hostPath', 'hostPath', (s, f) => {
    if (!s.path) return [required(`${f}.path`)];
    const errs = noBacksteps(String(s.path), `${f}.path`);
    if (s.type != null && !HOST_PATH_TYPES.includes(s.type)) errs.push(notSupported(`${f}.type`, s.type, HOST_PATH_TYPES));
    return errs;
  }],
  ['gitRepo', 'gitRepo', 'gitRepo', (s, f) => [...requireKeys(s, f, ['repository']),
    ...validateLocalDescendingPath(String(s.directory ?? ''), `${f}.directory`)]],
  ['gcePersistentDisk', 'gcePersistentDisk', 'persistentDisk', (s, f) => requireKeys(s, f, ['pdName'])],
  ['awsElasticBlockStore', 'awsElasticBlockStore', 'awsElasticBlockStore', (s, f) => requireKeys(s, f, ['volumeID'])],
  ['secret', 'secret', 'secret', (s, f) => [...requireKeys(s, f, ['secretName']), ...mode(s.defaultMode, `${f}.defaultMode`),
    ...keyToPaths(s.items, `${f}.items`)]],
  ['nfs', 'nfs', 'nfs', (s, f) => [...requireKeys(s, f, ['server', 'path']),
    ...(String(s.path ?? '').startsWith('/') ? [] : [invalid(`${f}.path`, s.path ?? '', 'must be an absolute path')])]],
  ['iscsi', 'iscsi', 'iscsi', (s, f) => requireKeys(s, f, ['targetPortal', 'iqn'])],
  ['glusterfs', 'glusterfs', 'glusterfs', (s, f) => requireKeys(s, f, ['endpoints', 'path'])],
  ['flocker', 'flocker', 'flocker', (s, f) => (s.datasetName || s.datasetUUID ? []
    : [required(f, 'one of datasetName and datasetUUID is required')])],
  ['persistentVolumeClaim', 'persistentVolumeClaim', 'persistentVolumeClaim', (s, f) => requireKeys(s, f, ['claimName'])],
  ['rbd', 'rbd', 'rbd', (s, f) => requireKeys(s, f, ['monitors', 'image'])],
  ['cinder', 'cinder', 'cinder', (s, f) => requireKeys(s, f, ['volumeID'])],
  ['cephfs', 'cephFS', 'cephfs', (s, f) => requireKeys(s, f, ['monitors'])],
  ['quobyte', 'quobyte', 'quobyte', (s, f) => requireKeys(s, f, ['volume'])],
  // upstream spells this one "downwarAPI" in its error
  ['downwardAPI', 'downwarAPI', 'downwardAPI', (s, f) => [...mode(s.defaultMode, `${f}.defaultMode`),
    ...(s.items ?? []).flatMap((it: Obj) => [...(it?.path ? [] : [required(`${f}.path`)]), ...localNonReservedPath(String(it?.path ?? ''), `${f}.path`),
      ...(it?.fieldRef || it?.resourceFieldRef ? [] : [required(f, 'one of fieldRef and resourceFieldRef is required')])])]],
  ['fc', 'fc', 'fc', (s, f) => ((s.targetWWNs?.length || s.wwids?.length) ? []
    : [required(`${f}.targetWWNs`, 'must specify either targetWWNs or wwids, but not both')])],
  ['flexVolume', 'flexVolume', 'flexVolume', (s, f) => requireKeys(s, f, ['driver'])],
  ['configMap', 'configMap', 'configMap', (s, f) => [...requireKeys(s, f, ['name']), ...mode(s.defaultMode, `${f}.defaultMode`),
    ...keyToPaths(s.items, `${f}.items`)]],
  ['azureFile', 'azureFile', 'azureFile', (s, f) => requireKeys(s, f, ['secretName', 'shareName'])],
  ['vsphereVolume', 'vsphereVolume', 'vsphereVolume', (s, f) => requireKeys(s, f, ['volumePath'])],
  ['photonPersistentDisk', 'photonPersistentDisk', 'photonPersistentDisk', (s, f) => requireKeys(s, f, ['pdID'])],
  ['portworxVolume', 'portworxVolume', 'portworxVolume', (s, f) => requireKeys(s, f, ['volumeID'])],
  ['azureDisk', 'azureDisk', 'azureDisk', (s, f) => [...requireKeys(s, f, ['diskName']),
    ...(s.diskURI ? [] : [required(`${f}.diskURI`)])]],
  ['storageos', 'storageos', 'storageos', (s, f) => requireKeys(s, f, ['volumeName'])],
  ['projected', 'projected', 'projected', projected],
  ['scaleIO', 'scaleIO', 'scaleIO', (s, f) => requireKeys(s, f, ['gateway', 'system', 'volumeName'])],
  ['csi', 'csi', 'csi', (s, f) => requireKeys(s, f, ['driver'])],
  ['ephemeral', 'ephemeral', 'ephemeral', (s, f) => (s.volumeClaimTemplate ? [] : [required(`${f}.volumeClaimTemplate`)])],
  ['image', 'image', 'image', () => []],
];

function validateVolumeSource(v: Obj, field: string): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const [key, name, child, rules] of SOURCES) {
    const src = v[key];
    if (src == null) continue;
    if (count > 0 && key !== 'emptyDir') {
      errs.push(forbidden(`${field}.${name}`, 'may not specify more than 1 volume type'));
      continue;
    }
    count++;
    errs.push(...rules(typeof src === 'object' ? src : {}, `${field}.${child}`));
  }
  if (count === 0) errs.push(required(field, 'must specify a volume type'));
  return errs;
}

/** Errors, and the volumes that passed (only those can be mounted: upstream builds the mount map from them). */
export function validateVolumes(volumes: unknown, path: string): { errs: FieldError[]; valid: Map<string, Obj> } {
  const errs: FieldError[] = [];
  const valid = new Map<string, Obj>();
  (Array.isArray(volumes) ? volumes : []).forEach((v: Obj, i) => {
    const field = `${path}[${i}]`;
    const el = validateVolumeSource(v ?? {}, field);
    const name = String(v?.name ?? '');
    if (!name) el.push(required(`${field}.name`));
    else el.push(...isDNS1123Label(name).map((m) => invalid(`${field}.name`, name, m)));
    if (valid.has(name)) el.push(duplicate(`${field}.name`, name));
    if (el.length === 0) valid.set(name, v);
    else errs.push(...el);
  });
  return { errs, valid };
}
