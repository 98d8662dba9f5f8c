/** Shell builtins: they run inside the shell, take no time, and change its state. */
import { parseScript } from './programParser';
import { absPath, resolveExecutable } from './programProcess';
import type { Shell } from './programShell';
import { evalTest } from './programTest';
import { ExecReplaced, ExitSignal, ForeverSignal, IGNORES_SIGTERM } from './programWorld';

export type Builtin = (sh: Shell, argv: string[]) => number;

/** Backslash escapes of echo -e / printf; `\c` stops all further output. */
export function unescape(s: string, octalNeedsZero: boolean): { text: string; stop: boolean } {
  let text = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\' || i + 1 >= s.length) { text += s[i]; continue; }
    const c = s[++i];
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b', '\\': '\\' };
    if (c in simple) text += simple[c];
    else if (c === 'c') return { text, stop: true };
    else if (c === 'x') { const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1)); if (m) { text += String.fromCharCode(parseInt(m[0], 16)); i += m[0].length; } else text += '\\x'; }
    else if (/[0-7]/.test(c) && (!octalNeedsZero || c === '0')) {
      const m = /^[0-7]{1,3}/.exec(s.slice(octalNeedsZero ? i + 1 : i)) ?? [''];
      text += String.fromCharCode(parseInt(m[0] || '0', 8));
      i += m[0].length - (octalNeedsZero ? 0 : 1);
    } else text += `\\${c}`;
  }
  return { text, stop: false };
}

const echo: Builtin = (sh, argv) => {
  let i = 1;
  let newline = true;
  let escapes = sh.flavour === 'dash';
  while (i < argv.length && /^-[neE]+$/.test(argv[i]) && (sh.flavour !== 'dash' || argv[i] === '-n')) {
    for (const f of argv[i].slice(1)) { if (f === 'n') newline = false; else if (f === 'e') escapes = true; else escapes = false; }
    i++;
  }
  let text = argv.slice(i).join(' ');
  if (escapes) { const u = unescape(text, true); text = u.text; if (u.stop) newline = false; }
  sh.io.stdout.write(newline ? `${text}\n` : text, sh.t);
  return 0;
};

