/**
 * Tokenizer for the POSIX sh / bash subset container commands use. Words keep their raw text
 * (quotes, `$(…)`, `${…}`, backticks) for the expander; operators, redirections and here-documents
 * become their own tokens.
 */

export type Token =
  | { kind: 'word'; raw: string; line: number }
  | { kind: 'op'; op: string; line: number }
  | { kind: 'newline'; line: number }
  | { kind: 'redir'; op: string; fd?: number; line: number; heredoc?: { body: string; expand: boolean } }
  | { kind: 'arith'; expr: string; line: number }
  | { kind: 'eof'; line: number };

/** A parse error at `token` (`end of file` at the end) on `line`. */
export class ShellSyntaxError extends Error {
  constructor(message: string, readonly token = 'end of file', readonly line = 1) { super(message); }
}

const META = new Set([' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>']);

/** Index just past the `close` that matches the opener before `start`, skipping quotes and nesting. */
export function matchClose(s: string, start: number, open: string, close: string): number {
  let depth = 1;
  for (let i = start; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') { i++; continue; }
    if (c === "'" && open !== '{') { const j = s.indexOf("'", i + 1); if (j < 0) break; i = j; continue; }
    if (c === '"') { i = skipDouble(s, i + 1) - 1; continue; }
    if (c === '`') { const j = s.indexOf('`', i + 1); if (j < 0) break; i = j; continue; }
    if (c === open) depth++;
    else if (c === close && --depth === 0) return i + 1;
  }
  throw new ShellSyntaxError(`unexpected EOF while looking for matching \`${close}'`);
}

/** Index just past the closing `"` of a double-quoted string whose body starts at `start`. */
export function skipDouble(s: string, start: number): number {
  for (let i = start; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') { i++; continue; }
    if (c === '"') return i + 1;
    if (c === '$' && s[i + 1] === '(') { i = matchClose(s, i + 2, '(', ')') - 1; continue; }
    if (c === '$' && s[i + 1] === '{') { i = matchClose(s, i + 2, '{', '}') - 1; continue; }
    if (c === '`') { const j = s.indexOf('`', i + 1); if (j < 0) break; i = j; }
  }
  throw new ShellSyntaxError('unexpected EOF while looking for matching `"\'');
}

export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  const pendingHeredocs: { tok: Extract<Token, { kind: 'redir' }>; delim: string; strip: boolean }[] = [];
  let i = 0;
  let line = 1;
  let inDouble = false; // inside [[ … ]]
  let regexNext = false; // the word after =~ inside [[ … ]]

  while (i < src.length) {
    const c = src[i];
    if (c === '\\' && src[i + 1] === '\n') { i += 2; line++; continue; }
    if (c === ' ' || c === '\t' || c === '\r') { i++; continue; }
    if (c === '#') { while (i < src.length && src[i] !== '\n') i++; continue; }
    if (c === '\n') {
      out.push({ kind: 'newline', line });
      i++; line++;
      for (const h of pendingHeredocs.splice(0)) {
        const lines: string[] = [];
        while (i < src.length) {
          const end = src.indexOf('\n', i);
          let ln = src.slice(i, end < 0 ? src.length : end);
          i = end < 0 ? src.length : end + 1; line++;
          if (h.strip) ln = ln.replace(/^\t+/, '');
          if (ln === h.delim) break;
          lines.push(ln);
        }
        h.tok.heredoc = { body: lines.map((l) => `${l}\n`).join(''), expand: h.tok.heredoc?.expand ?? true };
      }
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '((' && !inDouble) {
      const end = matchClose(src, i + 2, '(', ')');
      if (src[end] === ')') { out.push({ kind: 'arith', expr: src.slice(i + 2, end - 1), line }); i = end + 1; continue; }
    }
    if (inDouble && (c === '<' || c === '>')) { out.push({ kind: 'word', raw: c, line }); i++; continue; }
    const redir = /^(\d?)(&>>|&>|>>|>&|<&|<<<|<<-|<<|>\||<>|>|<)/.exec(src.slice(i, i + 4));
    if (redir) {
      const tok: Extract<Token, { kind: 'redir' }> = { kind: 'redir', op: redir[2], fd: redir[1] ? Number(redir[1]) : undefined, line };
      out.push(tok);
      i += redir[0].length;
      if (tok.op === '<<' || tok.op === '<<-') {
        while (src[i] === ' ' || src[i] === '\t') i++;
        const start = i;
        while (i < src.length && !META.has(src[i])) i++;
        const rawDelim = src.slice(start, i);
        const delim = rawDelim.replace(/['"\\]/g, '');
        tok.heredoc = { body: '', expand: delim === rawDelim };
        pendingHeredocs.push({ tok, delim, strip: tok.op === '<<-' });
      }
      continue;
    }
    if (['&&', '||', ';;', '|&'].includes(two)) { out.push({ kind: 'op', op: two, line }); i += 2; continue; }
    if (c === ';' || c === '&' || c === '|' || c === '(' || c === ')') { out.push({ kind: 'op', op: c, line }); i++; continue; }

    const start = i;
    if (regexNext) {
      let depth = 0;
      while (i < src.length && !(depth === 0 && (src[i] === ' ' || src[i] === '\t' || src[i] === '\n'))) {
        if (src[i] === '\\') i++;
        else if (src[i] === '(') depth++;
        else if (src[i] === ')') depth--;
        i++;
      }
      regexNext = false;
    } else {
      i = readWord(src, i);
    }
    const raw = src.slice(start, i);
    out.push({ kind: 'word', raw, line });
    line += (raw.match(/\n/g) ?? []).length;
    if (raw === '[[' && prevWordIsCommandStart(out)) inDouble = true;
    else if (raw === ']]') inDouble = false;
    else if (inDouble && raw === '=~') regexNext = true;
  }
  out.push({ kind: 'eof', line });
  return out;
}

function prevWordIsCommandStart(out: Token[]): boolean {
  const prev = out[out.length - 2];
  return !prev || prev.kind !== 'word' || ['then', 'do', 'else', '!', '{', 'if', 'while', 'until', 'elif'].includes(prev.raw);
}

/** Reads one word from `i`: quotes and substitutions are kept whole; `name=(…)` keeps its array. */
function readWord(src: string, i: number): number {
  while (i < src.length && !META.has(src[i])) {
    const c = src[i];
    if (c === '\\') { i += 2; continue; }
    if (c === "'") { const j = src.indexOf("'", i + 1); if (j < 0) throw new ShellSyntaxError("unexpected EOF while looking for matching `''"); i = j + 1; continue; }
    if (c === '"') { i = skipDouble(src, i + 1); continue; }
    if (c === '`') { const j = src.indexOf('`', i + 1); if (j < 0) throw new ShellSyntaxError('unexpected EOF while looking for matching ``\''); i = j + 1; continue; }
    if (c === '$' && src[i + 1] === '(') { i = matchClose(src, i + 2, '(', ')'); continue; }
    if (c === '$' && src[i + 1] === '{') { i = matchClose(src, i + 2, '{', '}'); continue; }
    if (c === '=' && src[i + 1] === '(') { i = matchClose(src, i + 2, '(', ')'); continue; }
    i++;
  }
  return i;
}
