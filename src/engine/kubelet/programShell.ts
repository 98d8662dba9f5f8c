/**
 * The shell: busybox ash, dash and bash running a script on the virtual clock. Control flow,
 * redirections, background jobs and `wait`, `set -e/-x/-u`, traps and `exec`. Builtins are in
 * programBuiltins.ts; everything else is a process (programProcess.ts).
 */
import { evalArith, ArithError, type ArithVars } from './programArith';
import { BUILTINS } from './programBuiltins';
import { parseScript, type Node, type Redir } from './programParser';
import { absPath, execArgv, Thread, type ProcContext, type ProcResult } from './programProcess';
import { applyRedirs } from './programShellRedirect';
import { evalDoubleBracket } from './programTest';
import { expandFields, expandPattern, expandSingle, expandText, globToRegExp, type ExpandHost } from './programWords';
import { CaptureSink, ExecReplaced, ExitSignal, ForeverSignal, type IO } from './programWorld';

export type Flavour = 'ash' | 'dash' | 'bash';

const parsed = new Map<string, Node>();
/** Scripts repeat (a loop's `$(date)`), so parses are cached; the AST is never mutated. */
export function parseCached(src: string): Node {
  let node = parsed.get(src);
  if (!node) {
    node = parseScript(src);
    if (parsed.size > 500) parsed.clear();
    parsed.set(src, node);
  }
  return node;
}

export class ControlSignal { constructor(readonly kind: 'break' | 'continue' | 'return', readonly n: number) {} }

interface Job { end: number; status: number; forever: boolean }

export class Shell implements ExpandHost {
  vars = new Map<string, string | string[]>();
  exported = new Set<string>();
  funcs = new Map<string, Node>();
  opts = { errexit: false, xtrace: false, nounset: false, pipefail: false };
  traps = new Map<string, string>();
  jobs: Job[] = [];
  status = 0;
  line = 1;
  lastBg = 0;
  suppress = 0;
  maxBlock = 0;
  /** Nesting of function calls. */
  calls = 0;
  /** Nesting of command substitutions, for xtrace's `++` prefix. */
  depth = 0;
  nounset = false;

  constructor(public ctx: ProcContext, public name: string, public positional: string[], readonly flavour: Flavour, public io: IO) {
    this.t = ctx.t;
    this.dir = ctx.cwd;
    for (const [k, v] of Object.entries(ctx.env)) { this.vars.set(k, v); this.exported.add(k); }
    this.vars.set('PWD', ctx.cwd);
    this.vars.set('IFS', ' \t\n');
  }

  /** This shell's clock and working directory (ctx keeps the values it was started with). */
  t: number;
  private dir: string;
  get cwd(): string { return this.dir; }
  set cwd(v: string) { this.dir = v; this.vars.set('PWD', v); }

  /** A subshell: a copy of the variables, functions and options sharing the clock from here on. */
  clone(io: IO = this.io, thread?: Thread): Shell {
    const s = new Shell({ ...this.ctx, env: {}, t: this.t, cwd: this.cwd, thread: thread ?? this.ctx.thread }, this.name, [...this.positional], this.flavour, io);
    s.vars = new Map(this.vars); s.exported = new Set(this.exported); s.funcs = new Map(this.funcs);
    s.opts = { ...this.opts }; s.traps = new Map(this.traps); s.status = this.status; s.line = this.line; s.nounset = this.nounset;
    return s;
  }

