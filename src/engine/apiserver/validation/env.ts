/**
 * Container `env` and `envFrom` validation.
 * upstream: pkg/apis/core/validation/validation.go (ValidateEnv, validateEnvVarValueFrom, ValidateEnvFrom)
 */
import { type FieldError, invalid, notSupported, required } from '../errors';
import { nameIsDNSSubdomain } from '../names';
import { isConfigMapKey, isEnvVarName } from './strings';
import { validateLabelName } from './objectMeta';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>;

const FIELD_PATHS = ['metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName',
  'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs'];
const RESOURCE_PATHS = ['limits.cpu', 'limits.ephemeral-storage', 'limits.memory', 'requests.cpu',
  'requests.ephemeral-storage', 'requests.memory'];

function validateFieldRef(ref: Obj, field: string): FieldError[] {
  if (!ref.apiVersion) return [required(`${field}.apiVersion`)];
  if (!ref.fieldPath) return [required(`${field}.fieldPath`)];
  const path = String(ref.fieldPath);
  const sub = /^(metadata\.(?:labels|annotations))\['(.*)'\]$/.exec(path);
  if (sub) {
    const key = sub[1] === 'metadata.annotations' ? sub[2].toLowerCase() : sub[2];
    return validateLabelName(key, field);
  }
  return FIELD_PATHS.includes(path) ? [] : [notSupported(`${field}.fieldPath`, path, FIELD_PATHS)];
}

function validateResourceFieldRef(ref: Obj, field: string): FieldError[] {
  if (!ref.resource) return [required(`${field}.resource`)];
  const r = String(ref.resource);
  if (RESOURCE_PATHS.includes(r) || r.startsWith('requests.hugepages-') || r.startsWith('limits.hugepages-')) return [];
  return [notSupported(`${field}.resource`, r, RESOURCE_PATHS)];
}

function validateKeySelector(s: Obj, field: string): FieldError[] {
  const errs: FieldError[] = nameIsDNSSubdomain(String(s.name ?? ''), false).map((m) => invalid(`${field}.name`, s.name ?? '', m));
  if (!s.key) errs.push(required(`${field}.key`));
  else errs.push(...isConfigMapKey(String(s.key)).map((m) => invalid(`${field}.key`, s.key, m)));
  return errs;
}

function validateValueFrom(e: Obj, field: string): FieldError[] {
  const from = e.valueFrom;
  if (!from || typeof from !== 'object') return [];
  const errs: FieldError[] = [];
  let sources = 0;
  if (from.fieldRef) { sources++; errs.push(...validateFieldRef(from.fieldRef, `${field}.fieldRef`)); }
  if (from.resourceFieldRef) { sources++; errs.push(...validateResourceFieldRef(from.resourceFieldRef, `${field}.resourceFieldRef`)); }
  if (from.configMapKeyRef) { sources++; errs.push(...validateKeySelector(from.configMapKeyRef, `${field}.configMapKeyRef`)); }
  if (from.secretKeyRef) { sources++; errs.push(...validateKeySelector(from.secretKeyRef, `${field}.secretKeyRef`)); }
  if (sources === 0) {
    errs.push(invalid(field, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
  } else if (e.value) {
    errs.push(invalid(field, '', 'may not be specified when `value` is not empty'));
  } else if (sources > 1) {
    errs.push(invalid(field, '', 'may not have more than one field specified at a time'));
  }
  return errs;
}

export function validateEnv(env: unknown, path: string): FieldError[] {
  if (!Array.isArray(env)) return [];
  const errs: FieldError[] = [];
  env.forEach((e: Obj, i) => {
    const field = `${path}[${i}]`;
    if (!e?.name) errs.push(required(`${field}.name`));
    else errs.push(...isEnvVarName(String(e.name)).map((m) => invalid(`${field}.name`, e.name, m)));
    if (e) errs.push(...validateValueFrom(e, `${field}.valueFrom`));
  });
  return errs;
}

export function validateEnvFrom(envFrom: unknown, path: string): FieldError[] {
  if (!Array.isArray(envFrom)) return [];
  const errs: FieldError[] = [];
  envFrom.forEach((e: Obj, i) => {
    const field = `${path}[${i}]`;
    if (e?.prefix) errs.push(...isEnvVarName(String(e.prefix)).map((m) => invalid(`${field}.prefix`, e.prefix, m)));
    let sources = 0;
    for (const key of ['configMapRef', 'secretRef']) {
      const ref = e?.[key];
      if (!ref) continue;
      sources++;
      if (!ref.name) errs.push(required(`${field}.${key}.name`));
      else errs.push(...nameIsDNSSubdomain(String(ref.name), true).map((m) => invalid(`${field}.${key}.name`, ref.name, m)));
    }
    if (sources === 0) errs.push(invalid(path, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (sources > 1) errs.push(invalid(path, '', 'may not have more than one field specified at a time'));
  });
  return errs;
}
