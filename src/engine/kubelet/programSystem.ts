/** Process and system utilities: sleep, date, env, hostname, timeout, stress tools, … */
import { parseQuantity } from '../util/quantity';
import { resolveArgv } from './program';
import { spawn, type ProcModel } from './programProcess';
import { defaultDate, done, err, isBusybox, out, parseFlags, parseGoFlags, strftime, wallMs } from './programUtil';
import { ForeverSignal, HORIZON_MS, IGNORES_SIGTERM, exitsOnSigterm } from './programWorld';

const UNITS: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `sleep 3600`, `sleep 1d`, `sleep 0.5`, `sleep infinity`: the sum of the operands. */
export function sleepMs(args: string[]): number | string {
  let total = 0;
  for (const a of args) {
    if (/^inf(inity)?$/i.test(a)) return Infinity;
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(a);
    if (!m) return a;
    total += Number(m[1]) * UNITS[m[2]];
  }
  return Math.round(total);
}

const sleep: ProcModel = (ctx, argv) => {
  if (argv.length < 2) {
    err(ctx, isBusybox(ctx) ? 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: sleep [N]...\n\nPause for a time equal to the total of the args given, where each arg can\nhave an optional suffix of (s)econds, (m)inutes, (h)ours, or (d)ays\n'
      : "sleep: missing operand\nTry 'sleep --help' for more information.\n");
    return done(ctx, 1);
  }
  const ms = sleepMs(argv.slice(1));
  if (typeof ms === 'string') {
    err(ctx, isBusybox(ctx) ? `sleep: invalid number '${ms}'\n` : `sleep: invalid time interval '${ms}'\nTry 'sleep --help' for more information.\n`);
    return done(ctx, 1);
  }
  if (ctx.t + ms > HORIZON_MS) throw new ForeverSignal(ctx.t, IGNORES_SIGTERM);
  return { status: 0, end: ctx.t + ms };
};

const date: ProcModel = (ctx, argv) => {
  const fmt = argv.slice(1).find((a) => a.startsWith('+'));
  const ms = wallMs(ctx);
  let text = defaultDate(ms);
  if (fmt) text = strftime(ms, fmt.slice(1));
  else if (argv.includes('-R') || argv.includes('--rfc-email')) text = strftime(ms, '%a, %d %b %Y %H:%M:%S %z');
  else if (argv.some((a) => /^(-I|--iso-8601)/.test(a))) text = strftime(ms, argv.some((a) => /seconds/.test(a)) ? '%Y-%m-%dT%H:%M:%S+00:00' : '%Y-%m-%d');
  out(ctx, `${text}\n`);
  return done(ctx);
};

/** The environment in the order the runtime builds it: image ENV, HOSTNAME, the container's env, HOME. */
function orderedEnv(env: Record<string, string>): [string, string][] {
  const first = ['PATH', 'HOSTNAME'].filter((k) => k in env).map((k): [string, string] => [k, env[k]]);
  const rest = Object.entries(env).filter(([k]) => k !== 'PATH' && k !== 'HOSTNAME' && k !== 'HOME');
  return [...first, ...rest, ...('HOME' in env ? [['HOME', env.HOME] as [string, string]] : [])];
}

const env: ProcModel = (ctx, argv) => {
  let vars = { ...ctx.env };
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-i' || a === '-') vars = {};
    else if (a === '-u') delete vars[argv[++i]];
    else if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(a)) vars[a.slice(0, a.indexOf('='))] = a.slice(a.indexOf('=') + 1);
    else break;
  }
  if (i < argv.length) return spawn(ctx, argv.slice(i), { env: vars });
  out(ctx, orderedEnv(vars).map(([k, v]) => `${k}=${v}\n`).join(''));
  return done(ctx);
};

const printenv: ProcModel = (ctx, argv) => {
  const names = argv.slice(1).filter((a) => !a.startsWith('-'));
  if (names.length === 0) { out(ctx, orderedEnv(ctx.env).map(([k, v]) => `${k}=${v}\n`).join('')); return done(ctx); }
  let status = 0;
  for (const n of names) { if (n in ctx.env) out(ctx, `${ctx.env[n]}\n`); else status = 1; }
  return done(ctx, status);
};

const hostname: ProcModel = (ctx, argv) => {
  if (argv.includes('-i') || argv.includes('-I')) { if (ctx.env.POD_IP) out(ctx, `${ctx.env.POD_IP}\n`); return done(ctx); }
  out(ctx, `${ctx.env.HOSTNAME ?? 'localhost'}\n`);
  return done(ctx);
};

const uname: ProcModel = (ctx, argv) => {
  const host = ctx.env.HOSTNAME ?? 'localhost';
  const parts: Record<string, string> = { s: 'Linux', n: host, r: '6.6.56+', v: '#1 SMP PREEMPT_DYNAMIC Sun Nov 10 10:07:59 UTC 2024', m: 'x86_64', o: 'GNU/Linux' };
  const { flags } = parseFlags(argv.slice(1));
  const keys = flags.has('a') ? ['s', 'n', 'r', 'v', 'm', ...(isBusybox(ctx) ? [] : ['o'])] : [...flags.keys()].filter((k) => k in parts);
  out(ctx, `${(keys.length ? keys : ['s']).map((k) => parts[k]).join(' ')}\n`);
  return done(ctx);
};