  // ---- ExpandHost
  getVar(name: string): string | undefined {
    if (name === 'RANDOM') return String((this.t * 7919 + this.ctx.thread.steps * 104729) % 32768);
    if (name === 'SECONDS') return String(Math.floor(this.t / 1000));
    if (name === 'LINENO') return String(this.line);
    const v = this.vars.get(name);
    return Array.isArray(v) ? v[0] : v;
  }
  getArray(name: string): string[] | undefined { const v = this.vars.get(name); return Array.isArray(v) ? v : undefined; }
  setVar(name: string, value: string | string[]): void { this.vars.set(name, value); }
  special(name: string): string | string[] | undefined {
    switch (name) {
      case '?': return String(this.status);
      case '$': return '1';
      case '!': return this.lastBg ? String(this.lastBg) : '';
      case '#': return String(this.positional.length);
      case '-': return `${this.opts.errexit ? 'e' : ''}${this.opts.xtrace ? 'x' : ''}${this.opts.nounset ? 'u' : ''}`;
      case '@': case '*': return this.positional;
      case '0': return this.name;
    }
    return this.positional[Number(name) - 1];
  }
  commandSubst(script: string): string {
    const cap = new CaptureSink();
    const sub = this.clone({ ...this.io, stdout: cap });
    sub.depth = this.depth + 1;
    try { sub.run(parseCached(script)); } catch (e) { if (!(e instanceof ExitSignal)) throw e; sub.status = e.code; }
    this.t = sub.t;
    this.status = sub.status;
    return cap.text;
  }
  arith(expr: string): number {
    const vars: ArithVars = { get: (n) => this.getVar(n), set: (n, v) => this.vars.set(n, v) };
    try { return evalArith(expr, vars); } catch (e) { if (e instanceof ArithError) this.fail(`arithmetic syntax error`); throw e; }
  }
  glob(pattern: string): string[] {
    const abs = pattern.startsWith('/');
    const dir = pattern.includes('/') ? pattern.slice(0, pattern.lastIndexOf('/')) || '/' : '.';
    const leaf = pattern.slice(pattern.lastIndexOf('/') + 1);
    if (/[*?[]/.test(dir)) return [];
    const re = globToRegExp(leaf);
    const names = this.ctx.world.list(absPath(dir, this.cwd), this.t).filter((n) => re.test(n) && (!n.startsWith('.') || leaf.startsWith('.')));
    return names.map((n) => (dir === '.' && !abs ? n : `${dir === '/' ? '' : dir}/${n}`));
  }
  readFile(path: string): string { return this.ctx.world.stat(absPath(path, this.cwd), this.t).content; }
  fail(message: string): never {
    this.io.stderr.write(`${this.prefix()}${message}\n`, this.t);
    throw new ExitSignal(this.flavour === 'dash' ? 2 : 1);
  }

  /** `sh: ` / `sh: 3: ` / `bash: line 3: ` as each shell prefixes its diagnostics. */
  prefix(): string {
    if (this.flavour === 'dash') return `${this.name}: ${this.line}: `;
    if (this.flavour === 'bash') return `${this.name}: line ${this.line}: `;
    return `${this.name}: `;
  }

  env(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const k of this.exported) { const v = this.getVar(k); if (v !== undefined) out[k] = v; }
    return out;
  }

  // ---- execution
  run(node: Node): number {
    this.status = this.exec(node);
    return this.status;
  }

  private exec(node: Node): number {
    switch (node.type) {
      case 'list': {
        let st = this.status;
        for (const item of node.items) {
          if (item.background) { this.background(item.node); st = 0; } else st = this.run(item.node);
        }
        return st;
      }
      case 'andor': {
        const left = this.quiet(() => this.run(node.left));
        if ((node.op === '&&') === (left === 0)) return this.run(node.right);
        return left;
      }
      case 'pipeline': return this.pipeline(node.cmds, node.negate);
      case 'simple': return this.simple(node);
      case 'subshell': return this.withRedirs(node.redirs, () => {
        const sub = this.clone();
        try { sub.run(node.body); } catch (e) { if (!(e instanceof ExitSignal)) throw e; sub.status = e.code; }
        this.t = sub.t;
        return this.checkErr(sub.status);
      });
      case 'group': return this.withRedirs(node.redirs, () => this.run(node.body));
      case 'if': return this.withRedirs(node.redirs, () => {
        for (const c of node.clauses) if (this.quiet(() => this.run(c.cond)) === 0) return this.run(c.body);
        return node.otherwise ? this.run(node.otherwise) : 0;
      });
      case 'loop': return this.withRedirs(node.redirs, () => this.loop(node.cond, node.body, node.until));
      case 'for': return this.withRedirs(node.redirs, () => {
        const items = node.items ? node.items.flatMap((w) => expandFields(w, this)) : this.positional;
        let st = 0;
        for (const it of items) {
          this.vars.set(node.name, it);
          const r = this.loopBody(node.body);
          st = r.status;
          if (r.stop) break;
        }
        return st;
      });
      case 'cfor': return this.withRedirs(node.redirs, () => {
        if (this.flavour !== 'bash') this.bashOnly(this.flavour === 'dash' ? 'Syntax error: Bad for loop variable' : 'syntax error: bad for loop variable');
        let st = 0;
        for (this.arith(expandText(node.init, this)); node.cond.trim() === '' || this.arith(expandText(node.cond, this)) !== 0; this.arith(expandText(node.step, this))) {
          this.ctx.thread.tick(this.t);
          const r = this.loopBody(node.body);
          st = r.status;
          if (r.stop) break;
        }
        return st;
      });
      case 'case': return this.withRedirs(node.redirs, () => {
        const word = expandSingle(node.word, this);
        for (const arm of node.arms) {
          if (arm.patterns.some((p) => globToRegExp(expandPattern(p, this)).test(word))) return arm.body ? this.run(arm.body) : 0;
        }
        return 0;
      });
      case 'func': this.funcs.set(node.name, node.body); return 0;
      case 'dbracket': {
        this.line = node.line;
        // upstream: dash (Debian's /bin/sh) has no [[ … ]]; busybox ash has it.
        if (this.flavour === 'dash') return this.checkErr(this.notFound('[['));
        if (this.opts.xtrace) this.trace(['[[', ...node.words.map((w) => (/^(==?|!=|=~|&&|\|\||!|\(|\)|-\w+)$/.test(w) ? w : expandSingle(w, this))), ']]'], false);
        return this.checkErr(evalDoubleBracket(node.words, this));
      }
      case 'arith': this.line = node.line; return this.checkErr(this.arith(expandText(node.expr, this)) !== 0 ? 0 : 1);
    }
  }

