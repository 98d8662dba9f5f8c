import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, HAS_CORPUS } from '../corpus';
import { parseManifests, type ManifestDocument, type ParseResult } from '../../src/manifests/parse';

function documents(result: ParseResult): ManifestDocument[] {
  if (!result.ok) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return result.documents;
}

function errors(result: ParseResult): { message: string; line?: number; column?: number; document?: number }[] {
  if (result.ok) throw new Error('expected errors');
  return result.errors;
}

const DEPLOYMENT = `# a comment before the first document
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app.kubernetes.io/name: web
spec:
  template:
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
      - name: sidecar
        image: busybox
        args: ["sleep", "3600"]
`;

describe('parseManifests: positions', () => {
  const [doc] = documents(parseManifests(DEPLOYMENT));

  it.each([
    ['', 3, 1],
    ['kind', 4, 1],
    ['metadata.name', 6, 3],
    ['spec.template.spec.containers[1].image', 16, 9],
    ['spec.template.spec.containers[0]', 13, 9],
    ['spec.template.spec.containers[1].args[1]', 17, 25],
    ['metadata.labels.app.kubernetes.io/name', 8, 5],
    ['metadata.labels["app.kubernetes.io/name"]', 8, 5],
    // absent fields resolve to the nearest existing ancestor
    ['spec.replicas', 9, 1],
    ['spec.template.spec.containers[7].image', 12, 7],
    ['spec.template.spec.containers[0].resources.limits.cpu', 13, 9],
  ])('positionOf(%j) is line %i column %i', (path, line, column) => {
    expect(doc.positionOf(path)).toEqual({ line, column });
  });

  it('gives the line where the content starts, after comments and the separator', () => {
    expect(doc.line).toBe(3);
    expect(doc.index).toBe(0);
  });

  it('finds fields brought in through a merge key', () => {
    const [merged] = documents(parseManifests('apiVersion: v1\nkind: ConfigMap\nbase: &b\n  x: 1\ndata:\n  <<: *b\n  z: "2"\n'));
    expect(merged.object.data).toEqual({ x: 1, z: '2' });
    expect(merged.positionOf('data.x')).toEqual({ line: 4, column: 3 });
  });
});

describe('parseManifests: documents', () => {
  it('skips empty documents and numbers the others in order', () => {
    const text = '---\n# only a comment\n---\n\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n...\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: b}\n';
    const docs = documents(parseManifests(text));
    expect(docs.map((d) => [d.index, d.line, (d.object.metadata as { name: string }).name])).toEqual([[0, 6, 'a'], [1, 11, 'b']]);
  });

  it('treats an empty text as no documents', () => {
    expect(parseManifests('')).toEqual({ ok: true, documents: [] });
    expect(parseManifests('# nothing\n')).toEqual({ ok: true, documents: [] });
  });

  it('expands kind: List into its items, each positioned inside its item', () => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: p1}\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: p2\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: n}\n';
    const docs = documents(parseManifests(text));
    expect(docs.map((d) => [d.index, d.line, d.object.kind])).toEqual([[0, 4, 'Pod'], [0, 7, 'Pod'], [1, 12, 'Namespace']]);
    expect(docs[1].object).toEqual({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p2' } });
    expect(docs[1].positionOf('metadata.name')).toEqual({ line: 10, column: 5 });
    expect(docs[0].positionOf('spec')).toEqual({ line: 4, column: 3 });
  });

  it('reads KYAML (flow style with trailing commas and comments)', () => {
    const text = '---\n{\n  apiVersion: "v1", # the core group\n  kind: "Pod",\n  metadata: { name: "p", },\n  spec: { containers: [{ name: "a", image: "b", },], },\n}\n';
    const [doc] = documents(parseManifests(text));
    expect(doc.object).toEqual({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'b' }] } });
    expect(doc.positionOf('spec.containers[0].image')).toEqual({ line: 6, column: 37 });
  });

  it('normalises CRLF line endings', () => {
    const [doc] = documents(parseManifests('apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\n'));
    expect(doc.object).toEqual({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } });
    expect(doc.positionOf('metadata.name')).toEqual({ line: 4, column: 3 });
  });
});

describe('parseManifests: YAML 1.1 scalars as go-yaml v2 reads them', () => {
  it.each([
    ['yes', true], ['No', false], ['on', true], ['OFF', false], ['y', true], ['n', false],
    ['true', true], ['False', false],
    ['0644', 420], ['0o644', '0o644'], ['0x1F', 31], ['1_000', 1000], ['1e3', 1000], ['1.5', 1.5], ['08', 8],
    ['~', null], ['null', null], ['', null],
    ['1:20', '1:20'], ['2001-12-14', '2001-12-14'], ['"yes"', 'yes'], ["'0644'", '0644'],
  ])('value %s reads as %j', (source, expected) => {
    const [doc] = documents(parseManifests(`apiVersion: v1\nkind: ConfigMap\nv: ${source}\n`));
    expect(doc.object.v).toEqual(expected);
  });

  it('turns non-string keys into JSON keys', () => {
    // upstream gotcha: `y`, `on`, `no` as keys are booleans too.
    const [doc] = documents(parseManifests('apiVersion: v1\nkind: ConfigMap\ndata:\n  on: a\n  80: b\n  n: c\n'));
    expect(doc.object.data).toEqual({ true: 'a', 80: 'b', false: 'c' });
  });
});

const YAML_TO_JSON = 'error: error converting YAML to JSON: yaml: ';

