/**
 * Job and CronJob validation, including the Job registry's generated-selector checks and the
 * update rules (immutable selector, template, completions).
 * upstream: pkg/apis/batch/validation/validation.go
 */
import { type FieldError, invalid, notSupported, required } from '../errors';
import { isDNS1123Label, nameIsDNSSubdomain } from '../names';
import { cronScheduleError } from './cron';
import { semanticEqual } from './equal';
import { goLabelSelector, goOpaque, goStringMap } from './goTypes';
import { templateLabelsMismatch, validateLabelSelector } from './labelSelector';
import { validateObjectMeta } from './objectMeta';
import { validatePodTemplateSpec } from './podSpec';
import { nonNegative } from './probes';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>;

const GENERATED = ['controller-uid', 'job-name', 'batch.kubernetes.io/controller-uid', 'batch.kubernetes.io/job-name'];

/** A zone Go's time.LoadLocation would load: an IANA name, case-sensitive. */
export function isKnownTimeZone(zone: string): boolean {
  if (zone === 'UTC' || zone === '') return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    return false;
  }
  const canonical = Intl.supportedValuesOf('timeZone');
  return canonical.includes(zone) || !canonical.some((z) => z.toLowerCase() === zone.toLowerCase());
}

/** validateJobSpec: counts, completion mode, pod template, restartPolicy OnFailure|Never. */
function validateJobSpec(s: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const key of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished',
    'backoffLimitPerIndex', 'maxFailedIndexes']) {
    errs.push(...nonNegative(s[key], `${path}.${key}`));
  }
  if (s.maxFailedIndexes != null && s.backoffLimitPerIndex == null) {
    errs.push(required(`${path}.backoffLimitPerIndex`, 'when maxFailedIndexes is specified'));
  }
  const mode = s.completionMode;
  if (mode != null && mode !== 'NonIndexed' && mode !== 'Indexed') errs.push(notSupported(`${path}.completionMode`, mode, ['NonIndexed', 'Indexed']));
  if (mode === 'Indexed' && s.completions == null) errs.push(required(`${path}.completions`, 'when completion mode is Indexed'));
  if (mode !== 'Indexed') {
    if (s.backoffLimitPerIndex != null) errs.push(invalid(`${path}.backoffLimitPerIndex`, s.backoffLimitPerIndex, 'requires indexed completion mode'));
    if (s.maxFailedIndexes != null) errs.push(invalid(`${path}.maxFailedIndexes`, s.maxFailedIndexes, 'requires indexed completion mode'));
  }
  const rpp = s.podReplacementPolicy;
  if (rpp != null) {
    if (s.podFailurePolicy && rpp !== 'Failed') errs.push(notSupported(`${path}.podReplacementPolicy`, rpp, ['Failed']));
    else if (!s.podFailurePolicy && rpp !== 'Failed' && rpp !== 'TerminatingOrFailed') {
      errs.push(notSupported(`${path}.podReplacementPolicy`, rpp, ['Failed', 'TerminatingOrFailed']));
    }
  }
  errs.push(...validatePodTemplateSpec(s.template, `${path}.template`));
  const rp = s.template?.spec?.restartPolicy ?? '';
  const rpPath = `${path}.template.spec.restartPolicy`;
  // upstream: an unset restartPolicy has been defaulted to Always by now, hence "Required" for both
  if (rp === 'Always' || rp === '') errs.push(required(rpPath, 'valid values: "OnFailure", "Never"'));
  else if (rp !== 'OnFailure' && rp !== 'Never') errs.push(notSupported(rpPath, rp, ['OnFailure', 'Never']));
  else if (s.podFailurePolicy && rp !== 'Never') errs.push(invalid(rpPath, rp, 'only "Never" is supported when podFailurePolicy is specified'));
  return errs;
}

/** The labels the registry generated must still be on the template and matched by the selector. */
function generatedSelector(obj: Obj): FieldError[] {
  const s: Obj = obj.spec ?? {};
  if (s.manualSelector === true || !s.selector) return [];
  const uid = obj.metadata?.uid ?? s.selector.matchLabels?.['batch.kubernetes.io/controller-uid'] ?? '';
  const expected: Record<string, string> = {
    'controller-uid': uid, 'job-name': obj.metadata?.name ?? '',
    'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': obj.metadata?.name ?? '',
  };
  const labels: Record<string, string> | undefined = s.template?.metadata?.labels;
  const errs: FieldError[] = [];
  for (const key of GENERATED) {
    if (!labels || !(key in labels)) errs.push(required(`spec.template.metadata.labels[${key}]`, `must be '${expected[key]}'`));
    else if (labels[key] !== expected[key]) errs.push(invalid(`spec.template.metadata.labels[${key}]`, goStringMap(labels), `must be '${expected[key]}'`));
  }
  if (templateLabelsMismatch(s.selector, expected, 'x').length) {
    errs.push(invalid('spec.selector', goLabelSelector(s.selector), '`selector` not auto-generated'));
  }
  return errs;
}