  /** Runs f as a condition: `set -e` does not apply inside it. */
  quiet<T>(f: () => T): T {
    this.suppress++;
    try { return f(); } finally { this.suppress--; }
  }

  checkErr(status: number): number {
    if (status !== 0 && this.opts.errexit && this.suppress === 0) throw new ExitSignal(status);
    return status;
  }

  private loop(cond: Node, body: Node, until: boolean): number {
    let st = 0;
    for (;;) {
      this.ctx.thread.tick(this.t);
      if ((this.quiet(() => this.run(cond)) === 0) === until) break;
      const r = this.loopBody(body);
      st = r.status;
      if (r.stop) break;
    }
    return st;
  }

  private loopBody(body: Node): { status: number; stop: boolean } {
    try { return { status: this.run(body), stop: false }; } catch (e) {
      if (!(e instanceof ControlSignal) || e.kind === 'return') throw e;
      if (e.n > 1) throw new ControlSignal(e.kind, e.n - 1);
      return { status: 0, stop: e.kind === 'break' };
    }
  }

  private pipeline(cmds: Node[], negate: boolean): number {
    if (cmds.length === 1) { const st = this.quiet(() => this.run(cmds[0])); return this.checkErr(negate ? +(st === 0) : st); }
    const start = this.t;
    let input = this.io.stdin;
    let end = start;
    const statuses: number[] = [];
    for (const [k, cmd] of cmds.entries()) {
      const cap = new CaptureSink();
      const last = k === cmds.length - 1;
      const sub = this.clone({ ...this.io, stdin: input, stdout: last ? this.io.stdout : cap });
      sub.t = start;
      let forever = false;
      try { sub.run(cmd); } catch (e) {
        if (e instanceof ExitSignal) sub.status = e.code;
        // upstream: a writer that never ends keeps the reader's stdin open; the reader decides whether it ends.
        else if (e instanceof ForeverSignal && !last) forever = true;
        else throw e;
      }
      statuses.push(forever ? 141 : sub.status);
      if (!forever) end = Math.max(end, sub.t);
      input = { text: cap.text, pos: 0, open: forever };
    }
    this.t = end;
    let st = statuses[statuses.length - 1];
    if (this.opts.pipefail) st = [...statuses].reverse().find((s) => s !== 0) ?? 0;
    return negate ? +(st === 0) : this.checkErr(st);
  }

  private background(node: Node): void {
    const sub = this.clone({ ...this.io, stdin: { text: '', pos: 0 } }, new Thread(4_000));
    let job: Job;
    try { sub.run(node); job = { end: sub.t, status: sub.status, forever: false }; } catch (e) {
      if (e instanceof ExitSignal) job = { end: sub.t, status: e.code, forever: false };
      else if (e instanceof ForeverSignal) job = { end: Infinity, status: 0, forever: true };
      else throw e;
    }
    this.jobs.push(job);
    this.lastBg = 100 + this.jobs.length;
  }

  /** `wait`: until every background job ended; forever if one never does (a trap can still run). */
  waitJobs(): number {
    if (this.jobs.some((j) => j.forever)) throw new ForeverSignal(this.t, undefined, 'wait');
    const last = this.jobs[this.jobs.length - 1];
    this.t = Math.max(this.t, ...this.jobs.map((j) => j.end));
    this.jobs = [];
    return last?.status ?? 0;
  }

