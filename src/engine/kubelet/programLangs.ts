/**
 * Language runtimes: python (a subset interpreter for -c and short scripts, http.server, app
 * servers whose code is not known), perl (the Job `pi` example), node and npm.
 */
import { declaredPorts } from './programApps';
import type { ProcContext, ProcModel, ProcResult } from './programProcess';
import { piDigits, piMs } from './programPi';
import { PyUnsupported, runPython } from './programPython';
import { anyPath, serve, versionOf } from './programServe';
import { done, err, out, parseFlags, stat, wallMs } from './programUtil';
import { ForeverSignal, HORIZON_MS, IGNORES_SIGTERM, exitsOnSigterm } from './programWorld';

/** An app whose source the catalog cannot see: it listens on the declared ports until stopped. */
function unknownApp(ctx: ProcContext, fallback: number[], startupMs: number): ProcResult {
  return serve(ctx, { ports: declaredPorts(ctx, fallback), startupMs, traits: IGNORES_SIGTERM });
}

function runPy(ctx: ProcContext, code: string, argv: string[], unbuffered: boolean, file: string): ProcResult {
  let t = ctx.t;
  let buffer = '';
  const flush = () => { if (buffer) ctx.io.stdout.write(buffer, t); buffer = ''; };
  try {
    const status = runPython(code, {
      env: ctx.env, argv, hostname: ctx.env.HOSTNAME ?? 'localhost',
      write: (text, stream, force) => {
        if (stream === 'stderr') { ctx.io.stderr.write(text, t); return; }
        buffer += text;
        if (unbuffered || force || buffer.length >= 8192) flush();
      },
      sleep: (ms) => { t += ms; if (t > HORIZON_MS) throw new ForeverSignal(t, IGNORES_SIGTERM); },
      tick: () => ctx.thread.tick(t),
      readFile: (p) => { const st = stat(ctx, p); return st.exists === 'no' ? undefined : st.content; },
    }, file);
    t += 20;
    flush();
    return { status, end: t };
  } catch (e) {
    if (e instanceof PyUnsupported) { flush(); return done(ctx, 0, 50); }
    if (e instanceof ForeverSignal) throw new ForeverSignal(e.at, IGNORES_SIGTERM, false);
    throw e;
  }
}

const python: ProcModel = (ctx, argv) => {
  const unbuffered = argv.includes('-u') || !!ctx.env.PYTHONUNBUFFERED;
  let i = 1;
  while (i < argv.length && /^-[uBEIOsSv]+$/.test(argv[i])) i++;
  const a = argv[i];
  if (a === '-V' || a === '--version') { out(ctx, `Python ${versionOf(ctx, '3.13.1')}\n`); return done(ctx); }
  if (a === '-c') return runPy(ctx, argv[i + 1] ?? '', ['-c', ...argv.slice(i + 2)], unbuffered, '<string>');
  if (a === '-m') {
    const mod = argv[i + 1];
    const rest = argv.slice(i + 2);
    if (mod === 'http.server' || mod === 'SimpleHTTPServer') {
      const { flags, rest: pos } = parseFlags(rest, ['b', 'bind', 'd', 'directory', 'p', 'protocol']);
      const port = Number(pos[0] ?? 8000);
      const dir = stat(ctx, flags.get('d') ?? flags.get('directory') ?? '.').abs;
      const files = ctx.world.list(dir, ctx.t).map((n) => ({ path: `/${n}`, status: 200 }));
      // upstream: the banner goes to a block-buffered stdout, so `kubectl logs` shows it only unbuffered.
      if (unbuffered) out(ctx, `Serving HTTP on 0.0.0.0 port ${port} (http://0.0.0.0:${port}/) ...\n`, 30);
      return serve(ctx, { ports: [{ port, routes: [{ path: '/', status: 200 }, ...files, { path: '*', status: 404 }] }], startupMs: 30, traits: IGNORES_SIGTERM });
    }
    if (mod === 'flask') return unknownApp(ctx, [Number(parseFlags(rest, ['port', 'p', 'host', 'h']).flags.get('port') ?? 5000)], 500);
    if (mod === 'uvicorn' || mod === 'gunicorn') return unknownApp(ctx, [8000], 500);
    return done(ctx, 0, 200);
  }
  if (a === undefined || a === '-') {
    if (ctx.io.stdin.open) throw new ForeverSignal(ctx.t, IGNORES_SIGTERM);
    return runPy(ctx, ctx.io.stdin.text.slice(ctx.io.stdin.pos), ['-'], unbuffered, '<stdin>');
  }
  const family = ctx.image.family;
  if (family === 'dns-frontend' && a === 'client.py') {
    out(ctx, `<Response [200]>\nHello World!\n`, 300);
    return done(ctx, 0, 320);
  }
  if (family === 'dns-backend' && a === 'server.py') return serve(ctx, { ports: [{ port: 8000, routes: anyPath }], startupMs: 300, traits: IGNORES_SIGTERM });
  const st = stat(ctx, a);
  if (st.exists === 'no') {
    err(ctx, `${argv[0].slice(argv[0].lastIndexOf('/') + 1)}: can't open file '${st.abs}': [Errno 2] No such file or directory\n`);
    return done(ctx, 2, 20);
  }
  if (st.content) return runPy(ctx, st.content, [a, ...argv.slice(i + 1)], unbuffered, st.abs);
  return unknownApp(ctx, [8080], 500);
};