export function validateJob(obj: Obj): FieldError[] {
  const s: Obj = obj.spec ?? {};
  const errs = validateObjectMeta(obj.metadata, true, nameIsDNSSubdomain);
  errs.push(...generatedSelector(obj));
  errs.push(...validateJobSpec(s, 'spec'));
  if (!s.selector) errs.push(required('spec.selector'));
  else errs.push(...validateLabelSelector(s.selector, 'spec.selector'));
  errs.push(...templateLabelsMismatch(s.selector, s.template?.metadata?.labels, 'spec.template.metadata.labels'));
  if (s.completionMode === 'Indexed' && s.completions > 0) {
    const host = `${obj.metadata?.name ?? ''}-${s.completions - 1}`;
    if (isDNS1123Label(host).length) {
      errs.push(invalid('metadata.name', obj.metadata?.name ?? '', `will not able to create pod with invalid DNS label: ${host}`));
    }
  }
  return errs;
}

export function validateJobUpdate(obj: Obj, old: Obj): FieldError[] {
  const s: Obj = obj.spec ?? {};
  const o: Obj = old.spec ?? {};
  const errs: FieldError[] = [];
  if (!semanticEqual(s.completions, o.completions)) errs.push(invalid('spec.completions', s.completions ?? null, 'field is immutable'));
  if (!semanticEqual(s.selector, o.selector)) errs.push(invalid('spec.selector', goLabelSelector(s.selector), 'field is immutable'));
  if (!semanticEqual(s.template, o.template)) errs.push(invalid('spec.template', goOpaque('core.PodTemplateSpec'), 'field is immutable'));
  if (!semanticEqual(s.completionMode, o.completionMode)) errs.push(invalid('spec.completionMode', s.completionMode ?? null, 'field is immutable'));
  return errs;
}

function validateTimeZone(zone: unknown, field: string): FieldError[] {
  if (zone == null) return [];
  const z = String(zone);
  if (z === '') return [invalid(field, z, 'timeZone must be nil or non-empty string')];
  if (z.split('/').some((p) => p === '.' || p === '..' || p.startsWith('-') || !/^[A-Za-z.\-_0-9+]{1,14}$/.test(p))) {
    return [invalid(field, z, `unknown time zone ${z}`)];
  }
  if (z.toLowerCase() === 'local') return [invalid(field, z, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones')];
  return isKnownTimeZone(z) ? [] : [invalid(field, z, `unknown time zone ${z}`)];
}

export function validateCronJob(obj: Obj, old?: Obj): FieldError[] {
  const s: Obj = obj.spec ?? {};
  const errs = validateObjectMeta(obj.metadata, true, nameIsDNSSubdomain);
  if (!s.schedule) errs.push(required('spec.schedule'));
  else {
    const schedule = String(s.schedule);
    const parseError = cronScheduleError(schedule, isKnownTimeZone);
    if (parseError) errs.push(invalid('spec.schedule', schedule, parseError));
    const tzAllowed = String(old?.spec?.schedule ?? '').includes('TZ');
    if (tzAllowed && schedule.includes('TZ') && s.timeZone != null) {
      errs.push(invalid('spec.schedule', schedule, 'cannot use both timeZone field and TZ or CRON_TZ in schedule'));
    } else if (!tzAllowed && schedule.includes('TZ')) {
      errs.push(invalid('spec.schedule', schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
    }
  }
  errs.push(...nonNegative(s.startingDeadlineSeconds, 'spec.startingDeadlineSeconds'));
  if (!old || old.spec?.timeZone !== s.timeZone) errs.push(...validateTimeZone(s.timeZone, 'spec.timeZone'));
  const cp = s.concurrencyPolicy;
  if (!cp) errs.push(required('spec.concurrencyPolicy'));
  else if (!['Allow', 'Forbid', 'Replace'].includes(cp)) errs.push(notSupported('spec.concurrencyPolicy', cp, ['Allow', 'Forbid', 'Replace']));
  const jobSpec: Obj = s.jobTemplate?.spec ?? {};
  errs.push(...validateJobSpec(jobSpec, 'spec.jobTemplate.spec'));
  if (jobSpec.selector) errs.push(invalid('spec.jobTemplate.spec.selector', goLabelSelector(jobSpec.selector), '`selector` will be auto-generated'));
  if (jobSpec.manualSelector === true) errs.push(notSupported('spec.jobTemplate.spec.manualSelector', true, ['nil', 'false']));
  errs.push(...nonNegative(s.successfulJobsHistoryLimit, 'spec.successfulJobsHistoryLimit'));
  errs.push(...nonNegative(s.failedJobsHistoryLimit, 'spec.failedJobsHistoryLimit'));
  if (!old && String(obj.metadata?.name ?? '').length > 52) {
    errs.push(invalid('metadata.name', obj.metadata.name, 'must be no more than 52 characters'));
  }
  return errs;
}
