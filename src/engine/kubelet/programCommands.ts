/**
 * Everyday file and text utilities (busybox applets or GNU coreutils) acting on the container's
 * virtual file system. Each takes a millisecond or two; the table merges the system and network tools.
 */
import { formatPrintf, unescape } from './programBuiltins';
import { absPath, type ProcModel, type ProcContext } from './programProcess';
import { NET_COMMANDS } from './programNet';
import { SYSTEM_COMMANDS } from './programSystem';
import { done, err, isBusybox, noSuchFile, out, parseFlags, readable, stat } from './programUtil';
import { ForeverSignal, IGNORES_SIGTERM } from './programWorld';

/** Reads each operand (stdin when none); reports missing ones. */
function inputs(ctx: ProcContext, cmd: string, files: string[]): { texts: string[]; failed: boolean } {
  if (files.length === 0) return { texts: [stdinText(ctx)], failed: false };
  const texts: string[] = [];
  let failed = false;
  for (const f of files) {
    const st = f === '-' ? undefined : stat(ctx, f);
    if (st?.dir) { err(ctx, isBusybox(ctx) ? `${cmd}: read error: Is a directory\n` : `${cmd}: ${f}: Is a directory\n`); failed = true; continue; }
    const text = readable(ctx, f);
    if (text === undefined) { noSuchFile(ctx, cmd, f); failed = true; continue; }
    texts.push(text);
  }
  return { texts, failed };
}

/** Stdin so far; see awaitEof. */
function stdinText(ctx: ProcContext): string {
  return ctx.io.stdin.text.slice(ctx.io.stdin.pos);
}

/** A writer that never finishes means a reader of all of stdin never sees EOF: it blocks after what it got. */
function awaitEof(ctx: ProcContext, readsStdin: boolean): void {
  if (readsStdin && ctx.io.stdin.open) throw new ForeverSignal(ctx.t, IGNORES_SIGTERM);
}

function safeRegExp(src: string, flags = ''): RegExp | undefined {
  try { return new RegExp(src, flags); } catch { return undefined; }
}

const lines = (text: string): string[] => { const l = text.split('\n'); if (l[l.length - 1] === '') l.pop(); return l; };
const joinLines = (l: string[]): string => (l.length ? `${l.join('\n')}\n` : '');

const filter = (cmd: string, f: (text: string, flags: Map<string, string>) => string, withValue: string[] = []): ProcModel => (ctx, argv) => {
  const { flags, rest } = parseFlags(argv.slice(1), withValue);
  const { texts, failed } = inputs(ctx, cmd, rest);
  out(ctx, texts.map((t) => f(t, flags)).join(''));
  awaitEof(ctx, rest.length === 0);
  return done(ctx, failed ? 1 : 0);
};

const cat = filter('cat', (t) => t);

function headTail(which: 'head' | 'tail'): ProcModel {
  return (ctx, argv) => {
    // upstream: the obsolete `head -5` / `tail -5` form means `-n 5`.
    const args = argv.slice(1).flatMap((a) => (/^-\d+$/.test(a) ? ['-n', a.slice(1)] : /^\+\d+$/.test(a) && which === 'tail' ? ['-n', a] : [a]));
    const { flags, rest } = parseFlags(args, ['n', 'c', 's', 'lines']);
    const follow = flags.has('f') || flags.has('F') || flags.has('follow');
    const nArg = flags.get('n') ?? flags.get('lines') ?? '10';
    let failed = false;
    for (const f of rest.length ? rest : ['-']) {
      const partial = f === '-' && ctx.io.stdin.open;
      if (partial && !(which === 'head' && lines(ctx.io.stdin.text).length >= (parseInt(nArg, 10) || 0))) throw new ForeverSignal(ctx.t, IGNORES_SIGTERM);
      const text = readable(ctx, f);
      if (text === undefined) {
        if (follow && flags.has('F')) { err(ctx, isBusybox(ctx) ? `tail: can't open '${f}': No such file or directory\n` : `tail: cannot open '${f}' for reading: No such file or directory\n`); continue; }
        if (which === 'tail' && !isBusybox(ctx)) err(ctx, `tail: cannot open '${f}' for reading: No such file or directory\n`); else noSuchFile(ctx, which, f);
        failed = true; continue;
      }
      const l = lines(text);
      const n = parseInt(nArg.replace(/^[+-]/, ''), 10) || 0;
      const picked = which === 'head' ? l.slice(0, n) : nArg.startsWith('+') ? l.slice(Math.max(0, n - 1)) : l.slice(Math.max(0, l.length - n));
      out(ctx, joinLines(picked));
    }
    if (follow) {
      if (failed && !flags.has('F')) { err(ctx, isBusybox(ctx) ? 'tail: no files\n' : 'tail: no files remaining\n'); return done(ctx, 1); }
      throw new ForeverSignal(ctx.t, IGNORES_SIGTERM);
    }
    return done(ctx, failed ? 1 : 0);
  };
}

