/**
 * Go `%#v` renderings of the API structs that appear as bad values in upstream messages, e.g.
 * `v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}`
 * and `intstr.IntOrString{Type:0, IntVal:0, StrVal:""}` (the 1.2x–1.33 rendering, see k8s-semantics §13).
 */
import type { LabelSelector, LabelSelectorRequirement } from 'kubernetes-types/meta/v1';
import { GoValue, goQuote, goSharp } from '../errors';

/** A string map, or `map[string]string(nil)` when absent. */
export function goStringMap(m: Record<string, string> | undefined | null): GoValue {
  return new GoValue(m ? goSharp(m) : 'map[string]string(nil)');
}

export function goStringSlice(values: string[] | undefined | null): GoValue {
  return new GoValue(values ? `[]string{${values.map(goQuote).join(', ')}}` : '[]string(nil)');
}

function requirement(r: LabelSelectorRequirement): string {
  return `v1.LabelSelectorRequirement{Key:${goQuote(r.key ?? '')}, Operator:${goQuote(r.operator ?? '')}, Values:${goStringSlice(r.values).text}}`;
}

/** metav1.LabelSelector as the value of selector errors. */
export function goLabelSelector(sel: LabelSelector | undefined | null): GoValue {
  if (!sel) return new GoValue('(*v1.LabelSelector)(nil)');
  const exprs = sel.matchExpressions
    ? `[]v1.LabelSelectorRequirement{${sel.matchExpressions.map(requirement).join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return new GoValue(`v1.LabelSelector{MatchLabels:${goStringMap(sel.matchLabels).text}, MatchExpressions:${exprs}}`);
}

/** intstr.IntOrString: Type 0 for an int, 1 for a string. */
export function goIntOrString(v: number | string | undefined): GoValue {
  if (typeof v === 'string') return new GoValue(`intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(v)}}`);
  return new GoValue(`intstr.IntOrString{Type:0, IntVal:${v ?? 0}, StrVal:""}`);
}

/** core.ServicePort as the (protocol, port) key of a duplicate-port error. */
export function goServicePortKey(protocol: string, port: number): GoValue {
  return new GoValue(`core.ServicePort{Name:"", Protocol:${goQuote(protocol)}, AppProtocol:(*string)(nil), Port:${port}, ` +
    'TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}');
}

/** A struct too large to render faithfully: the type name with an elided body. */
export function goOpaque(type: string): GoValue {
  return new GoValue(`${type}{...}`);
}
