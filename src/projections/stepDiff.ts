/**
 * The diff of one API object across a Step, as YAML lines marked `+` (added), `-` (removed) or
 * ` ` (unchanged context), in `kubectl get -o yaml` key order. A changed field shows its old
 * line then its new one; list items are matched by identity (see stepDiffArrays), and a matched
 * item is introduced by its identity line (`- type: Ready`) so every change reads in place.
 * Status is included. Noisy bookkeeping (resourceVersion, managedFields, the last-applied
 * annotation) is marked so the UI can fold it away.
 */
import { compareKeys, toYaml } from './yaml';
import { alignItems, identityOf, isMap, type Json, type JsonMap } from './stepDiffArrays';

export type DiffOp = '+' | '-' | ' ';

export interface DiffLine {
  op: DiffOp;
  /** Spaces of YAML nesting before the text. */
  indent: number;
  text: string;
  /** Field path: `status.phase`, `status.conditions[Ready].status`, `spec.containers[nginx]`. */
  path: string;
  noisy: boolean;
}

export interface DiffOptions {
  /** `changes`: only changed lines and the lines that lead to them (default); `all`: the whole object. */
  context?: 'changes' | 'all';
  /** Show resourceVersion, managedFields and the last-applied annotation (default false). */
  showNoisy?: boolean;
}

export interface ObjectDiff {
  lines: DiffLine[];
  added: number;
  removed: number;
  /** Changed lines folded away because they are noisy. */
  hiddenNoisy: number;
}

/** Fields that change on every write or only repeat the manifest: folded away unless asked for. */
export const NOISY_PATHS: readonly string[] = [
  'metadata.resourceVersion',
  'metadata.managedFields',
  'metadata.annotations.kubectl.kubernetes.io/last-applied-configuration',
];

interface DiffNode {
  lines: DiffLine[];
  children: DiffNode[];
  noisy: boolean;
  /** Counts of changed lines here and below: all, and the noisy ones among them. */
  changed: number;
  changedNoisy: number;
}

type Label = { key: string } | { item: number; id?: [string, Json] };

const isNoisy = (path: string) => NOISY_PATHS.some((p) => path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`));
const childPath = (path: string, key: string) => (path ? `${path}.${key}` : key);
const isBranch = (v: Json | undefined): boolean => (isMap(v) && Object.keys(v).length > 0) || (Array.isArray(v) && v.length > 0);

function node(lines: DiffLine[], children: DiffNode[], noisy: boolean): DiffNode {
  const own = lines.filter((l) => l.op !== ' ').length;
  const below = children.reduce((n, c) => n + c.changed, 0);
  const belowNoisy = children.reduce((n, c) => n + c.changedNoisy, 0);
  const changed = own + below;
  // an added or removed header whose every change below is noisy is noise too (`+ annotations:`)
  const changedNoisy = noisy ? changed : belowNoisy + (below > 0 && below === belowNoisy ? own : 0);
  return { lines, children, noisy, changed, changedNoisy };
}

/** The YAML lines of a leaf (`key: value`, `- value`), several for folded or literal strings. */
function leafLines(label: Label, value: Json, op: DiffOp, indent: number, path: string): DiffLine[] {
  const text = 'key' in label ? toYaml({ [label.key]: value }) : toYaml([value]);
  const noisy = isNoisy(path);
  return text.replace(/\n$/, '').split('\n').map((t) => ({ op, indent: indent + (t.length - t.trimStart().length), text: t.trimStart(), path, noisy }));
}

/** The line that opens a branch: `key:`, `- name: nginx` (its identity), or `- # item 2`. */
function headerLine(label: Label, op: DiffOp, indent: number, path: string): DiffLine {
  let text: string;
  if ('key' in label) text = toYaml({ [label.key]: null }).replace(/ null\n$/, '');
  else if (label.id) text = `- ${toYaml({ [label.id[0]]: label.id[1] }).replace(/\n$/, '')}`;
  else text = `- # item ${label.item}`;
  return { op, indent, text, path, noisy: isNoisy(path) };
}

function diffMap(a: JsonMap | undefined, b: JsonMap | undefined, indent: number, path: string, skip?: string): DiffNode[] {
  const keys = new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})]);
  if (skip) keys.delete(skip);
  return [...keys].sort(compareKeys).map((k) => diffValue({ key: k }, a?.[k], b?.[k], indent, childPath(path, k)));
}

