/**
 * kubectl's generic describer, used for kinds without a dedicated one: Name, Namespace, Labels,
 * Annotations, then every field of the object with "smart" labels (`apiVersion` → `API Version`),
 * then Events (upstream kubectl `genericDescriber`, `printUnstructuredContent`, `smartLabelFor`).
 */
import type { KubeObject } from '../engine/api';
import { LEVEL_0, PrefixWriter } from './tabWriter';
import { printAnnotations, printLabels } from './describeFields';
import { describeEvents, type EventObject } from './events';

const ACRONYMS = new Set(['API', 'URL', 'UID', 'OSB', 'GUID']);
const SKIP = new Set(['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']);

function charClass(ch: string): number {
  if (ch !== ch.toUpperCase() && ch === ch.toLowerCase()) return 1;
  if (ch !== ch.toLowerCase() && ch === ch.toUpperCase()) return 2;
  if (/\d/.test(ch)) return 3;
  return 4;
}

/** upstream fatih/camelcase `Split`: `clusterIPs` → `cluster`, `I`, `Ps`. */
export function camelSplit(text: string): string[] {
  const runs: string[] = [];
  let last = 0;
  for (const ch of text) {
    const cls = charClass(ch);
    if (cls === last && runs.length) runs[runs.length - 1] += ch;
    else runs.push(ch);
    last = cls;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (charClass(runs[i][0]) === 2 && charClass(runs[i + 1][0]) === 1) {
      runs[i + 1] = runs[i].slice(-1) + runs[i + 1];
      runs[i] = runs[i].slice(0, -1);
    }
  }
  return runs.filter((r) => r.length > 0);
}

/** upstream `smartLabelFor`: `apiVersion` → `API Version`; names with other characters are kept. */
export function smartLabel(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  return camelSplit(field)
    .filter((part) => part !== '_')
    .map((part) => (ACRONYMS.has(part.toUpperCase()) ? part.toUpperCase() : part[0].toUpperCase() + part.slice(1)))
    .join(' ');
}

/** Go's `%v` of a JSON scalar. */
function scalar(value: unknown): string {
  return value === null || value === undefined ? '<nil>' : String(value);
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function printContent(w: PrefixWriter, level: number, content: Record<string, unknown>, prefix: string): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    const path = `${prefix}.${field}`;
    if (SKIP.has(path)) continue;
    if (isMap(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      printContent(w, level + 1, value, path);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      for (const item of value) {
        if (isMap(item)) printContent(w, level + 1, item, path);
        else w.write(level + 1, `${scalar(item)}\n`);
      }
    } else {
      w.write(level, `${smartLabel(field)}:\t${scalar(value)}\n`);
    }
  }
}

export function describeGeneric(obj: KubeObject, events: readonly EventObject[], now: number): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${obj.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
  printLabels(w, 'Labels', obj.metadata.labels);
  printAnnotations(w, 'Annotations', obj.metadata.annotations);
  printContent(w, LEVEL_0, obj as Record<string, unknown>, '');
  describeEvents(w, events, now);
  return w.toString();
}
