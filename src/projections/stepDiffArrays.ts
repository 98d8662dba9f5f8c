/**
 * How the items of two versions of a list line up, so a diff shows "the Ready condition changed"
 * rather than "item 3 was removed and another item 3 added". Items are matched by an identity
 * field when every item has a distinct one (containers by name, conditions by type, addresses by
 * ip…), otherwise by equal content, and leftover items in the same place pair up positionally.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonMap = { [key: string]: Json };

export const isMap = (v: unknown): v is JsonMap => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Identity fields tried in order; a dotted one reads a nested field (`targetRef.name` of an endpoint). */
const IDENTITY_FIELDS = ['name', 'type', 'uid', 'ip', 'key', 'containerPort', 'port', 'mountPath', 'devicePath', 'targetRef.name'];

/** The largest n·m the content matcher compares; longer lists pair by position. */
const MAX_LCS_CELLS = 250_000;

function field(item: JsonMap, path: string): string | undefined {
  let v: Json | undefined = item;
  for (const part of path.split('.')) v = isMap(v) ? v[part] : undefined;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

function distinctIds(items: readonly Json[], path: string): string[] | undefined {
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const id = isMap(item) ? field(item, path) : undefined;
    if (id === undefined || seen.has(id)) return undefined;
    seen.add(id);
    ids.push(id);
  }
  return ids;
}

/** The identity field both versions' items share (each item has one, none repeats), if any. */
export function identityField(a: readonly Json[], b: readonly Json[]): string | undefined {
  if (!a.every(isMap) || !b.every(isMap)) return undefined;
  return IDENTITY_FIELDS.find((f) => distinctIds(a, f) && distinctIds(b, f));
}

export function identityOf(item: Json, path: string): string | undefined {
  return isMap(item) ? field(item, path) : undefined;
}

/** One row of the alignment: indexes into the old list, the new list, or both. */
export interface Aligned {
  a?: number;
  b?: number;
}

/** Longest common subsequence of two key lists, as an in-order alignment. */
function lcs(ka: readonly string[], kb: readonly string[]): Aligned[] {
  const n = ka.length;
  const m = kb.length;
  const table = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[at(i, j)] = ka[i] === kb[j] ? table[at(i + 1, j + 1)] + 1 : Math.max(table[at(i + 1, j)], table[at(i, j + 1)]);
    }
  }
  const out: Aligned[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (ka[i] === kb[j]) out.push({ a: i++, b: j++ });
    else if (table[at(i + 1, j)] >= table[at(i, j + 1)]) out.push({ a: i++ });
    else out.push({ b: j++ });
  }
  while (i < n) out.push({ a: i++ });
  while (j < m) out.push({ b: j++ });
  return out;
}

/** A removed item right before an added one, both maps, is one item that changed. */
function pairNeighbours(rows: Aligned[], a: readonly Json[], b: readonly Json[]): Aligned[] {
  const out: Aligned[] = [];
  let k = 0;
  while (k < rows.length) {
    const removed: number[] = [];
    const added: number[] = [];
    while (k < rows.length && rows[k].b === undefined) removed.push(rows[k++].a!);
    while (k < rows.length && rows[k].a === undefined) added.push(rows[k++].b!);
    if (removed.length === 0 && added.length === 0) {
      out.push(rows[k++]);
      continue;
    }
    const pairs = Math.min(removed.length, added.length);
    for (let p = 0; p < Math.max(removed.length, added.length); p++) {
      const ai = removed[p];
      const bi = added[p];
      if (p < pairs && isMap(a[ai]) && isMap(b[bi])) out.push({ a: ai, b: bi });
      else {
        if (ai !== undefined) out.push({ a: ai });
        if (bi !== undefined) out.push({ b: bi });
      }
    }
  }
  return out;
}

/** Aligns two versions of a list (see the file comment); `id` names the identity field used, if any. */
export function alignItems(a: readonly Json[], b: readonly Json[]): { rows: Aligned[]; id?: string } {
  const id = identityField(a, b);
  if (id) return { rows: lcs(a.map((x) => identityOf(x, id)!), b.map((x) => identityOf(x, id)!)), id };
  if (a.length * b.length > MAX_LCS_CELLS) {
    const rows: Aligned[] = [];
    for (let i = 0; i < Math.max(a.length, b.length); i++) rows.push({ a: i < a.length ? i : undefined, b: i < b.length ? i : undefined });
    return { rows };
  }
  const rows = lcs(a.map((x) => JSON.stringify(x)), b.map((x) => JSON.stringify(x)));
  return { rows: pairNeighbours(rows, a, b) };
}