const touch: ProcModel = (ctx, argv) => {
  const { rest } = parseFlags(argv.slice(1), ['d', 't', 'r']);
  let failed = false;
  for (const f of rest) {
    const st = stat(ctx, f);
    const parent = stat(ctx, st.abs.slice(0, st.abs.lastIndexOf('/')) || '/');
    if (parent.exists === 'no') {
      err(ctx, isBusybox(ctx) ? `touch: ${f}: No such file or directory\n` : `touch: cannot touch '${f}': No such file or directory\n`);
      failed = true; continue;
    }
    if (st.exists !== 'yes') ctx.world.write(st.abs, ctx.t, '', false);
  }
  return done(ctx, failed ? 1 : 0);
};

const rm: ProcModel = (ctx, argv) => {
  const { flags, rest } = parseFlags(argv.slice(1));
  const force = flags.has('f') || flags.has('force');
  const recursive = flags.has('r') || flags.has('R') || flags.has('recursive');
  let failed = false;
  for (const f of rest) {
    const st = stat(ctx, f);
    if (st.exists === 'no') {
      if (!force) { err(ctx, isBusybox(ctx) ? `rm: can't remove '${f}': No such file or directory\n` : `rm: cannot remove '${f}': No such file or directory\n`); failed = true; }
      continue;
    }
    if (st.dir && !recursive) { err(ctx, isBusybox(ctx) ? `rm: '${f}' is a directory\n` : `rm: cannot remove '${f}': Is a directory\n`); failed = true; continue; }
    ctx.world.remove(st.abs, ctx.t);
  }
  return done(ctx, failed ? 1 : 0);
};

const mkdir: ProcModel = (ctx, argv) => {
  const { flags, rest } = parseFlags(argv.slice(1), ['m']);
  const parents = flags.has('p') || flags.has('parents');
  let failed = false;
  for (const f of rest) {
    const st = stat(ctx, f);
    if (st.exists === 'yes') {
      if (!parents) { err(ctx, isBusybox(ctx) ? `mkdir: can't create directory '${f}': File exists\n` : `mkdir: cannot create directory '${f}': File exists\n`); failed = true; }
      continue;
    }
    const parent = st.abs.slice(0, st.abs.lastIndexOf('/')) || '/';
    if (!parents && ctx.world.stat(parent, ctx.t).exists === 'no') {
      err(ctx, isBusybox(ctx) ? `mkdir: can't create directory '${f}': No such file or directory\n` : `mkdir: cannot create directory '${f}': No such file or directory\n`);
      failed = true; continue;
    }
    const parts = st.abs.split('/').filter(Boolean);
    for (let k = 1; k <= parts.length; k++) {
      const p = `/${parts.slice(0, k).join('/')}`;
      if (ctx.world.stat(p, ctx.t).exists !== 'yes') ctx.world.mkdir(p, ctx.t);
    }
  }
  return done(ctx, failed ? 1 : 0);
};

function copyMove(move: boolean): ProcModel {
  const cmd = move ? 'mv' : 'cp';
  return (ctx, argv) => {
    const { rest } = parseFlags(argv.slice(1), ['t', 'S']);
    if (rest.length < 2) { err(ctx, `${cmd}: missing file operand\n`); return done(ctx, 1); }
    const dest = stat(ctx, rest[rest.length - 1]);
    let failed = false;
    for (const src of rest.slice(0, -1)) {
      const st = stat(ctx, src);
      if (st.exists === 'no') {
        err(ctx, isBusybox(ctx) ? `${cmd}: can't stat '${src}': No such file or directory\n` : `${cmd}: cannot stat '${src}': No such file or directory\n`);
        failed = true; continue;
      }
      const target = dest.dir || rest[rest.length - 1].endsWith('/') ? `${dest.abs}/${st.abs.slice(st.abs.lastIndexOf('/') + 1)}` : dest.abs;
      if (st.dir) ctx.world.mkdir(target, ctx.t); else ctx.world.write(target, ctx.t, st.content, false);
      if (move) ctx.world.remove(st.abs, ctx.t);
    }
    return done(ctx, failed ? 1 : 0);
  };
}

