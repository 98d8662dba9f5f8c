/**
 * metav1.LabelSelector validation, and the selector/template agreement check the workload kinds share.
 * upstream: staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/validation/validation.go (ValidateLabelSelector),
 * staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go (LabelSelectorAsSelector)
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { type FieldError, forbidden, invalid, required } from '../errors';
import { matchesSelector } from '../../util/selectors';
import { goStringMap } from './goTypes';
import { validateLabelName, validateLabels } from './objectMeta';
import { isValidLabelValue } from './strings';

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

export function validateLabelSelector(sel: LabelSelector | undefined | null, field: string): FieldError[] {
  if (!sel || typeof sel !== 'object') return [];
  const errs: FieldError[] = validateLabels(sel.matchLabels, `${field}.matchLabels`);
  (sel.matchExpressions ?? []).forEach((r, i) => {
    const path = `${field}.matchExpressions[${i}]`;
    const values = r?.values ?? [];
    if (r?.operator === 'In' || r?.operator === 'NotIn') {
      if (values.length === 0) errs.push(required(`${path}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if (r?.operator === 'Exists' || r?.operator === 'DoesNotExist') {
      if (values.length > 0) errs.push(forbidden(`${path}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    } else {
      errs.push(invalid(`${path}.operator`, r?.operator ?? '', 'not a valid selector operator'));
    }
    errs.push(...validateLabelName(r?.key ?? '', `${path}.key`));
    values.forEach((v, j) => {
      for (const msg of isValidLabelValue(String(v))) errs.push(invalid(`${path}.values[${j}]`, v, msg));
    });
  });
  return errs;
}

/** True when LabelSelectorAsSelector would fail on this selector (bad key, value or operator). */
export function selectorUnparseable(sel: LabelSelector | undefined | null): boolean {
  if (!sel) return false;
  if ((sel.matchExpressions ?? []).some((r) => !OPERATORS.includes(r?.operator))) return true;
  return validateLabelSelector(sel, 'x').length > 0;
}

/** `{}` (or no terms at all) selects everything. */
export function selectorEmpty(sel: LabelSelector | undefined | null): boolean {
  return !!sel && Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0;
}

/**
 * The template's labels must satisfy the selector: `spec.template.metadata.labels: Invalid value:
 * map[string]string{…}: \`selector\` does not match template \`labels\``. A nil selector matches
 * nothing (so it also reports); an empty one matches everything (so it does not).
 */
export function templateLabelsMismatch(sel: LabelSelector | undefined | null, labels: Record<string, string> | undefined,
  field: string): FieldError[] {
  if (selectorUnparseable(sel) || selectorEmpty(sel)) return [];
  if (sel && matchesSelector(sel, labels ?? {})) return [];
  return [invalid(field, goStringMap(labels), '`selector` does not match template `labels`')];
}
