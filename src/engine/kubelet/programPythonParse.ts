/** Python source → statements with their indented blocks, and expression tokens (for programPython.ts). */

export class PyError extends Error { constructor(readonly type: string, msg: string, readonly line = 0) { super(msg); } }

export type Stmt = { line: number; text: string; body?: Stmt[] };

export function parseBlocks(src: string): Stmt[] {
  const raw = src.replace(/\\\n/g, ' ').split('\n');
  const logical: { indent: number; text: string; line: number }[] = [];
  for (let i = 0; i < raw.length; i++) {
    let text = raw[i];
    const line = i + 1;
    while (depth(text) > 0 && i + 1 < raw.length) text += ` ${raw[++i].trim()}`;
    const stripped = stripComment(text);
    if (!stripped.trim()) continue;
    logical.push({ indent: stripped.length - stripped.trimStart().length, text: stripped.trim(), line });
  }
  let pos = 0;
  const parse = (indent: number): Stmt[] => {
    const out: Stmt[] = [];
    while (pos < logical.length && logical[pos].indent >= indent) {
      const l = logical[pos];
      if (l.indent > indent) throw new PyError('IndentationError', 'unexpected indent', l.line);
      pos++;
      const colon = /^(if|elif|else|while|for|def|try|except|finally|with)\b.*:\s*(.*)$/.exec(l.text);
      if (colon && !l.text.endsWith(':') && colon[2]) {
        const head = l.text.slice(0, l.text.length - colon[2].length).trim();
        out.push({ line: l.line, text: head, body: colon[2].split(/;\s*/).map((t) => ({ line: l.line, text: t })) });
      } else if (l.text.endsWith(':')) {
        const next = logical[pos];
        if (!next || next.indent <= indent) throw new PyError('IndentationError', 'expected an indented block', l.line);
        out.push({ line: l.line, text: l.text, body: parse(next.indent) });
      } else out.push(...l.text.split(/;\s*(?=(?:[^'"]|'[^']*'|"[^"]*")*$)/).map((t) => ({ line: l.line, text: t })));
    }
    return out;
  };
  return parse(logical[0]?.indent ?? 0);
}

function depth(s: string): number {
  let d = 0;
  let q = '';
  for (const c of s) {
    if (q) { if (c === q) q = ''; continue; }
    if (c === '"' || c === "'") q = c; else if ('([{'.includes(c)) d++; else if (')]}'.includes(c)) d--; else if (c === '#') break;
  }
  return d;
}

function stripComment(s: string): string {
  let q = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) { if (c === '\\') i++; else if (c === q) q = ''; continue; }
    if (c === '"' || c === "'") q = c; else if (c === '#') return s.slice(0, i);
  }
  return s;
}

const TOKEN = /\s*(?:(\d+\.\d*|\.\d+|\d+)|([rfbRFB]{0,2}(?:"[^"\\]*(?:\\.[^"\\]*)*"|'[^'\\]*(?:\\.[^'\\]*)*'))|([A-Za-z_][A-Za-z0-9_]*)|(\*\*|\/\/|==|!=|<=|>=|->|[-+*/%<>()[\]{},.:=]))/y;

export function tokenize(s: string, line: number): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < s.length) {
    if (!s.slice(pos).trim()) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(s);
    if (!m) throw new PyError('SyntaxError', 'invalid syntax', line);
    out.push(m[0].trim());
    pos = TOKEN.lastIndex;
  }
  return out;
}