const ls: ProcModel = (ctx, argv) => {
  const { flags, rest } = parseFlags(argv.slice(1));
  const long = flags.has('l');
  const all = flags.has('a') || flags.has('A');
  let status = 0;
  const targets = rest.length ? rest : ['.'];
  targets.forEach((f, k) => {
    const st = stat(ctx, f);
    if (st.exists === 'no') {
      err(ctx, isBusybox(ctx) ? `ls: ${f}: No such file or directory\n` : `ls: cannot access '${f}': No such file or directory\n`);
      status = isBusybox(ctx) ? 1 : 2; return;
    }
    const entry = (name: string, path: string) => {
      if (!long) return name;
      const s = ctx.world.stat(path, ctx.t);
      return `${s.dir ? 'drwxr-xr-x' : '-rw-r--r--'}    1 root     root     ${String(s.content.length).padStart(8)} Jan  1 09:00 ${name}`;
    };
    // An unknown path is taken to be a volume or image directory whose contents are not known.
    if (!st.dir && st.exists === 'yes') { out(ctx, `${entry(f, st.abs)}\n`); return; }
    const names = ctx.world.list(st.abs, ctx.t).filter((n) => all || !n.startsWith('.'));
    if (targets.length > 1) out(ctx, `${k > 0 ? '\n' : ''}${f}:\n`);
    if (long) out(ctx, `total ${names.length * 4}\n`);
    out(ctx, joinLines(names.map((n) => entry(n, `${st.abs === '/' ? '' : st.abs}/${n}`))));
  });
  return done(ctx, status);
};

const grep: ProcModel = (ctx, argv) => {
  const { flags, rest } = parseFlags(argv.slice(1), ['e', 'm', 'A', 'B', 'C']);
  const pattern = flags.get('e') ?? rest.shift() ?? '';
  const { texts, failed } = inputs(ctx, 'grep', rest);
  const src = flags.has('F') ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : flags.has('E') ? pattern : pattern.replace(/\\([|(){}+?])/g, '$1');
  const re = safeRegExp(src, flags.has('i') ? 'i' : '');
  if (!re) { err(ctx, `grep: bad regex '${pattern}'\n`); return done(ctx, 2); }
  const matched = texts.flatMap(lines).filter((l) => re.test(l) !== flags.has('v'));
  if (flags.has('c')) out(ctx, `${matched.length}\n`);
  else if (!flags.has('q')) out(ctx, joinLines(flags.has('o') ? matched.map((l) => re.exec(l)?.[0] ?? l) : matched));
  if (!(flags.has('q') && matched.length)) awaitEof(ctx, rest.length === 0);
  return done(ctx, failed ? 2 : matched.length ? 0 : 1);
};

/** sed: `s/re/rep/[g]` expressions (the form container scripts use), `-n`, `-i`, `-E`. */
const sed: ProcModel = (ctx, argv) => {
  const { flags, rest } = parseFlags(argv.slice(1), ['e', 'f']);
  const script = flags.get('e') ?? rest.shift() ?? '';
  const subs = script.split(/;\s*/).map((s) => /^s(.)(.*?)\1(.*?)\1([gI]*)$/.exec(s)).filter((m): m is RegExpExecArray => !!m);
  const compiled = subs.map(([, , re, rep, fl]) => ({ re: safeRegExp(flags.has('E') || flags.has('r') ? re : re.replace(/\\([|(){}+?])/g, '$1'), fl.includes('g') ? 'g' : ''), rep: rep.replace(/\\(\d)/g, '$$$1').replace(/&/g, '$$&') }));
  if (compiled.some((x) => !x.re)) { err(ctx, `sed: -e expression #1, char ${script.length}: Invalid regular expression\n`); return done(ctx, 1); }
  const apply = (t: string) => lines(t).map((l) => compiled.reduce((acc, { re, rep }) => acc.replace(re as RegExp, rep), l));
  if (flags.has('i')) {
    for (const f of rest) { const st = stat(ctx, f); if (st.exists !== 'no') ctx.world.write(st.abs, ctx.t, joinLines(apply(st.content)), false); }
    return done(ctx);
  }
  const { texts, failed } = inputs(ctx, 'sed', rest);
  if (!flags.has('n')) out(ctx, texts.map((t) => joinLines(apply(t))).join(''));
  awaitEof(ctx, rest.length === 0);
  return done(ctx, failed ? 2 : 0);
};