const perl: ProcModel = (ctx, argv) => {
  let code: string | undefined;
  let newline = false;
  let warnings = false;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-')) break;
    if (a.startsWith('-M') || a.startsWith('-I') || a.startsWith('-m')) continue;
    if (a === '-de0') { code = 'debugger'; break; }
    for (let k = 1; k < a.length; k++) {
      if (a[k] === 'l') newline = true;
      else if (a[k] === 'w') warnings = true;
      else if (a[k] === 'e' || a[k] === 'E') { code = a.slice(k + 1) || argv[++i]; break; }
    }
    if (code !== undefined) break;
  }
  if (code === 'debugger') {
    out(ctx, "\nLoading DB routines from perl5db.pl version 1.77\nEditor support available.\n\nEnter h or 'h h' for help, or 'man perldebug' for more help.\n\nmain::(-e:1):\t0\n", 20);
    return done(ctx, 0, 30);
  }
  if (code === undefined) return done(ctx, 0, 5);
  const trimmed = code.trim();
  const constant = /^(["'])(.*)\1;?$/.exec(trimmed);
  if (constant) {
    if (warnings) err(ctx, `Useless use of a constant ("${constant[2]}") in void context at -e line 1.\n`, 10);
    return done(ctx, 0, 15);
  }
  const pi = /print\s+bpi\((\d+)\)/.exec(trimmed);
  if (pi) {
    const n = Number(pi[1]);
    const ms = piMs(n);
    out(ctx, `${piDigits(n)}${newline ? '\n' : ''}`, ms);
    return done(ctx, 0, ms + 10);
  }
  let t = 5;
  for (const stmt of trimmed.split(/;\s*/)) {
    let m: RegExpExecArray | null;
    if ((m = /^print\s+(["'])(.*)\1$/.exec(stmt))) out(ctx, `${m[2].replace(/\\n/g, m[1] === '"' ? '\n' : '\\n')}${newline ? '\n' : ''}`, t);
    else if ((m = /^sleep\s*\(?\s*(\d+)\s*\)?$/.exec(stmt))) t += Number(m[1]) * 1000;
    else if ((m = /^exit\s*\(?\s*(\d+)\s*\)?$/.exec(stmt))) return done(ctx, Number(m[1]), t);
  }
  return done(ctx, 0, t);
};

const node: ProcModel = (ctx, argv) => {
  const a = argv[1];
  if (a === '-v' || a === '--version') { out(ctx, `v${versionOf(ctx, '22.12.0')}\n`); return done(ctx); }
  if (a === '-e' || a === '--eval' || a === '-p') {
    const code = argv[2] ?? '';
    for (const m of code.matchAll(/console\.log\((["'`])(.*?)\1\)/g)) out(ctx, `${m[2]}\n`, 30);
    const listen = /\.listen\(\s*(\d+)/.exec(code);
    if (listen) return serve(ctx, { ports: [{ port: Number(listen[1]), routes: anyPath }], startupMs: 40, traits: IGNORES_SIGTERM });
    if (/setInterval\(/.test(code)) throw new ForeverSignal(ctx.t, IGNORES_SIGTERM);
    return done(ctx, 0, 40);
  }
  if (a === undefined) {
    // upstream: without a tty node reads a program from stdin; EOF at once unless stdin stays open.
    if (ctx.io.stdin.open) throw new ForeverSignal(ctx.t, IGNORES_SIGTERM);
    return done(ctx, 0, 30);
  }
  if (ctx.image.family === 'node-hello') {
    if (ctx.image.repository.includes('kubernetes-bootcamp')) out(ctx, `Kubernetes Bootcamp App Started At: ${new Date(wallMs(ctx, 200)).toISOString()} | Running On:  ${ctx.env.HOSTNAME ?? 'localhost'} \n`, 200);
    return serve(ctx, { ports: [{ port: 8080, routes: anyPath }], startupMs: 200, traits: IGNORES_SIGTERM });
  }
  const st = stat(ctx, a);
  if (st.exists === 'no') {
    err(ctx, `node:internal/modules/cjs/loader:1228\n  throw err;\n  ^\n\nError: Cannot find module '${st.abs}'\n    at Module._resolveFilename (node:internal/modules/cjs/loader:1225:15)\n    at node:internal/main/run_main_module:28:49 {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: []\n}\n\nNode.js v${versionOf(ctx, '22.12.0')}\n`, 40);
    return done(ctx, 1, 45);
  }
  const listen = /\.listen\(\s*(\d+)/.exec(st.content);
  return unknownApp(ctx, [listen ? Number(listen[1]) : Number(ctx.env.PORT ?? 3000)], 200);
};

const npm: ProcModel = (ctx, argv) => {
  if (['start', 'run', 'run-script'].includes(argv[1] ?? '')) {
    out(ctx, `\n> app@1.0.0 ${argv[1] === 'start' ? 'start' : argv[2] ?? ''}\n> node server.js\n\n`, 300);
    return serve(ctx, { ports: declaredPorts(ctx, [Number(ctx.env.PORT ?? 3000)]), startupMs: 500, traits: exitsOnSigterm(143, 100) });
  }
  return done(ctx, 0, 500);
};

const unknownServer = (port: number): ProcModel => (ctx) => unknownApp(ctx, [port], 500);

export const LANGUAGES: Record<string, ProcModel> = {
  python, python3: python, python2: python, 'python3.12': python, 'python3.13': python, 'python3.11': python, perl, 'perl5.40.0': perl, node, nodejs: node, npm,
  gunicorn: unknownServer(8000), uvicorn: unknownServer(8000), flask: unknownServer(5000),
};
