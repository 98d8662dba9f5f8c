/**
 * Pod create and update validation, and the PodTemplate kind.
 * upstream: pkg/apis/core/validation/validation.go (ValidatePodCreate, validatePodMetadataAndSpec,
 * ValidatePodUpdate, validateOnlyAddedTolerations, ValidatePodTemplate)
 */
import { type FieldError, forbidden, invalid, required } from '../errors';
import { nameIsDNSSubdomain } from '../names';
import { semanticEqual } from './equal';
import { validateObjectMeta } from './objectMeta';
import { validatePodSpec, validatePodTemplateSpec } from './podSpec';
import { inclusiveRangeError } from './strings';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>;

const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';
const MAX_INT32 = 2147483647;

export const POD_UPDATE_FORBIDDEN = 'pod updates may not change fields other than `spec.containers[*].image`,' +
  '`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),' +
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

function podAnnotations(annotations: Obj | undefined): FieldError[] {
  const cost = annotations?.[DELETION_COST];
  if (cost === undefined) return [];
  const n = Number(cost);
  return /^[+-]?\d+$/.test(String(cost)) && n >= -(2 ** 31) && n < 2 ** 31
    ? [] : [invalid(`metadata.annotations[${DELETION_COST}]`, String(cost), 'must be a 32bit integer')];
}

function imageWhitespace(list: unknown, path: string): FieldError[] {
  return (Array.isArray(list) ? list : []).flatMap((c: Obj, i) =>
    typeof c?.image === 'string' && c.image !== c.image.trim()
      ? [invalid(`${path}[${i}].image`, c.image, 'must not have leading or trailing whitespace')] : []);
}

export function validatePod(pod: Obj): FieldError[] {
  const spec: Obj = pod.spec ?? {};
  const errs = validateObjectMeta(pod.metadata, true, nameIsDNSSubdomain);
  errs.push(...podAnnotations(pod.metadata?.annotations));
  errs.push(...validatePodSpec(spec, 'spec', true));
  errs.push(...imageWhitespace(spec.containers, 'spec.containers'), ...imageWhitespace(spec.initContainers, 'spec.initContainers'));
  return errs;
}

export function validatePodCreate(pod: Obj): FieldError[] {
  const errs = validatePod(pod);
  const spec: Obj = pod.spec ?? {};
  if (Array.isArray(spec.ephemeralContainers) && spec.ephemeralContainers.length) {
    errs.push(forbidden('spec.ephemeralContainers', 'cannot be set on create'));
  }
  if (spec.nodeName && Array.isArray(spec.schedulingGates) && spec.schedulingGates.length) {
    errs.push(forbidden('spec.nodeName', 'cannot be set until all schedulingGates have been cleared'));
  }
  return errs;
}

function containerUpdates(next: unknown, prev: unknown, path: string): { errs: FieldError[]; stop: boolean } {
  const a = Array.isArray(next) ? next : [];
  const b = Array.isArray(prev) ? prev : [];
  if (a.length !== b.length) return { errs: [forbidden(path, 'pod updates may not add or remove containers')], stop: true };
  const errs: FieldError[] = [];
  a.forEach((c: Obj, i) => {
    if (!c?.image) errs.push(required(`${path}[${i}].image`));
  });
  errs.push(...imageWhitespace(a, path));
  return { errs, stop: false };
}

function onlyAddedTolerations(next: Obj[], prev: Obj[]): FieldError[] {
  const strip = (t: Obj) => ({ ...t, tolerationSeconds: undefined });
  for (const old of prev) {
    if (!next.some((t) => semanticEqual(strip(t), strip(old)))) {
      return [forbidden('spec.tolerations', 'existing toleration can not be modified except its tolerationSeconds')];
    }
  }
  return [];
}

/** ValidatePodUpdate's update-only part (the new Pod itself is validated by validatePod). */
export function validatePodUpdate(pod: Obj, old: Obj): FieldError[] {
  const spec: Obj = pod.spec ?? {};
  const oldSpec: Obj = old.spec ?? {};
  const errs: FieldError[] = [];
  for (const key of ['containers', 'initContainers']) {
    const r = containerUpdates(spec[key], oldSpec[key], `spec.${key}`);
    errs.push(...r.errs);
    if (r.stop) return errs;
  }
  const ads = spec.activeDeadlineSeconds;
  if (ads != null) {
    if (ads < 0 || ads > MAX_INT32) return [...errs, invalid('spec.activeDeadlineSeconds', ads, inclusiveRangeError(0, MAX_INT32))];
    if (oldSpec.activeDeadlineSeconds != null && oldSpec.activeDeadlineSeconds < ads) {
      return [...errs, invalid('spec.activeDeadlineSeconds', ads, 'must be less than or equal to previous value')];
    }
  } else if (oldSpec.activeDeadlineSeconds != null) {
    errs.push(invalid('spec.activeDeadlineSeconds', null, 'must not update from a positive integer to nil value'));
  }
  const tolerations: Obj[] = Array.isArray(spec.tolerations) ? spec.tolerations : [];
  errs.push(...onlyAddedTolerations(tolerations, Array.isArray(oldSpec.tolerations) ? oldSpec.tolerations : []));
  const oldGates = new Set((oldSpec.schedulingGates ?? []).map((g: Obj) => g?.name));
  (spec.schedulingGates ?? []).forEach((g: Obj, i: number) => {
    if (!oldGates.has(g?.name)) {
      errs.push(forbidden(`spec.schedulingGates[${i}].name`, `only deletion is allowed, but found new scheduling gate '${g?.name}'`));
    }
  });
  if (semanticEqual(spec, oldSpec)) return errs;
  const munged: Obj = { ...spec };
  for (const key of ['containers', 'initContainers']) {
    if (Array.isArray(spec[key])) munged[key] = spec[key].map((c: Obj, i: number) => ({ ...c, image: oldSpec[key]?.[i]?.image }));
  }
  munged.activeDeadlineSeconds = oldSpec.activeDeadlineSeconds;
  munged.schedulingGates = oldSpec.schedulingGates;
  munged.tolerations = oldSpec.tolerations;
  if ((oldSpec.terminationGracePeriodSeconds ?? 0) < 0 && munged.terminationGracePeriodSeconds === 1) {
    munged.terminationGracePeriodSeconds = oldSpec.terminationGracePeriodSeconds;
  }
  if ((oldSpec.schedulingGates ?? []).length) {
    // upstream: gated pods may still gain nodeSelector entries and node affinity
    munged.nodeSelector = oldSpec.nodeSelector;
    munged.affinity = oldSpec.affinity && { ...munged.affinity, nodeAffinity: oldSpec.affinity.nodeAffinity };
  }
  // upstream appends a struct diff after a newline; the diff is omitted here
  if (!semanticEqual(munged, oldSpec)) errs.push(forbidden('spec', POD_UPDATE_FORBIDDEN));
  return errs;
}

export function validatePodTemplate(obj: Obj): FieldError[] {
  return [...validateObjectMeta(obj.metadata, true, nameIsDNSSubdomain), ...validatePodTemplateSpec(obj.template, 'template')];
}
