import type { YAMLError } from 'yaml';
import { expectationAt } from './expectation';
import type { LineIndex } from './lines';

/**
 * Rewords the `yaml` package's syntax errors as go-yaml v2 (libyaml) reports the same mistake,
 * since kubectl shows those: `yaml: line 7: mapping values are not allowed in this context`.
 * Where libyaml has no equivalent, the package's own description is kept.
 *
 * upstream (go-yaml v2 decode.go `parser.fail`): the line is the problem mark's 0-based line,
 * plus one for scanner errors only — so parser errors ("did not find expected key") name the
 * line *before* the offending token — and no line at all when that mark is on line 0.
 */

export interface Mark { line0: number; col0: number }

type ErrorKind = 'scanner' | 'parser';

export interface MappedError {
  /** `line N: <problem>` as go-yaml words it (after its `yaml: ` prefix). */
  message: string;
  /** Where an editor marker belongs (chunk-relative offset). */
  offset: number;
}

export function goYamlMessage(kind: ErrorKind, mark: Mark, problem: string): string {
  const line = mark.line0 === 0 ? 0 : kind === 'scanner' ? mark.line0 + 1 : mark.line0;
  return line === 0 ? problem : `line ${line}: ${problem}`;
}

/** Errors the `yaml` package reports as a consequence of another error on the same spot. */
const DERIVATIVE = [
  /^Implicit keys need to be on a single line/,
  /^Implicit map keys need to be followed by map values/,
  /^Unexpected .* token in YAML stream/,
];

export function mapYamlErrors(errors: readonly YAMLError[], index: LineIndex): MappedError[] {
  const out: MappedError[] = [];
  const seen = new Set<string>();
  for (const err of selectPrimary(errors, index)) {
    const mapped = mapOne(err, index);
    if (seen.has(mapped.message)) continue;
    seen.add(mapped.message);
    out.push(mapped);
  }
  return out;
}

function selectPrimary(errors: readonly YAMLError[], index: LineIndex): YAMLError[] {
  const quote = errors.findIndex((e) => /^Missing closing .quote/.test(e.message));
  // An unclosed quote swallows the rest of the document: nothing after it is meaningful.
  const list = quote >= 0 ? errors.slice(0, quote + 1) : [...errors];
  const isDerivative = (e: YAMLError): boolean => DERIVATIVE.some((re) => re.test(e.message));
  return list.filter((e) => {
    if (!isDerivative(e)) return true;
    const line = index.at(e.pos[0]).line0;
    return !list.some((f) => f !== e && !isDerivative(f) &&
      (index.at(f.pos[0]).line0 === line || (f.pos[0] >= e.pos[0] && f.pos[0] <= e.pos[1])));
  });
}

function mapOne(err: YAMLError, index: LineIndex): MappedError {
  const at = err.pos[0];
  const mark = index.at(at);
  const m = err.message;
  const parser = (problem: string): MappedError =>
    ({ message: goYamlMessage('parser', mark, problem), offset: at });
  const scanner = (problem: string, where: Mark = mark, offset = at): MappedError =>
    ({ message: goYamlMessage('scanner', where, problem), offset });

  if (/^Nested mappings are not allowed in compact mappings/.test(m)) {
    const colon = findValueIndicator(index.text, at);
    return scanner('mapping values are not allowed in this context', index.at(colon), colon);
  }
  if (/^Implicit keys need to be on a single line/.test(m) || /^Implicit map keys need to be followed by map values/.test(m)) {
    // libyaml notices the missing ':' at the first token on a later line than the key.
    return scanner("could not find expected ':'", index.at(nextTokenAfterLine(index, at)));
  }
  if (/^(All mapping items|All sequence items) must start at the same column/.test(m) ||
      /^A block sequence may not be used as an implicit map key/.test(m) ||
      /^Unexpected /.test(m)) {
    return parser(expectationAt(index.lines, mark.line0, mark.col0));
  }
  if (/^Flow map .*must .*end with a \}|^Flow map must end with a \}/.test(m)) return parser("did not find expected ',' or '}'");
  if (/^Flow sequence .*must .*end with a \]|^Flow sequence must end with a \]/.test(m)) return parser("did not find expected ',' or ']'");
  if (/^Missing closing .quote/.test(m)) {
    // The scalar runs to the end of the document: libyaml reports the end of the stream.
    return scanner('found unexpected end of stream', index.at(index.text.length));
  }
  if (err.code === 'TAB_AS_INDENT' || err.code === 'BAD_SCALAR_START') {
    return scanner('found character that cannot start any token');
  }
  if (err.code === 'BAD_DQ_ESCAPE') return scanner('found unknown escape character');
  return scanner(m);
}

/** The `:` (followed by a blank or the end of line) that libyaml rejects, at or after `from`. */
function findValueIndicator(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === ':' && (i + 1 === text.length || /\s/.test(text[i + 1]))) return i;
  }
  return from;
}

/** Offset of the first non-blank, non-comment character on a line after the one holding `from`. */
function nextTokenAfterLine(index: LineIndex, from: number): number {
  const { line0 } = index.at(from);
  for (let l = line0 + 1; l < index.lines.length; l++) {
    const content = index.lines[l].search(/\S/);
    if (content >= 0 && index.lines[l][content] !== '#') return index.offsetOf(l, content);
  }
  return index.text.length;
}
