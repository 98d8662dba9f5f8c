/**
 * The scheduling constraints of a PodSpec: node affinity, pod (anti-)affinity, tolerations,
 * topology spread constraints.
 * upstream: pkg/apis/core/validation/validation.go (validateAffinity, ValidateTolerations,
 * validateTopologySpreadConstraints)
 */
import { type FieldError, duplicate, forbidden, invalid, notSupported, required } from '../errors';
import { nameIsDNSLabel, nameIsDNSSubdomain } from '../names';
import { validateLabelSelector } from './labelSelector';
import { validateLabelName } from './objectMeta';
import { isValidLabelValue } from './strings';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>;

const list = (v: unknown): Obj[] => (Array.isArray(v) ? v : []);
export const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

function nodeSelectorRequirement(r: Obj, field: string, checkValues: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const values: string[] = Array.isArray(r?.values) ? r.values : [];
  switch (r?.operator) {
    case 'In': case 'NotIn':
      if (!values.length) errs.push(required(`${field}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists': case 'DoesNotExist':
      if (values.length) errs.push(forbidden(`${field}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    case 'Gt': case 'Lt':
      if (values.length !== 1) errs.push(required(`${field}.values`, "must be specified single value when `operator` is 'Lt' or 'Gt'"));
      break;
    default:
      errs.push(invalid(`${field}.operator`, r?.operator ?? '', 'not a valid selector operator'));
  }
  errs.push(...validateLabelName(String(r?.key ?? ''), `${field}.key`));
  if (checkValues) values.forEach((v, i) => errs.push(...isValidLabelValue(String(v)).map((m) => invalid(`${field}.values[${i}]`, v, m))));
  return errs;
}

function nodeFieldRequirement(r: Obj, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const values: string[] = Array.isArray(r?.values) ? r.values : [];
  if (r?.operator === 'In' || r?.operator === 'NotIn') {
    if (values.length !== 1) errs.push(required(`${field}.values`, "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"));
  } else errs.push(invalid(`${field}.operator`, r?.operator ?? '', 'not a valid selector operator'));
  if (r?.key !== 'metadata.name') errs.push(invalid(`${field}.key`, r?.key ?? '', 'not a valid field selector key'));
  else values.forEach((v, i) => errs.push(...nameIsDNSSubdomain(String(v), false).map((m) => invalid(`${field}.values[${i}]`, v, m))));
  return errs;
}

function nodeSelectorTerm(term: Obj, field: string, checkValues: boolean): FieldError[] {
  return [
    ...list(term?.matchExpressions).flatMap((r, j) => nodeSelectorRequirement(r, `${field}.matchExpressions[${j}]`, checkValues)),
    ...list(term?.matchFields).flatMap((r, j) => nodeFieldRequirement(r, `${field}.matchFields[${j}]`)),
  ];
}

const weight = (w: unknown, field: string): FieldError[] =>
  (typeof w === 'number' && w >= 1 && w <= 100 ? [] : [invalid(field, w ?? 0, 'must be in the range 1-100')]);

function podAffinityTerm(t: Obj, field: string): FieldError[] {
  const errs = [...validateLabelSelector(t?.labelSelector, `${field}.labelSelector`),
    ...validateLabelSelector(t?.namespaceSelector, `${field}.namespaceSelector`)];
  for (const ns of list(t?.namespaces)) errs.push(...nameIsDNSLabel(String(ns), false).map((m) => invalid(`${field}.namespace`, ns, m)));
  if (!t?.topologyKey) errs.push(required(`${field}.topologyKey`, 'can not be empty'));
  errs.push(...validateLabelName(String(t?.topologyKey ?? ''), `${field}.topologyKey`));
  return errs;
}

function podAffinity(a: Obj, field: string): FieldError[] {
  const req = `${field}.requiredDuringSchedulingIgnoredDuringExecution`;
  const pref = `${field}.preferredDuringSchedulingIgnoredDuringExecution`;
  return [
    ...list(a.requiredDuringSchedulingIgnoredDuringExecution).flatMap((t, i) => podAffinityTerm(t, `${req}[${i}]`)),
    ...list(a.preferredDuringSchedulingIgnoredDuringExecution).flatMap((t, i) => [
      ...weight(t?.weight, `${pref}[${i}].weight`), ...podAffinityTerm(t?.podAffinityTerm ?? {}, `${pref}[${i}].podAffinityTerm`)]),
  ];
}

export function validateAffinity(affinity: Obj | undefined, field: string): FieldError[] {
  if (!affinity || typeof affinity !== 'object') return [];
  const errs: FieldError[] = [];
  const na = affinity.nodeAffinity;
  if (na) {
    const reqField = `${field}.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution`;
    const required_ = na.requiredDuringSchedulingIgnoredDuringExecution;
    if (required_) {
      const terms = list(required_.nodeSelectorTerms);
      if (!terms.length) errs.push(required(`${reqField}.nodeSelectorTerms`, 'must have at least one node selector term'));
      terms.forEach((t, i) => errs.push(...nodeSelectorTerm(t, `${reqField}.nodeSelectorTerms[${i}]`, true)));
    }
    const pref = `${field}.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution`;
    list(na.preferredDuringSchedulingIgnoredDuringExecution).forEach((t, i) => {
      errs.push(...weight(t?.weight, `${pref}[${i}].weight`), ...nodeSelectorTerm(t?.preference ?? {}, `${pref}[${i}].preference`, false));
    });
  }
  if (affinity.podAffinity) errs.push(...podAffinity(affinity.podAffinity, `${field}.podAffinity`));
  if (affinity.podAntiAffinity) errs.push(...podAffinity(affinity.podAntiAffinity, `${field}.podAntiAffinity`));
  return errs;
}

export function validateTaintEffect(effect: unknown, allowEmpty: boolean, field: string): FieldError[] {
  if (!allowEmpty && !effect) return [required(field)];
  return TAINT_EFFECTS.includes(effect as string) ? [] : [notSupported(field, effect ?? '', TAINT_EFFECTS)];
}

export function validateTolerations(tolerations: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  list(tolerations).forEach((t, i) => {
    const field = `${path}[${i}]`;
    const key = String(t?.key ?? '');
    const operator = t?.operator ?? '';
    const value = String(t?.value ?? '');
    if (key) errs.push(...validateLabelName(key, `${field}.key`));
    if (!key && operator !== 'Exists') {
      errs.push(invalid(`${field}.operator`, operator, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (t?.tolerationSeconds != null && t?.effect !== 'NoExecute') {
      errs.push(invalid(`${field}.effect`, t?.effect ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (operator === 'Equal' || operator === '') {
      const msgs = isValidLabelValue(value);
      if (msgs.length) errs.push(invalid(`${field}.operator`, value, msgs.join(';')));
    } else if (operator === 'Exists') {
      if (value) errs.push(invalid(`${field}.operator`, value, "value must be empty when `operator` is 'Exists'"));
    } else if (operator === 'Gt' || operator === 'Lt') {
      // upstream KEP-5471 (TaintTolerationComparisonOperators): numeric comparison, the value an integer
      if (!/^(0|[1-9][0-9]{0,17})$/.test(value)) {
        errs.push(invalid(`${field}.value`, value, "value must be a valid integer when `operator` is 'Gt' or 'Lt'"));
      }
    } else {
      errs.push(notSupported(`${field}.operator`, operator, ['Equal', 'Exists', 'Gt', 'Lt']));
    }
    if (t?.effect) errs.push(...validateTaintEffect(t.effect, true, `${field}.effect`));
  });
  return errs;
}

export function validateTopologySpreadConstraints(constraints: unknown, path: string): FieldError[] {
  const all = list(constraints);
  const errs: FieldError[] = [];
  all.forEach((c, i) => {
    const field = `${path}[${i}]`;
    if (!(typeof c?.maxSkew === 'number' && c.maxSkew > 0)) errs.push(invalid(`${field}.maxSkew`, c?.maxSkew ?? 0, 'must be greater than zero'));
    if (!c?.topologyKey) errs.push(required(`${field}.topologyKey`, 'can not be empty'));
    if (c?.whenUnsatisfiable !== 'DoNotSchedule' && c?.whenUnsatisfiable !== 'ScheduleAnyway') {
      errs.push(notSupported(`${field}.whenUnsatisfiable`, c?.whenUnsatisfiable ?? '', ['DoNotSchedule', 'ScheduleAnyway']));
    }
    if (all.slice(i + 1).some((o) => o?.topologyKey === c?.topologyKey && o?.whenUnsatisfiable === c?.whenUnsatisfiable)) {
      errs.push(duplicate(`${field}.{topologyKey, whenUnsatisfiable}`, `{${c?.topologyKey ?? ''}, ${c?.whenUnsatisfiable ?? ''}}`));
    }
    if (c?.minDomains != null) {
      if (!(c.minDomains > 0)) errs.push(invalid(`${field}.minDomains`, c.minDomains, 'must be greater than zero'));
      else if (c.whenUnsatisfiable !== 'DoNotSchedule') {
        errs.push(invalid(`${field}.minDomains`, c.minDomains, `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${c.whenUnsatisfiable ?? ''}`));
      }
    }
    for (const policy of ['nodeAffinityPolicy', 'nodeTaintsPolicy']) {
      if (c?.[policy] != null && c[policy] !== 'Honor' && c[policy] !== 'Ignore') {
        errs.push(notSupported(`${field}.${policy}`, c[policy], ['Honor', 'Ignore']));
      }
    }
    errs.push(...validateLabelSelector(c?.labelSelector, `${field}.labelSelector`));
  });
  return errs;
}