describe('parseManifests: syntax errors, worded like kubectl (go-yaml v2)', () => {
  it.each([
    ['a nested mapping on one line', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a: b\n',
      'line 4: mapping values are not allowed in this context', 4, 10],
    ['an over-indented key (a multi-line plain scalar, then ":")', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n    labels: x\n',
      'line 5: mapping values are not allowed in this context', 5, 11],
    ['an under-indented key (parser errors name the line before)', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n labels: {}\n',
      'line 4: did not find expected key', 5, 1],
    ['a tab used for indentation', 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: a\n',
      'line 4: found character that cannot start any token', 4, 1],
    ['an unclosed double quote', 'apiVersion: v1\nkind: "Pod\nmetadata:\n  name: a\n',
      'line 5: found unexpected end of stream', 5, 1],
    ['an unclosed flow mapping', 'apiVersion: v1\nkind: Pod\nmetadata: {name: a\n',
      "line 3: did not find expected ',' or '}'", 4, 1],
    ['an unclosed flow sequence', 'a: [1, 2\nb: c\n',
      "line 1: did not find expected ',' or ']'", 2, 1],
    ['a key without a colon', 'apiVersion: v1\nkind Pod\nmetadata:\n  name: a\n',
      "line 3: could not find expected ':'", 2, 1],
    ['a last key without a colon', 'a: b\nc\n',
      "line 3: could not find expected ':'", 2, 1],
    ['a sequence item less indented than its siblings', 'containers:\n- name: a\n  image: b\n - name: c\n',
      'line 3: did not find expected key', 4, 2],
    ['a sequence entry after a mapping', 'a: b\n- c\n',
      'line 1: did not find expected key', 2, 1],
    ['a mapping after a top-level sequence', '- a\nb: c\n',
      "line 1: did not find expected '-' indicator", 2, 1],
    ['an unknown escape', 'a: "\\q"\n',
      'found unknown escape character', 1, 5],
    ['a reserved indicator starting a scalar', 'a: b\nc: @x\n',
      'line 2: found character that cannot start any token', 2, 4],
    ['an alias without an anchor', 'a: *x\n',
      "unknown anchor 'x' referenced", 1, 4],
    ['a control character', 'a: b\u0007\n',
      'control characters are not allowed', 1, 5],
  ])('%s', (_name, text, message, line, column) => {
    expect(errors(parseManifests(text))).toEqual([{ message: YAML_TO_JSON + message, line, column, document: 0 }]);
  });

  it('counts lines from the document, as kubectl does, but reports absolute positions', () => {
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: x: y\n';
    expect(errors(parseManifests(text))).toEqual([
      { message: `${YAML_TO_JSON}line 4: mapping values are not allowed in this context`, line: 8, column: 10, document: 1 },
    ]);
  });

  it('reports every broken document', () => {
    const result = errors(parseManifests('a: [1\n---\nb: "x\n'));
    expect(result.map((e) => e.document)).toEqual([0, 1]);
  });

  it('reports duplicate keys as go-yaml unmarshal errors', () => {
    const text = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    image: b\n    image: c\n';
    expect(errors(parseManifests(text))).toEqual([{
      message: `${YAML_TO_JSON}unmarshal errors:\n  line 7: mapping key "image" already defined at line 6`,
      line: 7, column: 5, document: 0,
    }]);
  });

  it('rejects text after a document separator, like kubectl', () => {
    expect(errors(parseManifests('apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n--- x\n'))).toEqual([
      { message: 'error: invalid Yaml document separator: x', line: 4, column: 1, document: 1 },
    ]);
  });
});

describe('parseManifests: documents that name no type', () => {
  const SUFFIX = '; if you choose to ignore these errors, turn validation off with --validate=false';
  it.each([
    ['no apiVersion nor kind', 'metadata: {name: a}\n', '[apiVersion not set, kind not set]'],
    ['no kind', 'apiVersion: v1\nmetadata: {name: a}\n', 'kind not set'],
    ['no apiVersion', 'kind: Pod\n', 'apiVersion not set'],
    ['a kind that is not a string', 'apiVersion: v1\nkind: 5\n', "kind isn't string type"],
    ['a malformed apiVersion', 'apiVersion: a/b/c\nkind: Pod\n', 'unexpected GroupVersion string: a/b/c'],
    ['a scalar document', 'hello\n', 'invalid object to validate'],
    ['a sequence document', '- a\n- b\n', 'invalid object to validate'],
    ['a List item without kind', 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n', 'kind not set'],
    ['a List without items', 'apiVersion: v1\nkind: List\n', 'invalid object to validate'],
  ])('%s', (_name, text, detail) => {
    expect(errors(parseManifests(text))).toEqual([
      { message: `error: error validating data: ${detail}${SUFFIX}`, line: 1, column: 1, document: 0 },
    ]);
  });
});

const CORPUS = CORPUS_DIR;

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

describe.skipIf(!HAS_CORPUS)('parseManifests: the manifest corpus', () => {
  const index = existsSync(join(CORPUS, 'index.json'))
    ? (JSON.parse(readFileSync(join(CORPUS, 'index.json'), 'utf8')) as { path: string; kinds: string[]; list_item_kinds?: string[] }[])
    : [];
  const files = existsSync(CORPUS) ? yamlFiles(CORPUS) : [];

  it('holds files to read', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it.each(files.map((f) => [f.slice(CORPUS.length + 1)]))('%s parses into the listed kinds', (relative) => {
    const docs = documents(parseManifests(readFileSync(join(CORPUS, relative), 'utf8')));
    const entry = index.find((e) => e.path === relative);
    const kinds = entry?.kinds.flatMap((k) => (k === 'List' ? entry.list_item_kinds ?? [] : [k]));
    if (kinds) expect(docs.map((d) => d.object.kind)).toEqual(kinds);
    for (const doc of docs) expect(doc.positionOf('metadata').line).toBeGreaterThanOrEqual(doc.line);
  });
});
