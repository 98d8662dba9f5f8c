/**
 * Recursive-descent parser for the shell subset: lists, and-or chains, pipelines, simple commands
 * with assignments and redirections, `{ }`, `( )`, if/while/until/for/case, functions, `[[ ]]`, `(( ))`.
 */
import { ShellSyntaxError, tokenize, type Token } from './programLexer';

export interface Redir { op: string; fd?: number; target: string; heredoc?: { body: string; expand: boolean } }
export interface Assign { name: string; value?: string; array?: string[]; append: boolean }

export type Node =
  | { type: 'simple'; assigns: Assign[]; words: string[]; redirs: Redir[]; line: number }
  | { type: 'pipeline'; negate: boolean; cmds: Node[] }
  | { type: 'andor'; op: '&&' | '||'; left: Node; right: Node }
  | { type: 'list'; items: { node: Node; background: boolean }[] }
  | { type: 'subshell'; body: Node; redirs: Redir[] }
  | { type: 'group'; body: Node; redirs: Redir[] }
  | { type: 'if'; clauses: { cond: Node; body: Node }[]; otherwise?: Node; redirs: Redir[] }
  | { type: 'loop'; until: boolean; cond: Node; body: Node; redirs: Redir[] }
  | { type: 'for'; name: string; items?: string[]; body: Node; redirs: Redir[] }
  | { type: 'cfor'; init: string; cond: string; step: string; body: Node; redirs: Redir[] }
  | { type: 'case'; word: string; arms: { patterns: string[]; body?: Node }[]; redirs: Redir[] }
  | { type: 'func'; name: string; body: Node }
  | { type: 'dbracket'; words: string[]; line: number }
  | { type: 'arith'; expr: string; line: number };

