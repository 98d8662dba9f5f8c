/**
 * The smaller core/v1 kinds: Namespace, Node, ConfigMap, Secret, LimitRange, ResourceQuota, Endpoints.
 * upstream: pkg/apis/core/validation/validation.go (ValidateNamespace, ValidateNode, validateNodeTaints,
 * ValidateConfigMap(Update), ValidateSecret(Update), ValidateLimitRange, ValidateResourceQuotaSpec,
 * validateEndpointSubsets)
 */
import { GoValue, type FieldError, duplicate, forbidden, invalid, notSupported, required, tooLong } from '../errors';
import { byteLength, isDNS1123Label, nameIsDNSLabel, nameIsDNSSubdomain } from '../names';
import { compareQuantities, formatExact, goQuantityText, isWholeQuantity, parseExact } from '../defaults/quantity';
import { semanticEqual } from './equal';
import { validateLabelName, validateObjectMeta } from './objectMeta';
import { validateContainerResourceName, validateQuantityValue } from './resources';
import { validateTaintEffect } from './scheduling';
import { isConfigMapKey, isIP, isQualifiedName, isValidLabelValue, isValidPortNum } from './strings';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>;

const MAX_SIZE = 1024 * 1024;
const entries = (m: unknown): [string, any][] => (m && typeof m === 'object' ? Object.entries(m as Obj) : []);

export function validateNamespace(obj: Obj): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, false, nameIsDNSLabel);
  for (const f of obj.spec?.finalizers ?? []) {
    errs.push(...isQualifiedName(String(f)).map((m) => invalid('spec.finalizers', f, m)));
    if (!String(f).includes('/') && !['kubernetes', 'orphan', 'foregroundDeletion'].includes(f)) {
      errs.push(invalid('spec.finalizers', f, 'name is neither a standard finalizer name nor is it fully qualified'));
    }
  }
  return errs;
}

/** upstream quirk: node taints are reported under `metadata.taints`, not `spec.taints`. */
export function validateNode(obj: Obj): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, false, nameIsDNSSubdomain);
  const seen = new Set<string>();
  (obj.spec?.taints ?? []).forEach((t: Obj, i: number) => {
    const field = `metadata.taints[${i}]`;
    errs.push(...validateLabelName(String(t?.key ?? ''), `${field}.key`));
    const msgs = isValidLabelValue(String(t?.value ?? ''));
    if (msgs.length) errs.push(invalid(`${field}.value`, String(t?.value ?? ''), msgs.join(';')));
    errs.push(...validateTaintEffect(t?.effect, false, `${field}.effect`));
    const key = `${t?.effect}\u0000${t?.key}`;
    if (seen.has(key)) {
      const v = new GoValue(`core.Taint{Key:"${t?.key ?? ''}", Value:"${t?.value ?? ''}", Effect:"${t?.effect ?? ''}", TimeAdded:(*v1.Time)(nil)}`);
      errs.push({ ...duplicate(field, v), detail: 'taints must be unique by key and effect pair' });
    } else seen.add(key);
  });
  for (const part of ['capacity', 'allocatable']) {
    for (const [k, v] of entries(obj.status?.[part])) errs.push(...validateQuantityValue(k, v, `status.${part}.${k}`));
  }
  return errs;
}

function dataKeys(data: unknown, field: string): FieldError[] {
  return entries(data).flatMap(([k]) => isConfigMapKey(k).map((m) => invalid(`${field}[${k}]`, k, m)));
}

export function validateConfigMap(obj: Obj): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, true, nameIsDNSSubdomain);
  let total = 0;
  for (const [k, v] of entries(obj.data)) {
    errs.push(...isConfigMapKey(k).map((m) => invalid(`data[${k}]`, k, m)));
    if (obj.binaryData && k in obj.binaryData) errs.push(invalid(`data[${k}]`, k, 'duplicate of key present in binaryData'));
    total += byteLength(String(v ?? ''));
  }
  errs.push(...dataKeys(obj.binaryData, 'binaryData'));
  for (const [, v] of entries(obj.binaryData)) total += base64Length(String(v ?? ''));
  if (total > MAX_SIZE) errs.push(tooLong('', MAX_SIZE));
  return errs;
}

/** Bytes encoded by a base64 string. */
export function base64Length(s: string): number {
  const clean = s.replace(/\s/g, '');
  return Math.floor((clean.length * 3) / 4) - (clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0);
}

