import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';

export type PathSegment = string | number;

/** Marks a bracket-quoted key, which is never joined with its neighbours. */
const QUOTED = '\u0000';

/**
 * Splits a field path as the API server writes it: `spec.containers[0].image`. Keys that contain
 * dots may be bracket-quoted (`metadata.labels["app.kubernetes.io/name"]`); unquoted, they are
 * still found, since a lookup also tries dotted runs of segments as one key.
 */
export function parsePath(path: string): PathSegment[] {
  const out: PathSegment[] = [];
  const re = /\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|\['([^']*)'\]|([^.[\]]+)/g;
  for (let m = re.exec(path); m; m = re.exec(path)) {
    if (m[1] !== undefined) out.push(Number(m[1]));
    else if (m[2] !== undefined) out.push(QUOTED + m[2].replace(/\\(.)/g, '$1'));
    else if (m[3] !== undefined) out.push(QUOTED + m[3]);
    else out.push(m[4]);
  }
  return out;
}

function keyText(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

function isMergePair(pair: Pair): boolean {
  return isScalar(pair.key) && (pair.key.value === '<<' || pair.key.source === '<<');
}

/** The pair holding `key` in a map, looking through `<<` merges like the decoded value does. */
function findPair(map: Node | undefined, key: string, doc: Document, depth = 0): Pair | undefined {
  if (!isMap(map) || depth > 20) return undefined;
  const own = map.items.find((p) => !isMergePair(p) && keyText(p) === key);
  if (own) return own;
  for (const merge of map.items.filter(isMergePair)) {
    const sources = isSeq(merge.value) ? merge.value.items : [merge.value];
    for (const source of sources) {
      const found = findPair(resolve(source as Node, doc), key, doc, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

function resolve(node: Node | null | undefined, doc: Document): Node | undefined {
  if (!node) return undefined;
  if (isAlias(node)) return (node.resolve(doc) as Node | undefined) ?? undefined;
  return node;
}

/**
 * Offset of the deepest part of `path` present under `root`: the key of a found field, the start
 * of a found item, or `root` itself.
 */
export function locate(root: Node, path: string, doc: Document): number {
  const segments = parsePath(path);
  let node = resolve(root, doc);
  let offset = root.range?.[0] ?? 0;
  let i = 0;
  while (i < segments.length && node) {
    const segment = segments[i];
    if (typeof segment === 'number') {
      if (!isSeq(node)) break;
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = resolve(item, doc);
      i += 1;
      continue;
    }
    const match = matchKey(node, segments, i, doc);
    if (!match) break;
    const key = match.pair.key as Node | null;
    offset = key?.range?.[0] ?? offset;
    node = resolve(match.pair.value as Node | null, doc);
    i += match.used;
  }
  return offset;
}

/** Longest run of plain segments, joined with dots, that names a key of `node`. */
function matchKey(node: Node, segments: PathSegment[], from: number, doc: Document): { pair: Pair; used: number } | undefined {
  const first = segments[from] as string;
  if (first.startsWith(QUOTED)) {
    const pair = findPair(node, first.slice(1), doc);
    return pair ? { pair, used: 1 } : undefined;
  }
  let last = from;
  while (last + 1 < segments.length && typeof segments[last + 1] === 'string' && !(segments[last + 1] as string).startsWith(QUOTED)) last++;
  for (let end = last; end >= from; end--) {
    const pair = findPair(node, segments.slice(from, end + 1).join('.'), doc);
    if (pair) return { pair, used: end - from + 1 };
  }
  return undefined;
}