/** awk: `{print $N…}` programs with -F; other programs pass nothing through. */
const awk: ProcModel = (ctx, argv) => {
  const { flags, rest } = parseFlags(argv.slice(1), ['F', 'v', 'f']);
  const prog = rest.shift() ?? '';
  const { texts, failed } = inputs(ctx, 'awk', rest);
  const m = /^\s*(?:\/(.*)\/\s*)?\{\s*print\s*([^}]*)\}\s*$/.exec(prog);
  if (m) {
    const sep = flags.get('F');
    const sel = m[1] ? safeRegExp(m[1]) ?? /(?!)/ : undefined;
    for (const l of texts.flatMap(lines)) {
      if (sel && !sel.test(l)) continue;
      const f = sep ? l.split(sep) : l.trim().split(/\s+/);
      const field = (e: string) => (e === '$0' ? l : e === '$NF' ? f[f.length - 1] ?? '' : /^\$\d+$/.test(e) ? f[Number(e.slice(1)) - 1] ?? '' : e.replace(/^"|"$/g, ''));
      out(ctx, `${m[2].trim() ? m[2].split(/\s*,\s*/).map(field).join(' ') : l}\n`);
    }
  }
  awaitEof(ctx, rest.length === 0);
  return done(ctx, failed ? 2 : 0);
};

function expand(set: string): string {
  return set.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\[:upper:\]/g, 'A-Z').replace(/\[:lower:\]/g, 'a-z').replace(/\[:digit:\]/g, '0-9')
    .replace(/(.)-(.)/g, (_, a: string, b: string) => Array.from({ length: b.charCodeAt(0) - a.charCodeAt(0) + 1 }, (_x, i) => String.fromCharCode(a.charCodeAt(0) + i)).join(''));
}

const tr: ProcModel = (ctx, argv) => {
  const { flags, rest } = parseFlags(argv.slice(1));
  const text = stdinText(ctx);
  const a = expand(rest[0] ?? '');
  const b = expand(rest[1] ?? '');
  out(ctx, flags.has('d') ? [...text].filter((c) => !a.includes(c)).join('') : [...text].map((c) => { const i = a.indexOf(c); return i < 0 ? c : b[Math.min(i, b.length - 1)] ?? c; }).join(''));
  awaitEof(ctx, true);
  return done(ctx);
};

const cut: ProcModel = (ctx, argv) => {
  const { flags, rest } = parseFlags(argv.slice(1), ['d', 'f', 'c']);
  const { texts, failed } = inputs(ctx, 'cut', rest);
  const pick = (spec: string, n: number) => spec.split(',').flatMap((r) => { const [a, b] = r.split('-'); const lo = Number(a || 1); const hi = r.includes('-') ? Number(b || n) : lo; return Array.from({ length: Math.max(0, Math.min(hi, n) - lo + 1) }, (_, i) => lo + i - 1); });
  out(ctx, joinLines(texts.flatMap(lines).map((l) => {
    if (flags.has('c')) return pick(flags.get('c') as string, l.length).map((i) => l[i]).join('');
    const d = flags.get('d') ?? '\t';
    const f = l.split(d);
    return f.length === 1 ? l : pick(flags.get('f') ?? '1', f.length).map((i) => f[i]).join(d);
  })));
  awaitEof(ctx, rest.length === 0);
  return done(ctx, failed ? 1 : 0);
};

const tee: ProcModel = (ctx, argv) => {
  const { flags, rest } = parseFlags(argv.slice(1));
  const text = stdinText(ctx);
  for (const f of rest) ctx.world.write(absPath(f, ctx.cwd), ctx.t, text, flags.has('a'));
  out(ctx, text);
  awaitEof(ctx, true);
  return done(ctx);
};

const seq: ProcModel = (ctx, argv) => {
  const n = argv.slice(1).filter((a) => !a.startsWith('-') || /^-\d/.test(a)).map(Number);
  const [first, inc, last] = n.length === 1 ? [1, 1, n[0]] : n.length === 2 ? [n[0], 1, n[1]] : [n[0], n[1], n[2]];
  const vals: number[] = [];
  for (let v = first; inc > 0 ? v <= last : v >= last; v += inc) { vals.push(v); if (vals.length > 100_000) break; }
  out(ctx, joinLines(vals.map(String)));
  return done(ctx);
};

