/**
 * Multi-line fields shared by the describers, worded and ordered as kubectl's
 * `printLabelsMultiline`, `printAnnotationsMultiline`, `printTolerationsMultiline`
 * and `printNodeTaintsMultiline`.
 */
import type { OwnerReference } from '../engine/api';
import type { Taint, Toleration } from 'kubernetes-types/core/v1';
import { LEVEL_0, type PrefixWriter } from './tabWriter';

/** upstream `maxAnnotationLen` and the annotation describe never shows. */
const MAX_ANNOTATION_LEN = 140;
const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

/** Go's sort.Strings: byte order (code units agree for the ASCII keys Kubernetes allows). */
const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function printLabels(w: PrefixWriter, title: string, labels: Record<string, string> | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = Object.keys(labels ?? {}).sort(byteOrder);
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    w.write(LEVEL_0, `${key}=${labels![key]}\n`);
  });
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}...`;
}

export function printAnnotations(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {}).filter((k) => !SKIP_ANNOTATIONS.has(k)).sort(byteOrder);
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    const value = annotations![key].replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const line of value.split('\n')) w.write(LEVEL_0, `\t  ${shorten(line, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

/** `key=value:Effect op=Exists for 300s`, as describe words a toleration. */
export function tolerationText(t: Toleration): string {
  let text = t.key ?? '';
  if (t.value) text += `=${t.value}`;
  if (t.effect) text += `:${t.effect}`;
  // upstream: `operator: Exists` with no key and no effect tolerates everything
  if (t.operator === 'Exists' && !t.value) text += t.key || t.effect ? ' op=Exists' : 'op=Exists';
  if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) text += ` for ${t.tolerationSeconds}s`;
  return text;
}

export function printTolerations(w: PrefixWriter, title: string, tolerations: Toleration[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (!tolerations?.length) {
    w.writeLine('<none>');
    return;
  }
  tolerations.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    w.write(LEVEL_0, `${tolerationText(t)}\n`);
  });
}

/** upstream `Taint.ToString()`: `key=value:Effect`, parts omitted when empty. */
export function taintText(t: Taint): string {
  let text = t.key;
  if (t.value) text += `=${t.value}`;
  if (t.effect) text += `:${t.effect}`;
  return text;
}

export function printTaints(w: PrefixWriter, title: string, taints: Taint[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (!taints?.length) {
    w.writeLine('<none>');
    return;
  }
  // upstream sorts taints by "effect,key"
  const sorted = [...taints].sort((a, b) => byteOrder(`${a.effect},${a.key}`, `${b.effect},${b.key}`));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    w.write(LEVEL_0, `${taintText(t)}\n`);
  });
}

/** upstream `printController`: `ReplicaSet/web-7c5ddbdf54` for the controller owner, else ''. */
export function controlledBy(owners: OwnerReference[] | undefined): string {
  const ref = owners?.find((o) => o.controller);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

/** `<none>` for an empty string, as `stringOrNone`. */
export function orNone(text: string | undefined): string {
  return text ? text : '<none>';
}

/** Go's `%v` of a *bool: `<nil>` when unset. */
export function boolPtr(value: boolean | undefined | null): string {
  return value === undefined || value === null ? '<nil>' : String(value);
}