/** Immutable ConfigMaps and Secrets (`immutable: true`) keep their data and the flag itself. */
export function validateImmutableData(obj: Obj, old: Obj, keys: string[]): FieldError[] {
  if (old.immutable !== true) return [];
  const errs: FieldError[] = [];
  if (obj.immutable !== true) errs.push(forbidden('immutable', 'field is immutable when `immutable` is set'));
  for (const key of keys) {
    if (!semanticEqual(obj[key], old[key])) errs.push(forbidden(key, 'field is immutable when `immutable` is set'));
  }
  return errs;
}

const SECRET_REQUIRED: Record<string, string[]> = {
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
};

export function validateSecret(obj: Obj): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, true, nameIsDNSSubdomain);
  const data: Obj = { ...(obj.data ?? {}) };
  let total = 0;
  for (const [k, v] of entries(data)) {
    errs.push(...isConfigMapKey(k).map((m) => invalid(`data[${k}]`, k, m)));
    total += base64Length(String(v ?? ''));
  }
  if (total > MAX_SIZE) errs.push(tooLong('data', MAX_SIZE));
  const type = obj.type ?? '';
  if (type === 'kubernetes.io/service-account-token' && !obj.metadata?.annotations?.['kubernetes.io/service-account.name']) {
    errs.push(required('metadata.annotations[kubernetes.io/service-account.name]'));
  }
  if (type === 'kubernetes.io/basic-auth' && !('username' in data) && !('password' in data)) {
    errs.push(required('data[username]'), required('data[password]'));
  }
  for (const key of SECRET_REQUIRED[type] ?? []) {
    if (!(key in data) || (key === 'ssh-privatekey' && !data[key])) errs.push(required(`data[${key}]`));
  }
  return errs;
}

export function validateSecretUpdate(obj: Obj, old: Obj): FieldError[] {
  const errs = (obj.type ?? '') !== (old.type ?? '') ? [invalid('type', obj.type ?? '', 'field is immutable')] : [];
  return [...errs, ...validateImmutableData(obj, old, ['data'])];
}

const quantity = (v: unknown): GoValue => new GoValue(goQuantityText(v));
const show = (v: unknown): string => { const q = parseExact(v); return q ? formatExact(q) : String(v); };

export function validateLimitRange(obj: Obj): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, true, nameIsDNSSubdomain);
  const types = new Set<string>();
  (obj.spec?.limits ?? []).forEach((item: Obj, i: number) => {
    const path = `spec.limits[${i}]`;
    const type = String(item?.type ?? '');
    const typeErrs = isQualifiedName(type).map((m) => invalid(`${path}.type`, type, m));
    if (!typeErrs.length && !type.includes('/') && !['Pod', 'Container', 'PersistentVolumeClaim'].includes(type)) {
      typeErrs.push(invalid(`${path}.type`, type, 'must be a standard limit type or fully qualified'));
    }
    errs.push(...typeErrs);
    if (types.has(type)) errs.push(duplicate(`${path}.type`, type));
    types.add(type);
    const byKind = (key: string): Obj => item?.[key] ?? {};
    for (const key of ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio']) {
      if (type === 'Pod' && (key === 'default' || key === 'defaultRequest')) {
        if (Object.keys(byKind(key)).length) errs.push(forbidden(`${path}.${key}`, "may not be specified when `type` is 'Pod'"));
        continue;
      }
      for (const k of Object.keys(byKind(key))) {
        if (type === 'Pod' || type === 'Container') errs.push(...validateContainerResourceName(k, `${path}.${key}[${k}]`));
      }
    }
    if (type === 'PersistentVolumeClaim' && !('storage' in byKind('min')) && !('storage' in byKind('max'))) {
      errs.push(required(`${path}.limits`, 'either minimum or maximum storage value is required, but neither was provided'));
    }
    const names = new Set(['max', 'min', 'default', 'defaultRequest'].flatMap((key) => Object.keys(byKind(key))));
    for (const k of names) {
      const [min, max, def, req] = ['min', 'max', 'default', 'defaultRequest'].map((key) => byKind(key)[k]);
      const gt = (a: unknown, b: unknown) => a !== undefined && b !== undefined && (compareQuantities(a, b) ?? 0) > 0;
      if (gt(min, max)) errs.push(invalid(`${path}.min[${k}]`, quantity(min), `min value ${show(min)} is greater than max value ${show(max)}`));
      if (gt(min, req)) errs.push(invalid(`${path}.defaultRequest[${k}]`, quantity(req), `min value ${show(min)} is greater than default request value ${show(req)}`));
      if (gt(req, max)) errs.push(invalid(`${path}.defaultRequest[${k}]`, quantity(req), `default request value ${show(req)} is greater than max value ${show(max)}`));
      if (gt(req, def)) errs.push(invalid(`${path}.defaultRequest[${k}]`, quantity(req), `default request value ${show(req)} is greater than default limit value ${show(def)}`));
      if (gt(min, def)) errs.push(invalid(`${path}.default[${k}]`, quantity(min), `min value ${show(min)} is greater than default value ${show(def)}`));
      if (gt(def, max)) errs.push(invalid(`${path}.default[${k}]`, quantity(max), `default value ${show(def)} is greater than max value ${show(max)}`));
    }
  });
  return errs;
}

