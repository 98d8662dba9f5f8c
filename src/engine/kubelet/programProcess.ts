/**
 * Processes: how an argv is found (PATH, paths, scripts on volumes) and dispatched to the model of
 * what that executable does; and the top level that runs PID 1 and turns the recording into a Program.
 */
import type { ImageInfo } from './images';
import type { Program, ProgramInput } from './program';
import { resolveArgv } from './program';
import { APPS } from './programApps';
import { COMMANDS } from './programCommands';
import { ENTRYPOINTS } from './programEntrypoints';
import { LANGUAGES } from './programLangs';
import { SERVERS } from './programServers';
import { SHELLS } from './programShellProcess';
import { ExitSignal, ForeverSignal, IGNORES_SIGTERM, LogSink, MAX_OUTPUT_LINES, World, type IO, type Traits } from './programWorld';

/** Everything a process model needs: where it runs, its clock, its streams, and how to start others. */
export interface ProcContext {
  world: World;
  image: ImageInfo;
  input: ProgramInput;
  env: Record<string, string>;
  cwd: string;
  /** Virtual ms since the container started at which this process starts. */
  t: number;
  io: IO;
  thread: Thread;
}

export interface ProcResult { status: number; end: number }

/** A model of one executable. Throws ForeverSignal when it never exits on its own. */
export type ProcModel = (ctx: ProcContext, argv: string[]) => ProcResult;

/** Per concurrent thread of simulation (PID 1's, each background job's): a step budget. */
export class Thread {
  steps = 0;
  private fullAt?: number;
  constructor(readonly limit: number, private readonly world?: World) {}
  tick(t: number): void {
    if (this.world?.outputFull) this.fullAt ??= this.steps;
    if (++this.steps > this.limit || (this.fullAt !== undefined && this.steps > this.fullAt + FULL_LOG_STEPS)) throw new ForeverSignal(t, undefined, 'loop');
  }
}

/** Steps simulated once the log is full (a loop that prints for ever is taken to run for ever sooner). */
const FULL_LOG_STEPS = 600;

let registry: Record<string, ProcModel> | undefined;
/** Built on first use: the model modules import this one (spawn), so the table cannot be built at load. */
const models = (): Record<string, ProcModel> => (registry ??= { ...COMMANDS, ...APPS, ...SERVERS, ...LANGUAGES, ...ENTRYPOINTS, ...SHELLS });

export type Resolved = { kind: 'model'; name: string; model: ProcModel } | { kind: 'script'; path: string; content: string } | { kind: 'missing'; error: string };

const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);

export function absPath(path: string, cwd: string): string {
  const parts = (path.startsWith('/') ? path : `${cwd}/${path}`).split('/');
  const out: string[] = [];
  for (const p of parts) { if (p === '..') out.pop(); else if (p && p !== '.') out.push(p); }
  return `/${out.join('/')}`;
}

/** Finds an executable like execve/execvp: by path, or by name on $PATH (the image's binaries). */
export function resolveExecutable(name: string, ctx: Pick<ProcContext, 'world' | 'image' | 'cwd' | 't'>): Resolved {
  if (name.includes('/')) {
    const path = absPath(name, ctx.cwd);
    const st = ctx.world.stat(path, ctx.t);
    if (st.exists === 'yes' && !st.dir && !ctx.image.binaries.includes(base(path))) return { kind: 'script', path, content: st.content };
    if (!ctx.image.binaries.includes(base(path))) {
      return { kind: 'missing', error: st.dir ? `exec: "${name}": permission denied` : `exec: "${name}": stat ${name}: no such file or directory` };
    }
  } else if (!ctx.image.binaries.includes(name)) {
    return { kind: 'missing', error: `exec: "${name}": executable file not found in $PATH` };
  }
  const exe = base(name);
  return { kind: 'model', name: exe, model: models()[`${ctx.image.family}:${exe}`] ?? models()[exe] ?? genericTool };
}

/** An executable the image has but no model describes: a short-lived tool that succeeds. */
const genericTool: ProcModel = (ctx) => ({ status: 0, end: ctx.t + 5 });