function diffList(a: Json[] | undefined, b: Json[] | undefined, indent: number, path: string): DiffNode[] {
  const { rows, id } = alignItems(a ?? [], b ?? []);
  return rows.map(({ a: ai, b: bi }, n) => {
    const x = ai === undefined ? undefined : a![ai];
    const y = bi === undefined ? undefined : b![bi];
    const idValue = id ? identityOf((y ?? x)!, id) : undefined;
    const top = id && !id.includes('.') ? id : undefined;
    const label: Label = { item: bi ?? ai ?? n, ...(top && idValue !== undefined ? { id: [top, ((y ?? x) as JsonMap)[top]] as [string, Json] } : {}) };
    return diffValue(label, x, y, indent, `${path}[${idValue ?? bi ?? ai}]`);
  });
}

/** Both sides of one field or item; `undefined` is "absent on that side". */
function diffValue(label: Label, a: Json | undefined, b: Json | undefined, indent: number, path: string): DiffNode {
  const noisy = isNoisy(path);
  const sameShape = (isMap(a) || a === undefined) && (isMap(b) || b === undefined) ? 'map'
    : (Array.isArray(a) || a === undefined) && (Array.isArray(b) || b === undefined) ? 'list' : undefined;
  const branch = sameShape && (a === undefined || isBranch(a)) && (b === undefined || isBranch(b));
  const whole = !('key' in label) && !label.id; // an item without identity is shown whole when added or removed
  if (branch && !(whole && (a === undefined || b === undefined))) {
    const op: DiffOp = a === undefined ? '+' : b === undefined ? '-' : ' ';
    // a sequence sits at its key's indent (go-yaml v2); a map's fields one level in
    const inner = sameShape === 'list' && 'key' in label ? indent : indent + 2;
    const children = sameShape === 'map'
      ? diffMap(a as JsonMap | undefined, b as JsonMap | undefined, inner, path, 'key' in label ? undefined : label.id?.[0])
      : diffList(a as Json[] | undefined, b as Json[] | undefined, inner, path);
    return node([headerLine(label, op, indent, path)], children, noisy);
  }
  if (a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b)) {
    return node(leafLines(label, a, ' ', indent, path), [], noisy);
  }
  if (a !== undefined && b !== undefined && (isBranch(a) || isBranch(b))) {
    // the kind of value changed (a map became a string…): the old one goes, the new one comes
    return node([], [diffValue(label, a, undefined, indent, path), diffValue(label, undefined, b, indent, path)], noisy);
  }
  const lines = [
    ...(a === undefined ? [] : leafLines(label, a, '-', indent, path)),
    ...(b === undefined ? [] : leafLines(label, b, '+', indent, path)),
  ];
  return node(lines, [], noisy);
}

function flatten(n: DiffNode, options: Required<DiffOptions>, out: DiffLine[]): void {
  if (n.noisy && !options.showNoisy) return;
  const visibleChanges = options.showNoisy ? n.changed : n.changed - n.changedNoisy;
  if (options.context === 'changes' && visibleChanges === 0) return;
  const below: DiffLine[] = [];
  for (const c of n.children) flatten(c, options, below);
  // a header whose fields are all folded away says nothing
  if (n.children.length > 0 && below.length === 0) return;
  out.push(...n.lines, ...below);
}

/** The diff of an object from `before` to `after`; either may be missing (created, deleted). */
export function diffObjects(before: object | undefined, after: object | undefined, options: DiffOptions = {}): ObjectDiff {
  const opts: Required<DiffOptions> = { context: options.context ?? 'changes', showNoisy: options.showNoisy ?? false };
  const a = before === undefined ? undefined : (JSON.parse(JSON.stringify(before)) as JsonMap);
  const b = after === undefined ? undefined : (JSON.parse(JSON.stringify(after)) as JsonMap);
  const root = node([], diffMap(a ?? {}, b ?? {}, 0, ''), false);
  const lines: DiffLine[] = [];
  flatten(root, opts, lines);
  return {
    lines,
    added: lines.filter((l) => l.op === '+').length,
    removed: lines.filter((l) => l.op === '-').length,
    hiddenNoisy: opts.showNoisy ? 0 : root.changedNoisy,
  };
}

/** Diff lines as text: the marker, a space, then the YAML line at its indent (`+   phase: Running`). */
export function formatDiffLines(lines: readonly DiffLine[]): string[] {
  return lines.map((l) => `${l.op} ${' '.repeat(l.indent)}${l.text}`);
}
