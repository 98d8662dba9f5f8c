/**
 * The shell: busybox ash, dash and bash running a script on the virtual clock. Control flow,
 * redirections, background jobs and `wait`, `set -e/-x/-u`, traps and `exec`. Builtins are in
 * programBuiltins.ts; everything else is a process (programProcess.ts).
 */
import { evalArith, ArithError, type ArithVars } from './programArith';
import { BUILTINS } from './programBuiltins';
import { ShellSyntaxError } from './programLexer';
import { parseScript, type Node, type Redir } from './programParser';
import { absPath, execArgv, Thread, type ProcContext, type ProcModel, type ProcResult } from './programProcess';
import { evalDoubleBracket } from './programTest';
import { expandFields, expandPattern, expandSingle, expandText, globToRegExp, type ExpandHost } from './programWords';
import {
  CaptureSink, ExecReplaced, ExitSignal, FileSink, ForeverSignal, IGNORES_SIGTERM, NULL_SINK, exitsOnSigterm,
  type IO, type Traits,
} from './programWorld';

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

class ControlSignal { constructor(readonly kind: 'break' | 'continue' | 'return', readonly n: number) {} }

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
      try { sub.run(cmd); } catch (e) { if (!(e instanceof ExitSignal)) throw e; sub.status = e.code; }
      statuses.push(sub.status);
      end = Math.max(end, sub.t);
      input = { text: cap.text, pos: 0 };
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
      const saved = this.positional;
      this.positional = argv.slice(1);
      try { return this.run(fn); } catch (e) { if (e instanceof ControlSignal && e.kind === 'return') return e.n; throw e; } finally { this.positional = saved; }
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
    const io: IO = { ...from };
    for (const r of redirs) {
      if (r.heredoc) { io.stdin = { text: r.heredoc.expand ? expandText(r.heredoc.body, this) : r.heredoc.body, pos: 0 }; continue; }
      const target = expandSingle(r.target, this);
      const fd = r.fd ?? (r.op.startsWith('<') ? 0 : 1);
      if (r.op === '<<<') { io.stdin = { text: `${target}\n`, pos: 0 }; continue; }
      if (r.op === '>&' || r.op === '<&') {
        const src = target === '1' ? io.stdout : target === '2' ? io.stderr : target === '-' ? NULL_SINK : undefined;
        if (src && fd === 1) io.stdout = src; else if (src && fd === 2) io.stderr = src;
        continue;
      }
      if (r.op === '<') {
        const st = this.ctx.world.stat(absPath(target, this.cwd), this.t);
        if (st.exists === 'no') { this.cannotOpen(target); return undefined; }
        io.stdin = { text: st.content, pos: 0 };
        continue;
      }
      const sink = this.openForWrite(target, r.op === '>>' || r.op === '&>>', io);
      if (!sink) return undefined;
      if (r.op === '&>' || r.op === '&>>') { io.stdout = sink; io.stderr = sink; } else if (fd === 2) io.stderr = sink; else io.stdout = sink;
    }
    return io;
  }

  private openForWrite(target: string, append: boolean, io: IO) {
    if (target === '/dev/null') return NULL_SINK;
    if (/^\/(dev\/stdout|proc\/(self|1)\/fd\/1|dev\/fd\/1)$/.test(target)) return io.stdout;
    if (/^\/(dev\/stderr|proc\/(self|1)\/fd\/2|dev\/fd\/2)$/.test(target)) return io.stderr;
    const path = absPath(target, this.cwd);
    const parent = path.slice(0, path.lastIndexOf('/')) || '/';
    const pst = this.ctx.world.stat(parent, this.t);
    if (pst.exists === 'no' || this.ctx.world.stat(path, this.t).dir) {
      const isDir = pst.exists !== 'no';
      const m = this.flavour === 'ash' ? `can't create ${target}: ${isDir ? 'Is a directory' : 'nonexistent directory'}`
        : this.flavour === 'dash' ? `cannot create ${target}: ${isDir ? 'Is a directory' : 'Directory nonexistent'}`
          : `${target}: ${isDir ? 'Is a directory' : 'No such file or directory'}`;
      this.io.stderr.write(`${this.prefix()}${m}\n`, this.t);
      return undefined;
    }
    if (!append || this.ctx.world.stat(path, this.t).exists !== 'yes') this.ctx.world.write(path, this.t, '', false);
    return new FileSink(this.ctx.world, path);
  }

  cannotOpen(target: string): void {
    const m = this.flavour === 'ash' ? `can't open '${target}': No such file or directory`
      : this.flavour === 'dash' ? `cannot open ${target}: No such file` : `${target}: No such file or directory`;
    this.io.stderr.write(`${this.prefix()}${m}\n`, this.t);
  }

  breakLoop(kind: 'break' | 'continue' | 'return', n: number): never { throw new ControlSignal(kind, n); }

  /** PID 1's reaction to SIGTERM while this shell blocks for ever. */
  termTraits(e: ForeverSignal): Traits {
    const handler = this.traps.get('TERM');
    if (handler === undefined || handler === '' || handler === '-' || !e.interruptible) return IGNORES_SIGTERM;
    const sub = this.clone();
    const delay = Math.max(e.interruptible === 'wait' ? 5 : this.maxBlock, 5);
    try { sub.run(parseCached(handler)); } catch (x) {
      if (x instanceof ExitSignal) return exitsOnSigterm(x.code, delay);
      if (!(x instanceof ForeverSignal)) throw x;
    }
    // upstream (sh): after the handler, `wait` returns 128+15 and the script runs on to its end.
    return e.interruptible === 'wait' ? exitsOnSigterm(143, delay) : IGNORES_SIGTERM;
  }

  runExitTrap(): void {
    const h = this.traps.get('EXIT');
    if (!h) return;
    this.traps.delete('EXIT');
    try { this.run(parseCached(h)); } catch (e) { if (!(e instanceof ExitSignal)) throw e; this.status = e.code; }
  }
}

