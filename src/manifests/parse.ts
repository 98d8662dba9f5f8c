import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node } from 'yaml';
import { LineIndex } from './lines';
import { locate } from './positions';
import { splitDocuments, type Chunk } from './split';
import { duplicateKeys, unknownAnchors } from './structureChecks';
import { isList, isObject, listErrors, objectKindErrors, validationMessage } from './typeMeta';
import { mapYamlErrors } from './yamlErrors';
import { YAML_OPTIONS } from './yamlOptions';

/** One API object read from the manifest text, with a way back to its source positions. */
export interface ManifestDocument {
  /** 0-based index among the non-empty YAML documents of the text (List items share their List's). */
  index: number;
  /** The object as plain JSON-like values (YAML 1.1 scalars resolved as kubectl does). */
  object: Record<string, unknown>;
  /** 1-based line where the document's (or List item's) content starts. */
  line: number;
  /**
   * 1-based line/column of a field path like 'spec.template.spec.containers[0].image' (the key of
   * a field, the start of an item); the nearest existing ancestor when the field itself is absent.
   */
  positionOf(path: string): { line: number; column: number };
}

export interface ParseError { message: string; line?: number; column?: number; document?: number }

export type ParseResult = { ok: true; documents: ManifestDocument[] } | { ok: false; errors: ParseError[] };

const YAML_TO_JSON = 'error: error converting YAML to JSON: ';
// upstream: libyaml's reader accepts only printable characters (yaml_parser_update_buffer).
const CONTROL_CHARACTER = /[^\x09\x0A\x0D\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/**
 * Reads a multi-document manifest like `kubectl apply -f`: documents split on `---` lines, YAML
 * read the go-yaml v2 way, empty documents skipped, `kind: List` expanded into its items, and
 * every problem reported with kubectl's wording plus an absolute line and column.
 */
export function parseManifests(text: string): ParseResult {
  const split = splitDocuments(text);
  const errors: ParseError[] = [];
  const documents: ManifestDocument[] = [];
  let index = 0;
  for (const chunk of split.chunks) {
    const read = readChunk(chunk, index);
    if (!read) continue;
    errors.push(...read.errors);
    documents.push(...read.documents);
    index += 1;
  }
  if (split.error) errors.push({ ...split.error, message: `error: ${split.error.message}`, document: index });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, documents };
}

interface ChunkResult { errors: ParseError[]; documents: ManifestDocument[] }

/** One kubectl chunk; undefined when it holds no object (only comments, blanks or `null`). */
function readChunk(chunk: Chunk, index: number): ChunkResult | undefined {
  const lines = new LineIndex(chunk.text);
  const at = (offset: number): { line: number; column: number } => {
    const { line0, col0 } = lines.at(offset);
    return { line: chunk.startLine + line0, column: col0 + 1 };
  };
  const failed = (problems: { message: string; offset: number }[]): ChunkResult => ({
    errors: problems.map((p) => ({ message: `${YAML_TO_JSON}yaml: ${p.message}`, ...at(p.offset), document: index })),
    documents: [],
  });

  const control = CONTROL_CHARACTER.exec(chunk.text);
  if (control) return failed([{ message: 'control characters are not allowed', offset: control.index }]);
  // go-yaml decodes only the first document of a chunk; anything after a `...` is ignored.
  const doc = parseAllDocuments(chunk.text, YAML_OPTIONS)[0] as Document | undefined;
  if (!doc) return undefined;
  const root = doc.contents as Node | null;
  const problems = yamlProblems(doc, root, lines);
  if (problems.length > 0) return failed(problems);
  const value = toValue(doc);
  if ('problem' in value) return failed([{ message: value.problem, offset: root?.range?.[0] ?? 0 }]);
  return objectsOf(value.value, root, doc, index, at);
}

/** What go-yaml rejects in a document, worded as its messages (without `yaml: `). */
function yamlProblems(doc: Document, root: Node | null, lines: LineIndex): { message: string; offset: number }[] {
  if (doc.errors.length > 0) return mapYamlErrors(doc.errors, lines);
  const anchors = unknownAnchors(doc, root);
  if (anchors.length > 0) return anchors;
  return duplicateKeys(root, lines).map((p) => ({ ...p, message: `unmarshal errors:\n  ${p.message}` }));
}

function toValue(doc: Document): { value: unknown } | { problem: string } {
  try {
    return { value: doc.toJS({ maxAliasCount: 10000 }) };
  } catch {
    // upstream go-yaml: the same guard against alias expansion ("billion laughs").
    return { problem: 'document contains excessive aliasing' };
  }
}

/** The API objects a document holds, or kubectl's validation error when it names no type. */
function objectsOf(value: unknown, root: Node | null, doc: Document, index: number,
  at: (offset: number) => { line: number; column: number }): ChunkResult | undefined {
  if (value === null || value === undefined) return undefined;
  const start = root?.range?.[0] ?? 0;
  const fail = (message: string): ChunkResult => ({ errors: [{ message, ...at(start), document: index }], documents: [] });
  const problems = objectKindErrors(value);
  if (problems.length > 0 || !isObject(value)) return fail(validationMessage(problems));

  const make = (object: Record<string, unknown>, node: Node): ManifestDocument => ({
    index,
    object,
    line: at(node.range?.[0] ?? start).line,
    positionOf: (path: string) => at(locate(node, path, doc)),
  });
  if (!isList(value)) return { errors: [], documents: [make(value, root as Node)] };

  const itemProblems = listErrors(value);
  if (itemProblems.length > 0) return fail(validationMessage(itemProblems));
  const items = value.items as Record<string, unknown>[];
  const itemNodes = listItemNodes(root, doc);
  return { errors: [], documents: items.map((item, i) => make(item, itemNodes[i] ?? (root as Node))) };
}

/** The YAML nodes of a List's `items`, so positions map into each item. */
function listItemNodes(root: Node | null, doc: Document): Node[] {
  if (!isMap(root)) return [];
  const pair = root.items.find((p) => isScalar(p.key) && p.key.value === 'items');
  const value = pair?.value as Node | null | undefined;
  const items = isAlias(value) ? (value.resolve(doc) as Node | undefined) : value;
  return isSeq(items) ? (items.items as Node[]) : [];
}
