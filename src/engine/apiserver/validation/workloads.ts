/**
 * Deployment, ReplicaSet, StatefulSet, DaemonSet and ReplicationController validation.
 * upstream: pkg/apis/apps/validation/validation.go, pkg/apis/core/validation/validation.go
 * (ValidateReplicationController), pkg/registry/apps/{deployment,replicaset,daemonset}/strategy.go
 * (selector immutability on update)
 */
import { GoValue, type FieldError, forbidden, invalid, notSupported, required } from '../errors';
import { nameIsDNSLabel, nameIsDNSSubdomain } from '../names';
import { matchesMap } from '../../util/selectors';
import { goIntOrString, goLabelSelector, goStringMap } from './goTypes';
import { selectorUnparseable, templateLabelsMismatch, validateLabelSelector } from './labelSelector';
import { validateObjectMeta, validateTemplateMeta } from './objectMeta';
import { validatePodTemplateSpec } from './podSpec';
import { NEGATIVE, nonNegative } from './probes';
import { semanticEqual } from './equal';
import { isValidPercent } from './strings';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>;

const percentValue = (v: unknown): number | undefined =>
  (typeof v === 'string' && isValidPercent(v).length === 0 ? Number(v.slice(0, -1)) : undefined);

/** IntOrString.IntValue() after percent parsing (getIntOrPercentValue). */
const intOrPercent = (v: unknown): number =>
  percentValue(v) ?? (typeof v === 'number' ? v : /^[+-]?\d+$/.test(String(v ?? '')) ? Number(v) : 0);

export function validatePositiveIntOrPercent(v: unknown, field: string): FieldError[] {
  if (typeof v === 'string') return isValidPercent(v).map((m) => invalid(field, goIntOrString(v), m));
  if (typeof v === 'number' && v < 0) return [invalid(field, v, NEGATIVE)];
  return [];
}

export function notMoreThan100Percent(v: unknown, field: string): FieldError[] {
  const p = percentValue(v);
  return p !== undefined && p > 100 ? [invalid(field, goIntOrString(v as string), 'must not be greater than 100%')] : [];
}

/** The selector block shared by Deployment and ReplicaSet (ValidateDeploymentSpec / ValidateReplicaSetSpec). */
function selectorAndTemplate(s: Obj, emptyMessage: string, unparseable: string, templateErrors: (s: Obj) => FieldError[]): FieldError[] {
  const errs: FieldError[] = [];
  if (!s.selector) errs.push(required('spec.selector'));
  else {
    errs.push(...validateLabelSelector(s.selector, 'spec.selector'));
    if (Object.keys(s.selector.matchLabels ?? {}).length + (s.selector.matchExpressions ?? []).length === 0) {
      errs.push(invalid('spec.selector', goLabelSelector(s.selector), emptyMessage));
    }
  }
  if (selectorUnparseable(s.selector)) errs.push(invalid('spec.selector', goLabelSelector(s.selector), unparseable));
  else errs.push(...templateErrors(s));
  return errs;
}