/** Which shell an executable name is in this image: sh is busybox ash, dash on Debian, bash on RHEL. */
function flavourOf(ctx: ProcContext, exe: string): Flavour {
  if (exe === 'bash' || exe === 'zsh') return 'bash';
  const b = ctx.image.base;
  if (b === 'busybox' || b === 'alpine' || b === undefined) return 'ash';
  return b === 'rhel' ? 'bash' : 'dash';
}

/** `sh [-ex] [-o pipefail] (-c script [name args…] | file [args…])`, or reading commands from stdin. */
export const runShell: ProcModel = (ctx, argv) => {
  const exe = argv[0].slice(argv[0].lastIndexOf('/') + 1);
  const flavour = flavourOf(ctx, exe);
  const opts = { errexit: false, xtrace: false, nounset: false, pipefail: false };
  let script: string | undefined;
  let i = 1;
  let fromC = false;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-o' || a === '+o') { if (argv[i + 1] === 'pipefail') opts.pipefail = a === '-o'; i++; continue; }
    if (a === '--') { i++; break; }
    if (!/^[-+][a-zA-Z]+$/.test(a)) break;
    if (a === '--login' || a === '-l' || a === '-i' || a === '-s') continue;
    for (const f of a.slice(1)) {
      if (f === 'c') fromC = true;
      else if (f === 'e') opts.errexit = true;
      else if (f === 'x') opts.xtrace = true;
      else if (f === 'u') opts.nounset = true;
    }
  }
  let name = argv[0];
  let positional: string[];
  if (fromC) {
    script = argv[i];
    if (script === undefined) {
      ctx.io.stderr.write(flavour === 'bash' ? `${argv[0]}: -c: option requires an argument\n` : `${argv[0]}: -c requires an argument\n`, ctx.t);
      return { status: 2, end: ctx.t };
    }
    name = argv[i + 1] ?? argv[0];
    positional = argv.slice(i + 2);
  } else if (argv[i] !== undefined) {
    const path = absPath(argv[i], ctx.cwd);
    const st = ctx.world.stat(path, ctx.t);
    if (st.exists === 'no') {
      ctx.io.stderr.write(flavour === 'bash' ? `${argv[0]}: ${argv[i]}: No such file or directory\n` : flavour === 'dash' ? `${argv[0]}: 0: cannot open ${argv[i]}: No such file\n` : `${argv[0]}: can't open '${argv[i]}': No such file or directory\n`, ctx.t);
      return { status: 127, end: ctx.t };
    }
    script = st.content;
    name = argv[i];
    positional = argv.slice(i + 1);
  } else {
    // upstream: a shell with no tty reads commands from stdin; EOF at once unless the container keeps stdin open.
    if (ctx.io.stdin.open) throw new ForeverSignal(ctx.t, IGNORES_SIGTERM);
    script = ctx.io.stdin.text.slice(ctx.io.stdin.pos);
    positional = [];
  }
  const sh = new Shell(ctx, name, positional, flavour, ctx.io);
  sh.opts = opts;
  sh.nounset = opts.nounset;
  let ast: Node;
  try { ast = parseScript(script); } catch (e) {
    if (!(e instanceof ShellSyntaxError)) throw e;
    ctx.io.stderr.write(`${sh.prefix()}${e.message}\n`, ctx.t);
    return { status: 2, end: ctx.t };
  }
  // upstream: `sh -c 'cmd args'` with one simple command execs it (dash, ash and bash all do).
  if (fromC && ast.type === 'list' && ast.items.length === 1 && !ast.items[0].background) {
    const only = ast.items[0].node;
    if (only.type === 'simple' && only.words.length > 0 && only.redirs.length === 0 && only.assigns.length === 0 && !BUILTINS[only.words[0]]) {
      ast = { ...only, words: ['exec', ...only.words] };
    }
  }
  try {
    sh.run(ast);
    sh.runExitTrap();
    return { status: sh.status, end: sh.t };
  } catch (e) {
    if (e instanceof ExitSignal) { sh.status = e.code; sh.runExitTrap(); return { status: sh.status, end: sh.t }; }
    if (e instanceof ExecReplaced) throw new ForeverSignal(e.at, e.traits, e.interruptible);
    if (e instanceof ForeverSignal) throw new ForeverSignal(e.at, sh.termTraits(e), false);
    if (e instanceof ControlSignal) return { status: sh.status, end: sh.t };
    throw e;
  }
};

export const SHELLS: Record<string, ProcModel> = { sh: runShell, bash: runShell, ash: runShell, dash: runShell, zsh: runShell };