  /** `set -x`: the expanded command on stderr, quoted as bash quotes it. */
  trace(words: string[], quote = true): void {
    if (!this.opts.xtrace) return;
    const q = (w: string) => (!quote || /^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, "'\\''")}'`);
    this.io.stderr.write(`${'+'.repeat(this.depth + 1)} ${words.map(q).join(' ')}\n`, this.t);
  }

  private simple(node: Extract<Node, { type: 'simple' }>): number {
    this.line = node.line;
    this.ctx.thread.tick(this.t);
    const argv = node.words.flatMap((w) => expandFields(w, this));
    if (this.flavour !== 'bash' && node.assigns.some((a) => a.array)) this.bashOnly(this.flavour === 'dash' ? 'Syntax error: "(" unexpected' : 'syntax error: unexpected "("');
    const assigns = node.assigns.map((a) => ({ a, value: a.array ? a.array.flatMap((w) => expandFields(w, this)) : expandSingle(a.value ?? '', this) }));
    if (argv.length === 1 && argv[0] === 'exec' && assigns.length === 0) {
      // upstream: `exec` with only redirections applies them to the shell itself.
      const io = this.redirect(node.redirs, this.io);
      if (io) this.io = io;
      return io ? 0 : this.checkErr(1);
    }
    if (argv.length === 0) {
      for (const { a, value } of assigns) {
        const prev = this.vars.get(a.name);
        const next = Array.isArray(value) ? (a.append ? [...(Array.isArray(prev) ? prev : prev ? [prev] : []), ...value] : value) : (a.append ? `${prev ?? ''}${value}` : value);
        this.vars.set(a.name, next);
        this.trace([`${a.name}=${Array.isArray(next) ? `(${next.join(' ')})` : next}`]);
      }
      return this.withRedirs(node.redirs, () => 0);
    }
    this.trace([...assigns.map(({ a, value }) => `${a.name}=${value}`), ...argv]);
    const overlay = Object.fromEntries(assigns.map(({ a, value }) => [a.name, Array.isArray(value) ? value.join(' ') : value]));
    return this.withRedirs(node.redirs, () => this.checkErr(this.command(argv, overlay)));
  }

  /** Runs one command: function, builtin, or a process found on PATH. */
  command(argv: string[], overlay: Record<string, string> = {}, viaExec = false): number {
    const fn = this.funcs.get(argv[0]);
    if (fn && !viaExec) {
      // upstream: neither ash nor bash limits recursion by default; the shell dies of a stack overflow (SIGSEGV).
      if (++this.calls > 500) throw new ExitSignal(139);
      const saved = this.positional;
      this.positional = argv.slice(1);
      try { return this.run(fn); } catch (e) { if (e instanceof ControlSignal && e.kind === 'return') return e.n; throw e; } finally { this.positional = saved; this.calls--; }
    }
    const builtin = BUILTINS[argv[0]];
    if (builtin && !viaExec) return builtin(this, argv);
    const start = this.t;
    const ctx: ProcContext = { ...this.ctx, env: { ...this.env(), ...overlay }, io: this.io, t: this.t, cwd: this.cwd };
    let res: ProcResult | { missing: string };
    try {
      res = execArgv(ctx, argv);
    } catch (e) {
      if (e instanceof ForeverSignal && !(e instanceof ExecReplaced)) throw new ForeverSignal(e.at, e.traits, e.interruptible && 'loop');
      throw e;
    }
    if ('missing' in res) return this.notFound(argv[0]);
    this.t = res.end;
    if (this.traps.has('TERM')) this.maxBlock = Math.max(this.maxBlock, res.end - start);
    return res.status;
  }

  notFound(name: string): number {
    const msg = this.flavour === 'bash' ? (name.includes('/') ? 'No such file or directory' : 'command not found') : 'not found';
    this.io.stderr.write(`${this.prefix()}${name}: ${msg}\n`, this.t);
    return 127;
  }

  /** Applies redirections around f; a failed redirection fails the command without running it. */
  withRedirs(redirs: Redir[], f: () => number): number {
    if (redirs.length === 0) return f();
    const saved = this.io;
    try {
      const io = this.redirect(redirs, saved);
      if (!io) return this.checkErr(this.flavour === 'dash' ? 2 : 1);
      this.io = io;
      return f();
    } finally {
      this.io = saved;
    }
  }

  redirect(redirs: Redir[], from: IO): IO | undefined {
    return applyRedirs(this, redirs, from);
  }

  /** A bash-only construct in ash or dash: the script does not parse, so the shell exits 2. */
  bashOnly(message: string): never {
    this.io.stderr.write(`${this.flavour === 'dash' ? `${this.name}: ${this.line}: ` : `${this.name}: line ${this.line}: `}${message}\n`, this.t);
    throw new ExitSignal(2);
  }

  breakLoop(kind: 'break' | 'continue' | 'return', n: number): never { throw new ControlSignal(kind, n); }

  cannotOpen(target: string): void {
    const m = this.flavour === 'ash' ? `can't open '${target}': No such file or directory`
      : this.flavour === 'dash' ? `cannot open ${target}: No such file` : `${target}: No such file or directory`;
    this.io.stderr.write(`${this.prefix()}${m}\n`, this.t);
  }
}
