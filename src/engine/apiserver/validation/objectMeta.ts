/**
 * ObjectMeta validation shared by every kind, plus the label / annotation map rules.
 * upstream: staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta.go,
 * staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/validation/validation.go,
 * pkg/apis/core/validation/validation.go (ValidateObjectMeta, validateKubeFinalizerName)
 */
import { type FieldError, invalid, required, tooLong } from '../errors';
import { byteLength, nameIsDNSLabel, type NameRule } from '../names';
import { goOpaque, goStringSlice } from './goTypes';
import { isQualifiedName, isValidLabelValue } from './strings';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>;

const TOTAL_ANNOTATION_SIZE = 256 * 1024;
const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

/** `metadata.labels: Invalid value: "x": …` — the path names the map, not the key. */
export function validateLabels(labels: unknown, field: string): FieldError[] {
  if (!labels || typeof labels !== 'object') return [];
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels as Obj)) {
    errs.push(...validateLabelName(k, field));
    for (const msg of isValidLabelValue(String(v ?? ''))) errs.push(invalid(field, String(v ?? ''), msg));
  }
  return errs;
}

export function validateLabelName(key: string, field: string): FieldError[] {
  return isQualifiedName(key).map((msg) => invalid(field, key, msg));
}

/** Annotation keys are qualified names compared case-insensitively; values are free but bounded in total. */
export function validateAnnotations(annotations: unknown, field: string): FieldError[] {
  if (!annotations || typeof annotations !== 'object') return [];
  const errs: FieldError[] = [];
  let total = 0;
  for (const [k, v] of Object.entries(annotations as Obj)) {
    for (const msg of isQualifiedName(k.toLowerCase())) errs.push(invalid(field, k, msg));
    total += byteLength(k) + byteLength(String(v ?? ''));
  }
  if (total > TOTAL_ANNOTATION_SIZE) errs.push(tooLong(field, TOTAL_ANNOTATION_SIZE));
  return errs;
}

function validateFinalizers(finalizers: unknown, field: string): FieldError[] {
  if (!Array.isArray(finalizers)) return [];
  const names = finalizers.map(String);
  const errs: FieldError[] = names.flatMap((name) => isQualifiedName(name).map((msg) => invalid(field, name, msg)));
  if (names.includes('orphan') && names.includes('foregroundDeletion')) {
    errs.push(invalid(field, goStringSlice(names), 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  // upstream: core's ValidateObjectMeta adds the legacy-name check per index after the generic ones
  names.forEach((name, i) => {
    if (!name.includes('/') && !STANDARD_FINALIZERS.has(name)) {
      errs.push(invalid(`${field}[${i}]`, name, 'name is neither a standard finalizer name nor is it fully qualified'));
    }
  });
  return errs;
}

function validateOwnerReferences(refs: unknown, field: string): FieldError[] {
  if (!Array.isArray(refs)) return [];
  const errs: FieldError[] = [];
  let firstController = '';
  for (const ref of refs as Obj[]) {
    const version = String(ref?.apiVersion ?? '').split('/').pop();
    if (!version) errs.push(invalid(`${field}.apiVersion`, ref?.apiVersion ?? '', 'version must not be empty'));
    for (const key of ['kind', 'name', 'uid']) {
      if (!ref?.[key]) errs.push(invalid(`${field}.${key}`, ref?.[key] ?? '', 'must not be empty'));
    }
    if (ref?.controller === true) {
      const current = `${ref.kind}/${ref.name}`;
      if (!firstController) firstController = current;
      else {
        errs.push(invalid(field, goOpaque('[]v1.OwnerReference'),
          `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${current}`));
      }
    }
  }
  return errs;
}

/**
 * ValidateObjectMeta: name (or generateName) per the kind's rule, namespace, labels, annotations,
 * owner references, finalizers. Cluster-scoped kinds ignore a namespace (the store clears it).
 */
export function validateObjectMeta(meta: Obj | undefined, namespaced: boolean, nameRule: NameRule): FieldError[] {
  const m = meta ?? {};
  const errs: FieldError[] = [];
  if (m.generateName) {
    for (const msg of nameRule(String(m.generateName), true)) errs.push(invalid('metadata.generateName', m.generateName, msg));
  }
  if (!m.name) {
    if (!m.generateName) errs.push(required('metadata.name', 'name or generateName is required'));
  } else {
    for (const msg of nameRule(String(m.name), false)) errs.push(invalid('metadata.name', m.name, msg));
  }
  if (namespaced && m.namespace) {
    for (const msg of nameIsDNSLabel(String(m.namespace), false)) errs.push(invalid('metadata.namespace', m.namespace, msg));
  }
  if (typeof m.generation === 'number' && m.generation < 0) {
    errs.push(invalid('metadata.generation', m.generation, 'must be greater than or equal to 0'));
  }
  errs.push(...validateLabels(m.labels, 'metadata.labels'));
  errs.push(...validateAnnotations(m.annotations, 'metadata.annotations'));
  errs.push(...validateOwnerReferences(m.ownerReferences, 'metadata.ownerReferences'));
  errs.push(...validateFinalizers(m.finalizers, 'metadata.finalizers'));
  return errs;
}

/** ValidateTemplateObjectMeta-style checks for an embedded template's labels and annotations. */
export function validateTemplateMeta(meta: Obj | undefined, field: string): FieldError[] {
  return [...validateLabels(meta?.labels, `${field}.labels`), ...validateAnnotations(meta?.annotations, `${field}.annotations`)];
}

