/**
 * HorizontalPodAutoscaler and PodDisruptionBudget validation.
 * upstream: pkg/apis/autoscaling/validation/validation.go, pkg/apis/policy/validation/validation.go
 */
import { GoValue, type FieldError, forbidden, invalid, notSupported, required } from '../errors';
import { nameIsDNSSubdomain } from '../names';
import { parseExact } from '../defaults/quantity';
import { validateLabelSelector } from './labelSelector';
import { validateObjectMeta } from './objectMeta';
import { isValidPathSegmentName } from './strings';
import { notMoreThan100Percent, validatePositiveIntOrPercent } from './workloads';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>;

const METRIC_TYPES = ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'];
const SOURCE_KEY: Record<string, string> = {
  ContainerResource: 'containerResource', External: 'external', Object: 'object', Pods: 'pods', Resource: 'resource',
};

function crossVersionRef(ref: Obj | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const key of ['kind', 'name']) {
    const v = ref?.[key];
    if (!v) errs.push(required(`${field}.${key}`));
    else errs.push(...isValidPathSegmentName(String(v)).map((m) => invalid(`${field}.${key}`, v, m)));
  }
  return errs;
}

function metricTarget(t: Obj | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const type = t?.type ?? '';
  if (!type) errs.push(required(`${field}.type`, 'must specify a metric target type'));
  if (!['Utilization', 'Value', 'AverageValue'].includes(type)) {
    errs.push(invalid(`${field}.type`, type, 'must be either Utilization, Value, or AverageValue'));
  }
  for (const key of ['value', 'averageValue']) {
    const q = t?.[key] != null ? parseExact(t[key]) : undefined;
    if (q && (q.negative || q.mantissa === 0n)) errs.push(invalid(`${field}.${key}`, new GoValue(String(t?.[key])), 'must be positive'));
  }
  if (t?.averageUtilization != null && t.averageUtilization < 1) {
    errs.push(invalid(`${field}.averageUtilization`, t.averageUtilization, 'must be greater than 0'));
  }
  return errs;
}

function metricSource(type: string, src: Obj, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const target = src.target ?? {};
  if (type === 'Resource' || type === 'ContainerResource') {
    if (!src.name) errs.push(required(`${field}.name`, 'must specify a resource name'));
    if (type === 'ContainerResource' && !src.container) errs.push(required(`${field}.container`, 'must specify a container'));
    errs.push(...metricTarget(target, `${field}.target`));
    if (target.averageUtilization == null && target.averageValue == null) {
      errs.push(required(`${field}.target.averageUtilization`, 'must set either a target raw value or a target utilization'));
    }
    if (target.averageUtilization != null && target.averageValue != null) {
      errs.push(forbidden(`${field}.target.averageValue`, 'may not set both a target raw value and a target utilization'));
    }
    return errs;
  }
  if (!src.metric?.name) errs.push(required(`${field}.metric.name`, 'must specify a metric name'));
  errs.push(...metricTarget(target, `${field}.target`));
  if (type === 'Pods' && target.averageValue == null) {
    errs.push(required(`${field}.target.averageValue`, 'must specify a positive target averageValue'));
  }
  if (type === 'Object' && target.value == null && target.averageValue == null) {
    errs.push(required(`${field}.target`, 'must set either a target value or averageValue'));
  }
  if (type === 'External' && target.value == null && target.averageValue == null) {
    errs.push(required(`${field}.target`, 'must set either a target value for metric or a per-pod target'));
  }
  return errs;
}

function validateMetrics(metrics: unknown): FieldError[] {
  return (Array.isArray(metrics) ? metrics : []).flatMap((m: Obj, i: number) => {
    const field = `spec.metrics[${i}]`;
    const errs: FieldError[] = [];
    const type = m?.type ?? '';
    if (!type) errs.push(required(`${field}.type`, 'must specify a metric source type'));
    if (!METRIC_TYPES.includes(type)) errs.push(notSupported(`${field}.type`, type, METRIC_TYPES));
    const present = Object.values(SOURCE_KEY).filter((k) => m?.[k] != null);
    const expected = SOURCE_KEY[type];
    if (expected && m[expected] == null) errs.push(required(`${field}.${expected}`, 'must populate information for the given metric source'));
    if (expected && m[expected] != null) errs.push(...metricSource(type, m[expected], `${field}.${expected}`));
    if (present.length !== 1) {
      for (const k of present.filter((k) => k !== expected)) errs.push(forbidden(`${field}.${k}`, 'must populate the given metric source only'));
    }
    return errs;
  });
}