function replicaSetTemplate(kind: string) {
  return (s: Obj): FieldError[] => {
    const t: Obj = s.template ?? {};
    const errs = templateLabelsMismatch(s.selector, t.metadata?.labels, 'spec.template.metadata.labels');
    errs.push(...validatePodTemplateSpec(t, 'spec.template'));
    const rp = t.spec?.restartPolicy ?? '';
    if (rp !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', rp, ['Always']));
    if (t.spec?.activeDeadlineSeconds != null) {
      errs.push(forbidden('spec.template.spec.activeDeadlineSeconds', `activeDeadlineSeconds in ${kind} is not Supported`));
    }
    return errs;
  };
}

function deploymentStrategy(strategy: Obj | undefined): FieldError[] {
  const st: Obj = strategy ?? {};
  if (st.type === 'Recreate') {
    return st.rollingUpdate ? [forbidden('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'")] : [];
  }
  if (st.type !== 'RollingUpdate') {
    const ru = st.rollingUpdate ? '(*apps.RollingUpdateDeployment)(0xc000000000)' : '(*apps.RollingUpdateDeployment)(nil)';
    return [notSupported('spec.strategy', new GoValue(`apps.DeploymentStrategy{Type:"${st.type ?? ''}", RollingUpdate:${ru}}`), ['Recreate', 'RollingUpdate'])];
  }
  const ru = st.rollingUpdate;
  if (!ru) return [required('spec.strategy.rollingUpdate', 'this should be defaulted and never be nil')];
  const base = 'spec.strategy.rollingUpdate';
  const errs = [...validatePositiveIntOrPercent(ru.maxUnavailable, `${base}.maxUnavailable`),
    ...validatePositiveIntOrPercent(ru.maxSurge, `${base}.maxSurge`)];
  if (intOrPercent(ru.maxUnavailable) === 0 && intOrPercent(ru.maxSurge) === 0) {
    errs.push(invalid(`${base}.maxUnavailable`, goIntOrString(ru.maxUnavailable), 'may not be 0 when `maxSurge` is 0'));
  }
  errs.push(...notMoreThan100Percent(ru.maxUnavailable, `${base}.maxUnavailable`));
  return errs;
}

export function validateDeployment(obj: Obj): FieldError[] {
  const s: Obj = obj.spec ?? {};
  const errs = validateObjectMeta(obj.metadata, true, nameIsDNSSubdomain);
  errs.push(...nonNegative(s.replicas, 'spec.replicas'));
  errs.push(...selectorAndTemplate(s, 'empty selector is invalid for deployment', 'invalid label selector', replicaSetTemplate('ReplicaSet')));
  errs.push(...deploymentStrategy(s.strategy));
  errs.push(...nonNegative(s.minReadySeconds, 'spec.minReadySeconds'), ...nonNegative(s.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  if (s.progressDeadlineSeconds != null) {
    errs.push(...nonNegative(s.progressDeadlineSeconds, 'spec.progressDeadlineSeconds'));
    if (s.progressDeadlineSeconds <= (s.minReadySeconds ?? 0)) {
      errs.push(invalid('spec.progressDeadlineSeconds', s.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
    }
  }
  return errs;
}

export function validateReplicaSet(obj: Obj): FieldError[] {
  const s: Obj = obj.spec ?? {};
  const errs = validateObjectMeta(obj.metadata, true, nameIsDNSSubdomain);
  errs.push(...nonNegative(s.replicas, 'spec.replicas'), ...nonNegative(s.minReadySeconds, 'spec.minReadySeconds'));
  errs.push(...selectorAndTemplate(s, 'empty selector is invalid for deployment', 'invalid label selector', replicaSetTemplate('ReplicaSet')));
  return errs;
}

/** Deployment, ReplicaSet and DaemonSet (apps/v1): the selector may not change. */
export function immutableSelector(obj: Obj, old: Obj): FieldError[] {
  return semanticEqual(obj.spec?.selector, old.spec?.selector)
    ? [] : [invalid('spec.selector', goLabelSelector(obj.spec?.selector), 'field is immutable')];
}

function statefulSetStrategy(st: Obj | undefined): FieldError[] {
  const u: Obj = st ?? {};
  if (!u.type) return [required('spec.updateStrategy')];
  const struct = new GoValue(`apps.StatefulSetUpdateStrategy{Type:"${u.type}", RollingUpdate:` +
    `${u.rollingUpdate ? '(*apps.RollingUpdateStatefulSetStrategy)(0xc000000000)' : '(*apps.RollingUpdateStatefulSetStrategy)(nil)'}}`);
  if (u.type === 'OnDelete') {
    return u.rollingUpdate ? [invalid('spec.updateStrategy.rollingUpdate', struct, "only allowed for updateStrategy 'RollingUpdate'")] : [];
  }
  if (u.type !== 'RollingUpdate') return [invalid('spec.updateStrategy', struct, "must be 'RollingUpdate' or 'OnDelete'")];
  const ru = u.rollingUpdate;
  if (!ru) return [];
  const base = 'spec.updateStrategy.rollingUpdate';
  const errs = nonNegative(ru.partition, `${base}.partition`);
  if (ru.maxUnavailable != null) {
    errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, `${base}.maxUnavailable`));
    if (intOrPercent(ru.maxUnavailable) === 0) errs.push(invalid(`${base}.maxUnavailable`, goIntOrString(ru.maxUnavailable), 'cannot be 0'));
    errs.push(...notMoreThan100Percent(ru.maxUnavailable, `${base}.maxUnavailable`));
  }
  return errs;
}

/** upstream: StatefulSet validates only its template's labels and annotations, not the pod spec. */
export function validateStatefulSet(obj: Obj): FieldError[] {
  const s: Obj = obj.spec ?? {};
  const errs = validateObjectMeta(obj.metadata, true, nameIsDNSLabel);
  const pmp = s.podManagementPolicy;
  if (!pmp) errs.push(required('spec.podManagementPolicy'));
  else if (pmp !== 'OrderedReady' && pmp !== 'Parallel') errs.push(invalid('spec.podManagementPolicy', pmp, "must be 'OrderedReady' or 'Parallel'"));
  errs.push(...statefulSetStrategy(s.updateStrategy));
  const retention = s.persistentVolumeClaimRetentionPolicy;
  for (const key of ['whenDeleted', 'whenScaled']) {
    if (retention && retention[key] !== 'Retain' && retention[key] !== 'Delete') {
      errs.push(notSupported(`spec.persistentVolumeClaimRetentionPolicy.${key}`, retention[key] ?? '', ['Retain', 'Delete']));
    }
  }
  errs.push(...nonNegative(s.replicas, 'spec.replicas'), ...nonNegative(s.minReadySeconds, 'spec.minReadySeconds'));
  if (s.ordinals) errs.push(...nonNegative(s.ordinals.start, 'spec.ordinals.start'));
  const t: Obj = s.template ?? {};
  errs.push(...selectorAndTemplate(s, 'empty selector is invalid for statefulset', '', () => [
    ...templateLabelsMismatch(s.selector, t.metadata?.labels, 'spec.template.metadata.labels'),
    ...validateTemplateMeta(t.metadata, 'spec.template'),
  ]));
  const rp = t.spec?.restartPolicy ?? '';
  if (rp !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', rp, ['Always']));
  if (t.spec?.activeDeadlineSeconds != null) {
    errs.push(forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in StatefulSet is not Supported'));
  }
  return errs;
}

const STS_MUTABLE = ['replicas', 'template', 'updateStrategy', 'minReadySeconds', 'ordinals', 'persistentVolumeClaimRetentionPolicy'];

export function validateStatefulSetUpdate(obj: Obj, old: Obj): FieldError[] {
  const strip = (spec: Obj | undefined) => Object.fromEntries(Object.entries(spec ?? {}).filter(([k]) => !STS_MUTABLE.includes(k)));
  return semanticEqual(strip(obj.spec), strip(old.spec)) ? [] : [forbidden('spec',
    "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden")];
}

function daemonSetStrategy(st: Obj | undefined): FieldError[] {
  const u: Obj = st ?? {};
  if (u.type === 'OnDelete') return [];
  if (u.type !== 'RollingUpdate') {
    const ru = u.rollingUpdate ? '(*apps.RollingUpdateDaemonSet)(0xc000000000)' : '(*apps.RollingUpdateDaemonSet)(nil)';
    return [notSupported('spec.updateStrategy', new GoValue(`apps.DaemonSetUpdateStrategy{Type:"${u.type ?? ''}", RollingUpdate:${ru}}`),
      ['RollingUpdate', 'OnDelete'])];
  }
  const ru = u.rollingUpdate;
  if (!ru) return [required('spec.updateStrategy.rollingUpdate')];
  const base = 'spec.updateStrategy.rollingUpdate';
  const errs = [...validatePositiveIntOrPercent(ru.maxUnavailable, `${base}.maxUnavailable`),
    ...validatePositiveIntOrPercent(ru.maxSurge, `${base}.maxSurge`),
    ...notMoreThan100Percent(ru.maxUnavailable, `${base}.maxUnavailable`), ...notMoreThan100Percent(ru.maxSurge, `${base}.maxSurge`)];
  const hasUnavailable = intOrPercent(ru.maxUnavailable) !== 0;
  const hasSurge = intOrPercent(ru.maxSurge) !== 0;
  if (hasUnavailable && hasSurge) errs.push(invalid(`${base}.maxSurge`, goIntOrString(ru.maxSurge), 'may not be set when maxUnavailable is non-zero'));
  if (!hasUnavailable && !hasSurge) errs.push(required(`${base}.maxUnavailable`, 'cannot be 0 when maxSurge is 0'));
  return errs;
}

/** upstream: a DaemonSet without a selector gets only the template-mismatch error (no Required). */
export function validateDaemonSet(obj: Obj): FieldError[] {
  const s: Obj = obj.spec ?? {};
  const t: Obj = s.template ?? {};
  const errs = validateObjectMeta(obj.metadata, true, nameIsDNSSubdomain);
  errs.push(...validateLabelSelector(s.selector, 'spec.selector'));
  if (!selectorUnparseable(s.selector)) errs.push(...templateLabelsMismatch(s.selector, t.metadata?.labels, 'spec.template.metadata.labels'));
  if (s.selector && Object.keys(s.selector.matchLabels ?? {}).length + (s.selector.matchExpressions ?? []).length === 0) {
    errs.push(invalid('spec.selector', goLabelSelector(s.selector), 'empty selector is invalid for daemonset'));
  }
  errs.push(...validatePodTemplateSpec(t, 'spec.template'));
  const rp = t.spec?.restartPolicy ?? '';
  if (rp !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', rp, ['Always']));
  if (t.spec?.activeDeadlineSeconds != null) {
    errs.push(forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in DaemonSet is not Supported'));
  }
  errs.push(...nonNegative(s.minReadySeconds, 'spec.minReadySeconds'), ...daemonSetStrategy(s.updateStrategy));
  errs.push(...nonNegative(s.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  return errs;
}

export function validateReplicationController(obj: Obj): FieldError[] {
  const s: Obj = obj.spec ?? {};
  const errs = validateObjectMeta(obj.metadata, true, nameIsDNSSubdomain);
  errs.push(...nonNegative(s.minReadySeconds, 'spec.minReadySeconds'));
  const selector: Record<string, string> = s.selector ?? {};
  if (Object.keys(selector).length === 0) errs.push(required('spec.selector'));
  errs.push(...nonNegative(s.replicas, 'spec.replicas'));
  const t = s.template;
  if (!t) return [...errs, required('spec.template')];
  if (Object.keys(selector).length && !matchesMap(selector, t.metadata?.labels ?? {})) {
    errs.push(invalid('spec.template.metadata.labels', goStringMap(t.metadata?.labels), '`selector` does not match template `labels`'));
  }
  errs.push(...validatePodTemplateSpec(t, 'spec.template'));
  const rp = t.spec?.restartPolicy ?? '';
  if (rp !== 'Always') errs.push(notSupported('spec.template.spec.restartPolicy', rp, ['Always']));
  if (t.spec?.activeDeadlineSeconds != null) {
    errs.push(forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in ReplicationController is not Supported'));
  }
  return errs;
}