const STOP = new Set(['then', 'do', 'done', 'fi', 'else', 'elif', 'esac', '}', ')', ';;']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function parseScript(src: string): Node {
  return new Parser(tokenize(src)).program();
}

class Parser {
  private pos = 0;
  constructor(private readonly toks: Token[]) {}

  program(): Node {
    const list = this.list();
    const t = this.peek();
    if (t.kind !== 'eof') throw unexpected(t);
    return list;
  }

  private peek(): Token { return this.toks[this.pos]; }
  private next(): Token { return this.toks[this.pos++]; }
  private isWord(w: string): boolean { const t = this.peek(); return t.kind === 'word' && t.raw === w; }
  private isOp(op: string): boolean { const t = this.peek(); return t.kind === 'op' && t.op === op; }
  private skipNewlines(): void { while (this.peek().kind === 'newline') this.pos++; }
  private expectWord(w: string): void {
    this.skipNewlines();
    if (!this.isWord(w)) throw unexpected(this.peek());
    this.pos++;
  }

  private atStop(): boolean {
    const t = this.peek();
    return t.kind === 'eof' || (t.kind === 'word' && STOP.has(t.raw)) || (t.kind === 'op' && (t.op === ')' || t.op === ';;'));
  }

  list(): Node {
    const items: { node: Node; background: boolean }[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.atStop()) break;
      const node = this.andOr();
      let background = false;
      if (this.isOp('&')) { this.pos++; background = true; } else if (this.isOp(';')) this.pos++;
      else if (this.peek().kind !== 'newline' && !this.atStop()) throw unexpected(this.peek());
      items.push({ node, background });
    }
    return { type: 'list', items };
  }

  private andOr(): Node {
    let left = this.pipeline();
    while (this.isOp('&&') || this.isOp('||')) {
      const op = (this.next() as { op: '&&' | '||' }).op;
      this.skipNewlines();
      left = { type: 'andor', op, left, right: this.pipeline() };
    }
    return left;
  }

  private pipeline(): Node {
    let negate = false;
    while (this.isWord('!')) { this.pos++; negate = !negate; }
    const cmds = [this.command()];
    while (this.isOp('|') || this.isOp('|&')) { this.pos++; this.skipNewlines(); cmds.push(this.command()); }
    return cmds.length === 1 && !negate ? cmds[0] : { type: 'pipeline', negate, cmds };
  }

  private command(): Node {
    const t = this.peek();
    if (t.kind === 'arith') { this.pos++; return { type: 'arith', expr: t.expr, line: t.line }; }
    if (t.kind === 'op' && t.op === '(') { this.pos++; const body = this.list(); this.expectOp(')'); return { type: 'subshell', body, redirs: this.redirs() }; }
    if (t.kind !== 'word') {
      if (t.kind === 'redir') return this.simple();
      throw unexpected(t);
    }
    switch (t.raw) {
      case '{': { this.pos++; const body = this.list(); this.expectWord('}'); return { type: 'group', body, redirs: this.redirs() }; }
      case 'if': return this.ifClause();
      case 'while': case 'until': return this.loop(t.raw === 'until');
      case 'for': return this.forClause();
      case 'case': return this.caseClause();
      case 'function': { this.pos++; const nt = this.next(); if (nt.kind !== 'word') throw unexpected(nt); const name = nt.raw; if (this.isOp('(')) { this.pos++; this.expectOp(')'); } this.skipNewlines(); return { type: 'func', name, body: this.command() }; }
      case '[[': return this.dbracket();
    }
    const after = this.toks[this.pos + 1];
    const after2 = this.toks[this.pos + 2];
    if (NAME.test(t.raw) && after?.kind === 'op' && after.op === '(' && after2?.kind === 'op' && after2.op === ')') {
      this.pos += 3; this.skipNewlines();
      return { type: 'func', name: t.raw, body: this.command() };
    }
    return this.simple();
  }

  private expectOp(op: string): void {
    this.skipNewlines();
    if (!this.isOp(op)) throw unexpected(this.peek());
    this.pos++;
  }

  private redirs(): Redir[] {
    const out: Redir[] = [];
    while (this.peek().kind === 'redir') out.push(this.redir());
    return out;
  }

  private redir(): Redir {
    const r = this.next() as Extract<Token, { kind: 'redir' }>;
    if (r.heredoc) return { op: r.op, fd: r.fd, target: '', heredoc: r.heredoc };
    const target = this.next();
    if (target.kind !== 'word') throw unexpected(target);
    return { op: r.op, fd: r.fd, target: target.raw };
  }

  private simple(): Node {
    const line = this.peek().line;
    const assigns: Assign[] = [];
    const words: string[] = [];
    const redirs: Redir[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind === 'redir') { redirs.push(this.redir()); continue; }
      if (t.kind !== 'word') break;
      if (words.length === 0) {
        const a = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=([\s\S]*)$/.exec(t.raw);
        if (a) {
          this.pos++;
          const value = a[3];
          if (value.startsWith('(') && value.endsWith(')')) {
            assigns.push({ name: a[1], append: a[2] === '+', array: tokenize(value.slice(1, -1)).filter((x) => x.kind === 'word').map((x) => (x as { raw: string }).raw) });
          } else assigns.push({ name: a[1], value, append: a[2] === '+' });
          continue;
        }
      }
      words.push(t.raw);
      this.pos++;
    }
    if (words.length === 0 && assigns.length === 0 && redirs.length === 0) {
      throw unexpected(this.peek());
    }
    return { type: 'simple', assigns, words, redirs, line };
  }

  private ifClause(): Node {
    this.pos++;
    const clauses: { cond: Node; body: Node }[] = [];
    let otherwise: Node | undefined;
    for (;;) {
      const cond = this.list();
      this.expectWord('then');
      clauses.push({ cond, body: this.list() });
      this.skipNewlines();
      if (this.isWord('elif')) { this.pos++; continue; }
      if (this.isWord('else')) { this.pos++; otherwise = this.list(); }
      this.expectWord('fi');
      return { type: 'if', clauses, otherwise, redirs: this.redirs() };
    }
  }

  private loop(until: boolean): Node {
    this.pos++;
    const cond = this.list();
    this.expectWord('do');
    const body = this.list();
    this.expectWord('done');
    return { type: 'loop', until, cond, body, redirs: this.redirs() };
  }

  private forClause(): Node {
    this.pos++;
    const nameTok = this.next();
    if (nameTok.kind === 'arith') {
      const [init = '', cond = '', step = ''] = nameTok.expr.split(';');
      this.skipNewlines();
      if (this.isOp(';')) this.pos++;
      this.expectWord('do');
      const body = this.list();
      this.expectWord('done');
      return { type: 'cfor', init, cond, step, body, redirs: this.redirs() };
    }
    if (nameTok.kind !== 'word') throw unexpected(nameTok);
    const name = nameTok.raw;
    this.skipNewlines();
    let items: string[] | undefined;
    if (this.isWord('in')) {
      this.pos++;
      items = [];
      while (this.peek().kind === 'word' && !this.isWord('do')) items.push((this.next() as { raw: string }).raw);
    }
    if (this.isOp(';')) this.pos++;
    this.expectWord('do');
    const body = this.list();
    this.expectWord('done');
    return { type: 'for', name, items, body, redirs: this.redirs() };
  }

  private caseClause(): Node {
    this.pos++;
    const wordTok = this.next();
    if (wordTok.kind !== 'word') throw unexpected(wordTok);
    const word = wordTok.raw;
    this.expectWord('in');
    const arms: { patterns: string[]; body?: Node }[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.isWord('esac')) { this.pos++; break; }
      if (this.isOp('(')) this.pos++;
      const patterns: string[] = [];
      for (;;) {
        const p = this.next();
        if (p.kind !== 'word') throw unexpected(p);
        patterns.push(p.raw);
        if (this.isOp('|')) { this.pos++; continue; }
        this.expectOp(')');
        break;
      }
      const body = this.list();
      arms.push({ patterns, body });
      this.skipNewlines();
      if (this.isOp(';;')) this.pos++;
    }
    return { type: 'case', word, arms, redirs: this.redirs() };
  }

  private dbracket(): Node {
    const line = this.next().line;
    const words: string[] = [];
    for (;;) {
      const t = this.next();
      if (t.kind === 'eof') throw new ShellSyntaxError("unexpected EOF while looking for `]]'");
      if (t.kind === 'word' && t.raw === ']]') break;
      words.push(t.kind === 'word' ? t.raw : t.kind === 'op' ? t.op : t.kind === 'redir' ? t.op : '');
    }
    return { type: 'dbracket', words, line };
  }
}

function unexpected(t: Token): ShellSyntaxError {
  return new ShellSyntaxError(`syntax error near unexpected token \`${text(t)}'`, text(t), t.line);
}

function text(t: Token): string {
  switch (t.kind) {
    case 'word': return t.raw;
    case 'op': case 'redir': return t.op;
    case 'newline': return 'newline';
    case 'arith': return `((${t.expr}))`;
    case 'eof': return 'end of file';
  }
}