/** printf FORMAT [ARG]…: the format is reused while arguments remain. */
export function formatPrintf(format: string, args: string[]): { text: string; error?: string } {
  let out = '';
  let ai = 0;
  let error: string | undefined;
  const next = () => args[ai++];
  do {
    const start = ai;
    const re = /%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?([a-zA-Z%])|\\([\\abfnrtv"']|[0-7]{1,3}|x[0-9a-fA-F]{1,2}|c)/g;
    let last = 0;
    let m: RegExpExecArray | null;
    let stop = false;
    while ((m = re.exec(format)) !== null) {
      out += format.slice(last, m.index);
      last = re.lastIndex;
      if (m[5] !== undefined) {
        if (m[5] === 'c') { stop = true; break; }
        out += unescape(`\\${/^[0-7]/.test(m[5]) ? `0${m[5]}` : m[5]}`, true).text;
        continue;
      }
      const [, flags, w, p, conv] = m;
      if (conv === '%') { out += '%'; continue; }
      const width = w === '*' ? Number(next() ?? 0) : w ? Number(w) : 0;
      const prec = p === '*' ? Number(next() ?? 0) : p !== undefined ? Number(p) : undefined;
      const arg = next();
      let s: string;
      if ('diouxXc'.includes(conv) && conv !== 'c') {
        const n = arg === undefined || arg === '' ? 0 : /^[-+]?\d+$/.test(arg) ? parseInt(arg, 10) : /^'./.test(arg) ? arg.charCodeAt(1) : NaN;
        if (Number.isNaN(n)) { error = `invalid number '${arg}'`; s = '0'; }
        else s = conv === 'o' ? (n >>> 0).toString(8) : conv === 'x' ? (n >>> 0).toString(16) : conv === 'X' ? (n >>> 0).toString(16).toUpperCase() : String(n);
        if (flags.includes('+') && n >= 0 && 'di'.includes(conv)) s = `+${s}`;
      } else if ('feEgG'.includes(conv)) {
        const n = Number(arg ?? 0);
        s = conv === 'f' ? n.toFixed(prec ?? 6) : conv === 'e' || conv === 'E' ? n.toExponential(prec ?? 6) : String(n);
      } else if (conv === 'c') s = (arg ?? '').charAt(0);
      else if (conv === 'b') s = unescape(arg ?? '', true).text;
      else s = prec !== undefined ? (arg ?? '').slice(0, prec) : arg ?? '';
      if (s.length < width) s = flags.includes('-') ? s.padEnd(width) : s.padStart(width, flags.includes('0') && !'sc'.includes(conv) ? '0' : ' ');
      out += s;
    }
    if (stop) return { text: out, error };
    out += format.slice(last);
    if (ai === start) break;
  } while (ai < args.length);
  return { text: out, error };
}

const printf: Builtin = (sh, argv) => {
  if (argv.length < 2) { sh.io.stderr.write(`${sh.prefix()}printf: usage: printf format [arguments]\n`, sh.t); return 2; }
  const { text, error } = formatPrintf(argv[1], argv.slice(2));
  sh.io.stdout.write(text, sh.t);
  if (error) { sh.io.stderr.write(`${sh.prefix()}printf: ${error}\n`, sh.t); return 1; }
  return 0;
};

const SIGNALS: Record<string, string> = { 0: 'EXIT', 1: 'HUP', 2: 'INT', 3: 'QUIT', 9: 'KILL', 15: 'TERM', 10: 'USR1', 12: 'USR2', 17: 'CHLD' };
const signalName = (s: string) => { const u = s.toUpperCase().replace(/^SIG/, ''); return SIGNALS[u] ?? u; };

const trap: Builtin = (sh, argv) => {
  if (argv.length < 3) return 0;
  const action = argv[1];
  for (const s of argv.slice(2)) sh.traps.set(signalName(s), action);
  return 0;
};

const exec: Builtin = (sh, argv) => {
  if (argv.length < 2) return 0;
  try {
    throw new ExitSignal(sh.command(argv.slice(1), {}, true));
  } catch (e) {
    if (e instanceof ForeverSignal && !(e instanceof ExecReplaced)) throw new ExecReplaced(e.at, e.traits ?? IGNORES_SIGTERM, e.interruptible);
    throw e;
  }
};

const cd: Builtin = (sh, argv) => {
  const target = argv[1] === undefined || argv[1] === '~' ? sh.getVar('HOME') ?? '/' : argv[1] === '-' ? sh.getVar('OLDPWD') ?? sh.cwd : argv[1];
  const path = absPath(target, sh.cwd);
  const st = sh.ctx.world.stat(path, sh.t);
  if (st.exists === 'no' || (st.exists === 'yes' && !st.dir)) {
    const why = st.exists === 'no' ? 'No such file or directory' : 'Not a directory';
    const m = sh.flavour === 'bash' ? `cd: ${target}: ${why}` : sh.flavour === 'dash' ? `cd: can't cd to ${target}` : `cd: can't cd to ${target}: ${why}`;
    sh.io.stderr.write(`${sh.prefix()}${m}\n`, sh.t);
    return sh.flavour === 'dash' ? 2 : 1;
  }
  sh.setVar('OLDPWD', sh.cwd);
  sh.cwd = path;
  return 0;
};

const assignBuiltin = (exportIt: boolean): Builtin => (sh, argv) => {
  for (const a of argv.slice(1)) {
    if (a.startsWith('-')) continue;
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    if (eq >= 0) sh.setVar(name, a.slice(eq + 1));
    else if (!sh.vars.has(name) && !exportIt) sh.setVar(name, '');
    if (exportIt || argv.slice(1).some((f) => /^-\w*x/.test(f))) sh.exported.add(name);
  }
  return 0;
};

const set: Builtin = (sh, argv) => {
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') { sh.positional = argv.slice(i + 1); return 0; }
    if (a === '-o' || a === '+o') { const o = argv[++i]; if (o === 'pipefail') sh.opts.pipefail = a === '-o'; if (o === 'errexit') sh.opts.errexit = a === '-o'; if (o === 'xtrace') sh.opts.xtrace = a === '-o'; if (o === 'nounset') { sh.opts.nounset = a === '-o'; sh.nounset = sh.opts.nounset; } continue; }
    if (/^[-+][a-zA-Z]+$/.test(a)) {
      const on = a[0] === '-';
      for (const f of a.slice(1)) {
        if (f === 'e') sh.opts.errexit = on;
        if (f === 'x') sh.opts.xtrace = on;
        if (f === 'u') { sh.opts.nounset = on; sh.nounset = on; }
      }
      continue;
    }
    sh.positional = argv.slice(i);
    return 0;
  }
  return 0;
};

const read: Builtin = (sh, argv) => {
  const names = argv.slice(1).filter((a, i, all) => !a.startsWith('-') && !['-p', '-t', '-n', '-u', '-d'].includes(all[i - 1]));
  const raw = argv.includes('-r');
  const buf = sh.io.stdin;
  if (buf.pos >= buf.text.length) {
    if (buf.open) throw new ForeverSignal(sh.t, undefined, false);
    return 1;
  }
  const nl = buf.text.indexOf('\n', buf.pos);
  let line = buf.text.slice(buf.pos, nl < 0 ? undefined : nl);
  buf.pos = nl < 0 ? buf.text.length : nl + 1;
  if (!raw) line = line.replace(/\\(.)/g, '$1');
  const vars = names.length ? names : ['REPLY'];
  const fields = line.trim().split(/[ \t]+/);
  vars.forEach((v, k) => sh.setVar(v, k === vars.length - 1 ? fields.slice(k).join(' ') : fields[k] ?? ''));
  return 0;
};

const source: Builtin = (sh, argv) => {
  if (!argv[1]) return 2;
  const st = sh.ctx.world.stat(absPath(argv[1], sh.cwd), sh.t);
  if (st.exists === 'no') {
    sh.io.stderr.write(`${sh.prefix()}${sh.flavour === 'bash' ? `${argv[1]}: No such file or directory` : `${argv[0]}: can't open '${argv[1]}'`}\n`, sh.t);
    if (sh.flavour !== 'bash') throw new ExitSignal(sh.flavour === 'dash' ? 2 : 1);
    return 1;
  }
  return sh.run(parseScript(st.content));
};

const commandV: Builtin = (sh, argv) => {
  const v = argv[1] === '-v' || argv[1] === '-V';
  const names = argv.slice(v ? 2 : 1);
  if (!v) return names.length ? sh.command(names) : 0;
  let st = 0;
  for (const n of names) {
    if (BUILTINS[n] || sh.funcs.has(n)) { sh.io.stdout.write(`${n}\n`, sh.t); continue; }
    const r = resolveExecutable(n, { ...sh.ctx, cwd: sh.cwd, t: sh.t });
    if (r.kind === 'missing') st = 1; else sh.io.stdout.write(`${n.includes('/') ? n : `/usr/bin/${n}`}\n`, sh.t);
  }
  return st;
};

const noop: Builtin = () => 0;

export const BUILTINS: Record<string, Builtin> = {
  ':': noop, true: noop, false: () => 1, echo, printf, trap, exec, cd, set, read, source, '.': source,
  exit: (sh, argv) => { throw new ExitSignal(argv[1] !== undefined ? Number(argv[1]) & 255 : sh.status); },
  return: (sh, argv) => sh.breakLoop('return', argv[1] !== undefined ? Number(argv[1]) : sh.status),
  break: (sh, argv) => sh.breakLoop('break', Number(argv[1] ?? 1)),
  continue: (sh, argv) => sh.breakLoop('continue', Number(argv[1] ?? 1)),
  pwd: (sh) => { sh.io.stdout.write(`${sh.cwd}\n`, sh.t); return 0; },
  export: assignBuiltin(true), readonly: assignBuiltin(false), local: assignBuiltin(false), declare: assignBuiltin(false), typeset: assignBuiltin(false),
  unset: (sh, argv) => { for (const n of argv.slice(1)) if (!n.startsWith('-')) { sh.vars.delete(n); sh.exported.delete(n); sh.funcs.delete(n); } return 0; },
  shift: (sh, argv) => { const n = Number(argv[1] ?? 1); if (n > sh.positional.length) return 1; sh.positional = sh.positional.slice(n); return 0; },
  wait: (sh) => sh.waitJobs(),
  eval: (sh, argv) => sh.run(parseScript(argv.slice(1).join(' '))),
  test: (sh, argv) => evalTest(argv.slice(1), sh),
  '[': (sh, argv) => {
    if (argv[argv.length - 1] !== ']') { sh.io.stderr.write(`${sh.prefix()}[: missing ]\n`, sh.t); return 2; }
    return evalTest(argv.slice(1, -1), sh);
  },
  let: (sh, argv) => (argv.slice(1).map((e) => sh.arith(e)).pop() ? 0 : 1),
  command: commandV, type: (sh, argv) => commandV(sh, ['command', '-v', ...argv.slice(1)]),
  ulimit: noop, umask: noop, alias: noop, unalias: noop, hash: noop, times: noop, jobs: noop, kill: noop, disown: noop, shopt: noop, builtin: (sh, argv) => sh.command(argv.slice(1)),
};