/** Runs an argv in a context: resolution, then the model. `missing` is the caller's to report. */
export function execArgv(ctx: ProcContext, argv: string[]): ProcResult | { missing: string } {
  const r = resolveExecutable(argv[0], ctx);
  if (r.kind === 'missing') return { missing: r.error };
  if (r.kind === 'script') {
    const shebang = /^#!\s*(\S+)(?:\s+(.*))?/.exec(r.content);
    const interp = shebang ? [shebang[1], ...(shebang[2] ? [shebang[2]] : [])] : ['/bin/sh'];
    return spawn(ctx, [...interp, r.path, ...argv.slice(1)]);
  }
  ctx.thread.tick(ctx.t);
  return r.model(ctx, argv);
}

/** Runs another process to completion from ctx (a child: same thread, its own streams if given). */
export function spawn(ctx: ProcContext, argv: string[], overrides: Partial<Pick<ProcContext, 'env' | 'cwd' | 't' | 'io'>> = {}): ProcResult {
  const child: ProcContext = { ...ctx, ...overrides };
  const res = execArgv(child, argv);
  if ('missing' in res) {
    child.io.stderr.write(`${res.missing}\n`, child.t);
    return { status: 127, end: child.t };
  }
  return res;
}

/** Starts PID 1 and records what it does until it exits or the simulation horizon. */
export function startProcess(input: ProgramInput): Program {
  const env = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root', ...(input.env ?? {}) };
  const argv = resolveArgv(input.image, input.command, input.args, input.env ?? {});
  const updates = input.fileUpdates ?? [];
  const world = new World(input.image, new Map(Object.entries(input.files ?? {})), input.mounts ?? [], updates);
  const cwd = input.workingDir || input.image.workingDir || '/';
  const context = {
    image: input.image, env, cwd, files: input.files ?? {}, mounts: input.mounts ?? [], startedAt: input.startedAt ?? 0,
    ...(updates.length ? { fileUpdates: updates } : {}),
  };
  const common = { output: [], listens: [], files: [], exitCode: 128, handlesSigterm: false, sigtermExitCode: 137, stopDelayMs: 0, context };
  if (argv.length === 0) return { ...common, exitAfterMs: 0, startError: 'no command specified' };
  const io: IO = { stdout: new LogSink(world), stderr: new LogSink(world), stdin: { text: '', pos: 0, open: input.stdin } };
  const ctx: ProcContext = { world, input, image: input.image, env, cwd, t: 0, io, thread: new Thread(8_000, world) };
  const resolved = resolveExecutable(argv[0], ctx);
  if (resolved.kind === 'missing') return { ...common, exitAfterMs: 0, startError: resolved.error };

  let exitAt: number | undefined;
  let exitCode = 0;
  let traits: Traits = IGNORES_SIGTERM;
  try {
    const res = execArgv(ctx, argv) as { status: number; end: number };
    exitAt = res.end;
    exitCode = res.status;
  } catch (e) {
    if (e instanceof ForeverSignal) traits = e.traits ?? IGNORES_SIGTERM;
    else if (e instanceof ExitSignal) { exitAt = ctx.t; exitCode = e.code; } else throw e;
  }
  const end = exitAt ?? Number.MAX_SAFE_INTEGER;
  io.stdout.flush(end === Number.MAX_SAFE_INTEGER ? 0 : end);
  io.stderr.flush(end === Number.MAX_SAFE_INTEGER ? 0 : end);
  const output = world.output.filter((o) => o.atMs <= end).map((o, i) => ({ ...o, i }))
    .sort((a, b) => a.atMs - b.atMs || a.i - b.i).slice(0, MAX_OUTPUT_LINES).map(({ atMs, line }) => ({ atMs, line }));
  const listens = world.listeners.filter((l) => l.fromMs <= end).map((l) => (exitAt === undefined ? l : { ...l, untilMs: Math.min(l.untilMs ?? exitAt, exitAt) }));
  return {
    ...common, exitAfterMs: exitAt, exitCode: exitAt === undefined ? 0 : exitCode, output, listens,
    files: world.fileTimeline(exitAt), ...traits, memoryBytes: world.memoryBytes,
  };
}
