import { isAlias, isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { LineIndex } from './lines';

/** A problem go-yaml finds while building values, after the syntax was accepted. */
export interface StructureProblem {
  message: string;
  /** Chunk-relative offset for the editor marker. */
  offset: number;
}

/**
 * Repeated mapping keys, worded like go-yaml's unmarshal errors (one per repeat, 1-based
 * chunk-relative lines): `line 12: mapping key "image" already defined at line 9`.
 * upstream: go-yaml decode.go (`d.terrors`), shown as `yaml: unmarshal errors:\n  <each>`.
 */
export function duplicateKeys(root: Node | null, index: LineIndex): StructureProblem[] {
  const out: StructureProblem[] = [];
  visit(root, (node) => {
    if (!isMap(node)) return;
    const seen = new Map<string, number>();
    for (const pair of node.items) {
      if (!isScalar(pair.key) || pair.key.value === '<<') continue;
      const name = String(pair.key.value);
      const offset = pair.key.range?.[0] ?? 0;
      const first = seen.get(name);
      if (first === undefined) {
        seen.set(name, offset);
        continue;
      }
      const raw = typeof pair.key.source === 'string' ? pair.key.source : name;
      out.push({
        message: `line ${index.at(offset).line0 + 1}: mapping key ${JSON.stringify(raw)} already defined at line ${index.at(first).line0 + 1}`,
        offset,
      });
    }
  });
  return out;
}

/** Aliases naming no earlier anchor. upstream: go-yaml `unknown anchor '%s' referenced`. */
export function unknownAnchors(doc: Document, root: Node | null): StructureProblem[] {
  const out: StructureProblem[] = [];
  visit(root, (node) => {
    if (isAlias(node) && node.resolve(doc) === undefined) {
      out.push({ message: `unknown anchor '${node.source}' referenced`, offset: node.range?.[0] ?? 0 });
    }
  });
  return out;
}

function visit(node: unknown, fn: (node: Node) => void): void {
  if (!node || typeof node !== 'object') return;
  fn(node as Node);
  if (isMap(node)) {
    for (const pair of node.items) {
      visit(pair.key, fn);
      visit(pair.value, fn);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) visit(item, fn);
  }
}