const expr: ProcModel = (ctx, argv) => {
  const a = argv.slice(1);
  let v: string;
  if (a.length === 3 && /^[-+*/%<>=!]+$/.test(a[1]) && /^-?\d+$/.test(a[0]) && /^-?\d+$/.test(a[2])) {
    const x = Number(a[0]); const y = Number(a[2]);
    const r: Record<string, number> = { '+': x + y, '-': x - y, '*': x * y, '/': Math.trunc(x / y), '%': x % y, '<': +(x < y), '>': +(x > y), '=': +(x === y), '!=': +(x !== y), '<=': +(x <= y), '>=': +(x >= y) };
    v = String(r[a[1]] ?? 0);
  } else if (a[0] === 'length') v = String((a[1] ?? '').length);
  else if (a.length === 3 && a[1] === '=') v = String(+(a[0] === a[2]));
  else v = a.join(' ');
  out(ctx, `${v}\n`);
  return done(ctx, v === '0' || v === '' ? 1 : 0);
};

const yes: ProcModel = (ctx, argv) => {
  const word = argv.slice(1).join(' ') || 'y';
  for (let i = 0; i < 200; i++) out(ctx, `${word}\n`);
  throw new ForeverSignal(ctx.t, IGNORES_SIGTERM);
};

const sorted = (f: (l: string[], flags: Map<string, string>) => string[]) => filter('sort', (t, flags) => joinLines(f(lines(t), flags)), ['k', 't']);

export const COMMANDS: Record<string, ProcModel> = {
  ...SYSTEM_COMMANDS, ...NET_COMMANDS,
  cat, head: headTail('head'), tail: headTail('tail'), touch, rm, mkdir, cp: copyMove(false), mv: copyMove(true), ls, grep, egrep: grep, fgrep: grep,
  sed, awk, gawk: awk, mawk: awk, tr, cut, tee, seq, expr, yes,
  wc: filter('wc', (t, flags) => {
    const l = (t.match(/\n/g) ?? []).length; const w = t.split(/\s+/).filter(Boolean).length; const c = t.length;
    const picked = [flags.has('l') && l, flags.has('w') && w, flags.has('c') && c].filter((x) => x !== false);
    return `${(picked.length ? picked : [l, w, c]).join(' ')}\n`;
  }),
  rev: filter('rev', (t) => joinLines(lines(t).map((l) => [...l].reverse().join('')))),
  sort: sorted((l, flags) => { const s = [...l].sort(flags.has('n') ? (a, b) => parseFloat(a) - parseFloat(b) : undefined); return flags.has('r') ? s.reverse() : s; }),
  uniq: filter('uniq', (t) => joinLines(lines(t).filter((l, i, a) => i === 0 || a[i - 1] !== l))),
  tac: filter('tac', (t) => joinLines(lines(t).reverse())),
  basename: (ctx, argv) => { const p = (argv[1] ?? '').replace(/\/+$/, ''); let b = p.slice(p.lastIndexOf('/') + 1); if (argv[2] && b.endsWith(argv[2])) b = b.slice(0, -argv[2].length); out(ctx, `${b}\n`); return done(ctx); },
  dirname: (ctx, argv) => { const p = (argv[1] ?? '').replace(/\/+$/, ''); const i = p.lastIndexOf('/'); out(ctx, `${i < 0 ? '.' : i === 0 ? '/' : p.slice(0, i)}\n`); return done(ctx); },
  true: (ctx) => done(ctx), false: (ctx) => done(ctx, 1),
  echo: (ctx, argv) => {
    let i = 1;
    let newline = true;
    let escapes = false;
    for (; i < argv.length && /^-[neE]+$/.test(argv[i]); i++) for (const f of argv[i].slice(1)) { if (f === 'n') newline = false; else escapes = f === 'e'; }
    const u = escapes ? unescape(argv.slice(i).join(' '), true) : { text: argv.slice(i).join(' '), stop: false };
    out(ctx, `${u.text}${newline && !u.stop ? '\n' : ''}`);
    return done(ctx);
  },
  printf: (ctx, argv) => {
    if (argv.length < 2) { err(ctx, 'printf: missing operand\n'); return done(ctx, 1); }
    const { text, error } = formatPrintf(argv[1], argv.slice(2));
    out(ctx, text);
    if (error) err(ctx, `printf: ${error}\n`);
    return done(ctx, error ? 1 : 0);
  },
  pwd: (ctx) => { out(ctx, `${ctx.cwd}\n`); return done(ctx); },
};