const QUOTA_RESOURCES = new Set(['pods', 'services', 'replicationcontrollers', 'resourcequotas', 'secrets', 'configmaps',
  'persistentvolumeclaims', 'services.nodeports', 'services.loadbalancers', 'requests.cpu', 'requests.memory',
  'requests.storage', 'requests.ephemeral-storage', 'limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'cpu',
  'memory', 'ephemeral-storage']);
const INTEGER_QUOTA = ['pods', 'services', 'replicationcontrollers', 'resourcequotas', 'secrets', 'configmaps',
  'persistentvolumeclaims', 'services.nodeports', 'services.loadbalancers'];
const SCOPES = ['Terminating', 'NotTerminating', 'BestEffort', 'NotBestEffort', 'PriorityClass', 'CrossNamespacePodAffinity'];

export function validateResourceQuota(obj: Obj): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, true, nameIsDNSSubdomain);
  for (const [k, v] of entries(obj.spec?.hard)) {
    const field = `spec.hard[${k}]`;
    const nameErrs = isQualifiedName(k).map((m) => invalid(field, k, m));
    if (!nameErrs.length && !k.includes('/') && !QUOTA_RESOURCES.has(k) && !/^(requests\.)?hugepages-/.test(k)) {
      nameErrs.push(invalid(field, k, 'must be a standard resource type or fully qualified'), invalid(field, k, 'must be a standard resource for quota'));
    }
    errs.push(...nameErrs);
    const q = parseExact(v);
    if (q?.negative) errs.push(invalid(field, show(v), 'must be greater than or equal to 0'));
    if (q && (INTEGER_QUOTA.includes(k) || k.startsWith('count/')) && !isWholeQuantity(v)) errs.push(invalid(field, quantity(v), 'must be an integer'));
  }
  const scopes: string[] = obj.spec?.scopes ?? [];
  if (scopes.some((s) => !SCOPES.includes(s))) errs.push(invalid('spec.scopes', new GoValue(`[]core.ResourceQuotaScope{${scopes.map((s) => `"${s}"`).join(', ')}}`), 'unsupported scope'));
  return errs;
}

export function validateEndpoints(obj: Obj): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, true, nameIsDNSSubdomain);
  (obj.subsets ?? []).forEach((ss: Obj, i: number) => {
    const path = `subsets[${i}]`;
    if (!ss?.addresses?.length && !ss?.notReadyAddresses?.length) errs.push(required(path, 'must specify `addresses` or `notReadyAddresses`'));
    for (const key of ['addresses', 'notReadyAddresses']) {
      (ss?.[key] ?? []).forEach((a: Obj, j: number) => {
        if (!isIP(String(a?.ip ?? ''))) errs.push(invalid(`${path}.${key}[${j}].ip`, a?.ip ?? '', 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
        if (a?.hostname) errs.push(...isDNS1123Label(a.hostname).map((m) => invalid(`${path}.${key}[${j}].hostname`, a.hostname, m)));
      });
    }
    const ports: Obj[] = ss?.ports ?? [];
    ports.forEach((p, j) => {
      const field = `${path}.ports[${j}]`;
      if (ports.length > 1 && !p?.name) errs.push(required(`${field}.name`));
      else if (p?.name) errs.push(...isDNS1123Label(p.name).map((m) => invalid(`${field}.name`, p.name, m)));
      errs.push(...isValidPortNum(p?.port ?? 0).map((m) => invalid(`${field}.port`, p?.port ?? 0, m)));
      if (!p?.protocol) errs.push(required(`${field}.protocol`));
      else if (!['SCTP', 'TCP', 'UDP'].includes(p.protocol)) errs.push(notSupported(`${field}.protocol`, p.protocol, ['SCTP', 'TCP', 'UDP']));
    });
  });
  return errs;
}
