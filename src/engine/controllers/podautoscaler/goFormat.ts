/**
 * Go's `%+v` of a *metav1.LabelSelector (its generated String()), as upstream puts it in the
 * external-metric error: `&LabelSelector{MatchLabels:map[string]string{queue: tasks,},MatchExpressions:[]LabelSelectorRequirement{},}`.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';

export function goLabelSelector(selector: LabelSelector | undefined): string {
  if (!selector) return 'nil';
  const labels = Object.keys(selector.matchLabels ?? {}).sort()
    .map((k) => `${k}: ${selector.matchLabels![k]},`).join('');
  const exprs = (selector.matchExpressions ?? [])
    .map((r) => `LabelSelectorRequirement{Key:${r.key},Operator:${r.operator},Values:[${(r.values ?? []).join(' ')}],},`).join('');
  return `&LabelSelector{MatchLabels:map[string]string{${labels}},MatchExpressions:[]LabelSelectorRequirement{${exprs}},}`;
}
