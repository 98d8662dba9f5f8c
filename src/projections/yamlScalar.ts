/**
 * How go-yaml v2 (behind `kubectl get -o yaml`) writes one string: plain when it reads back as
 * the same string, single-quoted when plain would be misread, double-quoted when it would read
 * back as another type (`"1"`, `"true"`, `"2025-01-01T09:00:00Z"`), literal block when multi-line.
 * upstream: gopkg.in/yaml.v2 encode.go `stringv`, resolve.go, emitterc.go `yaml_emitter_analyze_scalar`.
 */

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal';

const RESOLVES_TO_OTHER = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL', '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF',
  '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF', '<<',
]);
const INT = /^[-+]?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|[0-9]+)$/;
const FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const TIMESTAMP = /^\d{4}-\d{1,2}-\d{1,2}([Tt]\d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?(Z|[+-]\d{2}:\d{2})| \d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?)?$/;
const BASE60 = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** Would go-yaml read this plain text back as something other than a string? */
export function resolvesToNonString(text: string): boolean {
  if (RESOLVES_TO_OTHER.has(text)) return true;
  if (!/^[-+0-9]/.test(text)) return false;
  const plain = text.replace(/_/g, '');
  return TIMESTAMP.test(text) || INT.test(plain) || FLOAT.test(plain) || BASE60.test(text);
}

const isBlank = (ch: string | undefined): boolean => ch === ' ' || ch === '\t';
const isBreak = (ch: string | undefined): boolean => ch === '\n' || ch === '\r';

function isPrintable(ch: string): boolean {
  const c = ch.codePointAt(0)!;
  return c === 0x0a || (c >= 0x20 && c <= 0x7e) || c === 0x85 || (c >= 0xa0 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff) || c >= 0x10000;
}

interface Analysis {
  plain: boolean;
  single: boolean;
  block: boolean;
}

/** upstream `yaml_emitter_analyze_scalar`, block context. */
function analyze(text: string): Analysis {
  const chars = Array.from(text);
  let indicators = text.startsWith('---') || text.startsWith('...');
  let special = false, spaceBreak = false, breakSpace = false, lineBreaks = false;
  let precededByWhitespace = true;
  chars.forEach((ch, i) => {
    const followedByWhitespace = i + 1 >= chars.length || isBlank(chars[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) indicators = true;
      else if ((ch === '?' || ch === ':' || ch === '-') && followedByWhitespace) indicators = true;
    } else if ((ch === ':' && followedByWhitespace) || (ch === '#' && precededByWhitespace)) {
      indicators = true;
    }
    if (!isPrintable(ch) || ch === '\ufeff') special = true;
    if (isBreak(ch)) lineBreaks = true;
    if (ch === ' ' && isBreak(chars[i + 1])) spaceBreak = true;
    if (isBreak(ch) && chars[i + 1] === ' ') breakSpace = true;
    precededByWhitespace = isBlank(ch) || isBreak(ch);
  });
  const first = chars[0], last = chars[chars.length - 1];
  const edgeSpace = first === ' ' || last === ' ' || isBreak(first) || isBreak(last);
  return {
    plain: !(indicators || special || spaceBreak || breakSpace || lineBreaks || edgeSpace),
    single: !(special || spaceBreak || breakSpace),
    block: !(special || spaceBreak || last === ' '),
  };
}

/** The style go-yaml picks for a string value (keys pass `key` = true: never a block scalar). */
export function scalarStyle(text: string, key = false): ScalarStyle {
  if (text.includes('\n')) {
    return !key && analyze(text).block ? 'literal' : 'double';
  }
  if (resolvesToNonString(text)) return 'double';
  const a = analyze(text);
  if (a.plain) return 'plain';
  return a.single ? 'single' : 'double';
}

const ESCAPES: Record<string, string> = {
  '\0': '\\0', '\x07': '\\a', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\v': '\\v', '\f': '\\f', '\r': '\\r',
  '\x1b': '\\e', '"': '\\"', '\\': '\\\\', '\x85': '\\N', '\xa0': '\\_', '\u2028': '\\L', '\u2029': '\\P',
};

export function doubleQuoted(text: string): string {
  let out = '"';
  for (const ch of text) {
    if (ESCAPES[ch]) out += ESCAPES[ch];
    else if (!isPrintable(ch) || ch === '\ufeff') {
      const c = ch.codePointAt(0)!;
      out += c <= 0xff ? `\\x${c.toString(16).toUpperCase().padStart(2, '0')}`
        : c <= 0xffff ? `\\u${c.toString(16).toUpperCase().padStart(4, '0')}` : `\\U${c.toString(16).toUpperCase().padStart(8, '0')}`;
    } else out += ch;
  }
  return `${out}"`;
}

/** The block scalar header: `|`, `|-`, `|+`, with `2` first when the text starts with a space or break. */
export function literalHeader(text: string): string {
  const indent = text.startsWith(' ') || isBreak(text[0]) ? '2' : '';
  const chomp = !text.endsWith('\n') ? '-' : text.length === 1 || isBreak(text[text.length - 2]) ? '+' : '';
  return `|${indent}${chomp}`;
}