function validateBehavior(behavior: Obj | undefined): FieldError[] {
  if (!behavior) return [];
  const errs: FieldError[] = [];
  for (const dir of ['scaleUp', 'scaleDown']) {
    const rules = behavior[dir];
    if (!rules) continue;
    const field = `spec.behavior.${dir}`;
    const w = rules.stabilizationWindowSeconds;
    if (w != null && w < 0) errs.push(invalid(`${field}.stabilizationWindowSeconds`, w, 'must be greater than or equal to zero'));
    if (w != null && w > 3600) errs.push(invalid(`${field}.stabilizationWindowSeconds`, w, 'must be less than or equal to 3600'));
    if (rules.selectPolicy != null && !['Disabled', 'Max', 'Min'].includes(rules.selectPolicy)) {
      errs.push(notSupported(`${field}.selectPolicy`, rules.selectPolicy, ['Disabled', 'Max', 'Min']));
    }
    (rules.policies ?? []).forEach((p: Obj, i: number) => {
      const pf = `${field}.policies[${i}]`;
      if (p?.type !== 'Pods' && p?.type !== 'Percent') errs.push(notSupported(`${pf}.type`, p?.type ?? '', ['Percent', 'Pods']));
      if (!(p?.value > 0)) errs.push(invalid(`${pf}.value`, p?.value ?? 0, 'must be greater than zero'));
      if (!(p?.periodSeconds > 0)) errs.push(invalid(`${pf}.periodSeconds`, p?.periodSeconds ?? 0, 'must be greater than zero'));
      else if (p.periodSeconds > 1800) errs.push(invalid(`${pf}.periodSeconds`, p.periodSeconds, 'must be less than or equal to 1800'));
    });
  }
  return errs;
}

export function validateHorizontalPodAutoscaler(obj: Obj): FieldError[] {
  const s: Obj = obj.spec ?? {};
  const errs = validateObjectMeta(obj.metadata, true, nameIsDNSSubdomain);
  if (s.minReplicas != null && s.minReplicas < 1) errs.push(invalid('spec.minReplicas', s.minReplicas, 'must be greater than or equal to 1'));
  const max = s.maxReplicas ?? 0;
  if (max < 1) errs.push(invalid('spec.maxReplicas', max, 'must be greater than 0'));
  if (s.minReplicas != null && max < s.minReplicas) errs.push(invalid('spec.maxReplicas', max, 'must be greater than or equal to `minReplicas`'));
  errs.push(...crossVersionRef(s.scaleTargetRef, 'spec.scaleTargetRef'));
  if (obj.apiVersion === 'autoscaling/v1') {
    const t = s.targetCPUUtilizationPercentage;
    if (t != null && t < 1) errs.push(invalid('spec.targetCPUUtilizationPercentage', t, 'must be greater than 0'));
    return errs;
  }
  return [...errs, ...validateMetrics(s.metrics), ...validateBehavior(s.behavior)];
}

export function validatePodDisruptionBudget(obj: Obj): FieldError[] {
  const s: Obj = obj.spec ?? {};
  const errs = validateObjectMeta(obj.metadata, true, nameIsDNSSubdomain);
  if (s.minAvailable != null && s.maxUnavailable != null) {
    errs.push(invalid('spec', new GoValue('policy.PodDisruptionBudgetSpec{...}'), 'minAvailable and maxUnavailable cannot be both set'));
  }
  for (const key of ['minAvailable', 'maxUnavailable']) {
    if (s[key] == null) continue;
    errs.push(...validatePositiveIntOrPercent(s[key], `spec.${key}`), ...notMoreThan100Percent(s[key], `spec.${key}`));
  }
  errs.push(...validateLabelSelector(s.selector, 'spec.selector'));
  const policy = s.unhealthyPodEvictionPolicy;
  if (policy != null && policy !== 'AlwaysAllow' && policy !== 'IfHealthyBudget') {
    errs.push(notSupported('spec.unhealthyPodEvictionPolicy', policy, ['AlwaysAllow', 'IfHealthyBudget']));
  }
  return errs;
}
