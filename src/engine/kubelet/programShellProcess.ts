/** The shell as a process: `sh`/`bash` argument handling, parse errors, and `test` / `[` run as binaries. */
import { BUILTINS } from './programBuiltins';
import { ShellSyntaxError } from './programLexer';
import { parseScript, type Node } from './programParser';
import { absPath, Thread, type ProcContext, type ProcModel } from './programProcess';
import { ControlSignal, parseCached, Shell, type Flavour } from './programShell';
import { evalTest } from './programTest';
import { ExecReplaced, ExitSignal, exitsOnSigterm, ForeverSignal, IGNORES_SIGTERM, NULL_SINK, type Traits } from './programWorld';

/** PID 1's reaction to SIGTERM while this shell blocks for ever. */
function termTraits(sh: Shell, e: ForeverSignal): Traits {
  const handler = sh.traps.get('TERM');
  if (handler === undefined || handler === '' || handler === '-' || !e.interruptible) return IGNORES_SIGTERM;
  // A dry run of the handler (its output would belong to the moment of the stop, which is not known yet).
  const sub = sh.clone({ stdout: NULL_SINK, stderr: NULL_SINK, stdin: { text: '', pos: 0 } }, new Thread(1_000));
  const delay = Math.max(e.interruptible === 'wait' ? 5 : sh.maxBlock, 5);
  try { sub.run(parseCached(handler)); } catch (x) {
    if (x instanceof ExitSignal) return exitsOnSigterm(x.code, delay);
    if (!(x instanceof ForeverSignal)) throw x;
  }
  // upstream (sh): after the handler, `wait` returns 128+15 and the script runs on to its end.
  return e.interruptible === 'wait' ? exitsOnSigterm(143, delay) : IGNORES_SIGTERM;
}

/** `trap … EXIT` runs once when the shell exits. */
function runExitTrap(sh: Shell): void {
  const h = sh.traps.get('EXIT');
  if (!h) return;
  sh.traps.delete('EXIT');
  try { sh.run(parseCached(h)); } catch (e) { if (!(e instanceof ExitSignal)) throw e; sh.status = e.code; }
}

/** How each shell words a parse error. */
function syntaxMessage(sh: Shell, e: ShellSyntaxError, fromC: boolean): string {
  const eof = e.token === 'end of file';
  if (sh.flavour === 'bash') return `${sh.name}: ${fromC ? '-c: ' : ''}line ${e.line}: ${eof ? 'syntax error: unexpected end of file' : `syntax error near unexpected token \`${e.token}'`}`;
  if (sh.flavour === 'dash') return `${sh.name}: ${e.line}: Syntax error: ${eof ? 'end of file unexpected' : `"${e.token}" unexpected`}`;
  return `${sh.name}: line ${e.line}: syntax error: ${eof ? 'unexpected end of file' : `unexpected "${e.token}"`}`;
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
    sh.line = e.line;
    ctx.io.stderr.write(`${syntaxMessage(sh, e, fromC)}\n`, ctx.t);
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
    runExitTrap(sh);
    return { status: sh.status, end: sh.t };
  } catch (e) {
    if (e instanceof ExitSignal) { sh.status = e.code; runExitTrap(sh); return { status: sh.status, end: sh.t }; }
    if (e instanceof ExecReplaced) throw new ForeverSignal(e.at, e.traits, e.interruptible);
    if (e instanceof ForeverSignal) throw new ForeverSignal(e.at, termTraits(sh, e), false);
    if (e instanceof ControlSignal) return { status: sh.status, end: sh.t };
    throw e;
  }
};

/** /usr/bin/test and /usr/bin/[ (run directly, e.g. by an exec probe), with the shell's semantics. */
const testBinary: ProcModel = (ctx, argv) => {
  const sh = new Shell(ctx, argv[0], [], flavourOf(ctx, 'sh'), ctx.io);
  const bracket = argv[0].endsWith('[');
  if (bracket && argv[argv.length - 1] !== ']') { ctx.io.stderr.write('[: missing ]\n', ctx.t); return { status: 2, end: ctx.t + 1 }; }
  return { status: evalTest(argv.slice(1, bracket ? -1 : undefined), sh), end: ctx.t + 1 };
};

export const SHELLS: Record<string, ProcModel> = { sh: runShell, bash: runShell, ash: runShell, dash: runShell, zsh: runShell, test: testBinary, '[': testBinary };

