/**
 * What libyaml's parser was waiting for when a token arrived at (line0, col0) that does not fit
 * the block structure. libyaml first closes every block collection indented deeper than the token
 * (upstream: yaml_parser_unroll_indent), then the innermost collection still open decides the
 * message: a mapping wanted a key, a sequence a `-`. An indentless sequence (`key:\n- a`) is
 * closed by any non-`-` token, so its mapping is the one that complains.
 */

interface OpenCollection { type: 'map' | 'seq'; indent: number }

const KEY = /^(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"[\]{},][^#]*?)\s*:(?:\s|$)/;

export function expectationAt(lines: readonly string[], line0: number, col0: number): string {
  for (let i = line0; i >= 0; i--) {
    const line = lines[i] ?? '';
    const first = line.search(/\S/);
    if (first < 0 || line[first] === '#') continue;
    if (i === line0 ? first >= col0 : first > col0) continue;
    const open = collectionsOn(line, first).filter((c) => (i === line0 ? c.indent < col0 : c.indent <= col0));
    const innermost = open[open.length - 1];
    if (!innermost) continue;
    if (innermost.type === 'map') return 'did not find expected key';
    if (innermost.indent === first && isIndentless(lines, i, first)) return 'did not find expected key';
    return "did not find expected '-' indicator";
  }
  return 'did not find expected <document start>';
}

/** Block collections that a line opens or continues: `- - key: v` gives seq, seq, map. */
function collectionsOn(line: string, first: number): OpenCollection[] {
  const out: OpenCollection[] = [];
  let p = first;
  while (line[p] === '-' && (p + 1 === line.length || line[p + 1] === ' ')) {
    out.push({ type: 'seq', indent: p });
    p += 1;
    while (line[p] === ' ') p++;
  }
  if (p < line.length && KEY.test(line.slice(p))) out.push({ type: 'map', indent: p });
  return out;
}

/** A sequence whose `-` sits in the same column as the key owning it. */
function isIndentless(lines: readonly string[], seqLine: number, indent: number): boolean {
  for (let i = seqLine - 1; i >= 0; i--) {
    const line = lines[i];
    const first = line.search(/\S/);
    if (first < 0 || line[first] === '#') continue;
    if (first > indent || (first === indent && line[first] === '-')) continue;
    if (first < indent) return false;
    return line[first] !== '-' && KEY.test(line.slice(first));
  }
  return false;
}