/** `timeout N cmd`: the command's own result, or 124 once N seconds have passed. */
const timeout: ProcModel = (ctx, argv) => {
  const { rest } = parseFlags(argv.slice(1), ['s', 'k', 'signal', 'kill-after']);
  const limit = sleepMs([rest[0] ?? '0']);
  const ms = typeof limit === 'number' ? limit : 0;
  try {
    const r = spawn(ctx, rest.slice(1));
    return r.end - ctx.t <= ms ? r : { status: 124, end: ctx.t + ms };
  } catch (e) {
    if (e instanceof ForeverSignal && Number.isFinite(ms)) return { status: 124, end: ctx.t + ms };
    throw e;
  }
};

const ps: ProcModel = (ctx) => {
  const argv = resolveArgv(ctx.image, ctx.input.command, ctx.input.args, ctx.input.env ?? {});
  out(ctx, isBusybox(ctx) ? `PID   USER     TIME  COMMAND\n    1 root      0:00 ${argv.join(' ')}\n` : `    PID TTY          TIME CMD\n      1 ?        00:00:00 ${argv[0].slice(argv[0].lastIndexOf('/') + 1)}\n`);
  return done(ctx);
};

const bytes = (s: string | undefined, dflt: number): number => {
  if (!s) return dflt;
  const m = /^(\d+(?:\.\d+)?)([BKMGT]?)$/i.exec(s);
  if (m) return Number(m[1]) * 1024 ** 'BKMGT'.indexOf((m[2] || 'B').toUpperCase());
  return parseQuantity(s) ?? dflt;
};

/** polinux/stress: `stress --vm 1 --vm-bytes 150M --vm-hang 1 [--timeout 10s]`. */
const stress: ProcModel = (ctx, argv) => {
  const { flags } = parseFlags(argv.slice(1), ['c', 'i', 'm', 'd', 't', 'cpu', 'io', 'vm', 'hdd', 'vm-bytes', 'vm-hang', 'vm-stride', 'timeout', 'backoff', 'hdd-bytes']);
  if (argv.length === 1 || flags.has('help') || flags.has('?')) {
    out(ctx, '`stress\' imposes certain types of compute stress on your system\n\nUsage: stress [OPTION [ARG]] ...\n');
    return done(ctx);
  }
  const n = (a: string, b: string) => Number(flags.get(a) ?? flags.get(b) ?? 0);
  const vm = n('vm', 'm');
  out(ctx, `stress: info: [1] dispatching hogs: ${n('cpu', 'c')} cpu, ${n('io', 'i')} io, ${vm} vm, ${n('hdd', 'd')} hdd\n`);
  ctx.world.memoryBytes = vm * bytes(flags.get('vm-bytes'), 256 * 1024 ** 2);
  const t = flags.get('timeout') ?? flags.get('t');
  const ms = t ? sleepMs([t]) : Infinity;
  if (typeof ms === 'number' && Number.isFinite(ms)) {
    out(ctx, `stress: info: [1] successful run completed in ${Math.round(ms / 1000)}s\n`, ms);
    return { status: 0, end: ctx.t + ms };
  }
  throw new ForeverSignal(ctx.t, IGNORES_SIGTERM);
};

/** vish/stress (Go, klog output): `-cpus N -mem-total 150Mi`. */
const vishStress: ProcModel = (ctx, argv) => {
  const { flags } = parseGoFlags(argv.slice(1), ['logtostderr']);
  const klog = (dt: number, line: string, msg: string) => out(ctx, `${strftime(wallMs(ctx, dt), 'I%m%d %H:%M:%S.000000')}       1 main.go:${line}] ${msg}\n`, dt);
  const total = flags.get('mem-total') ?? '0';
  klog(0, '26', `Allocating "${total}" memory, in "${flags.get('mem-alloc-size') ?? '4Ki'}" chunks, with a ${flags.get('mem-alloc-sleep') ?? '1ms'} sleep between allocations`);
  for (let i = 0; i < Number(flags.get('cpus') ?? 0); i++) klog(1, '39', 'Spawning a thread to consume CPU');
  ctx.world.memoryBytes = parseQuantity(total) ?? 0;
  if (ctx.world.memoryBytes) klog(1000, '29', `Allocated "${total}" memory`);
  throw new ForeverSignal(ctx.t, exitsOnSigterm(2, 0));
};

export const SYSTEM_COMMANDS: Record<string, ProcModel> = {
  sleep, usleep: (ctx, argv) => ({ status: 0, end: ctx.t + Math.round(Number(argv[1] ?? 0) / 1000) }),
  date, env, printenv, hostname, uname, timeout, ps, stress,
  'vish-stress:stress': vishStress,
  nohup: (ctx, argv) => spawn(ctx, argv.slice(1)),
  whoami: (ctx) => { out(ctx, 'root\n'); return done(ctx); },
  id: (ctx) => { out(ctx, isBusybox(ctx) ? 'uid=0(root) gid=0(root) groups=0(root),10(wheel)\n' : 'uid=0(root) gid=0(root) groups=0(root)\n'); return done(ctx); },
  nproc: (ctx) => { out(ctx, '4\n'); return done(ctx); },
  watch: (ctx) => { throw new ForeverSignal(ctx.t, IGNORES_SIGTERM); },
  top: (ctx) => { throw new ForeverSignal(ctx.t, IGNORES_SIGTERM); },
};
