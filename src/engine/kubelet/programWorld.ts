/**
 * The recording of one container's process tree over virtual time: log lines, listeners and the
 * file system's changes, plus the budget that stops endless loops from being simulated forever.
 * Also the control-flow signals (exit, forever) the interpreter unwinds with.
 */
import type { ImageInfo } from './images';
import type { FileUpdate, Listener } from './program';

/** How PID 1 reacts to the SIGTERM the runtime sends on stop. */
export interface Traits { handlesSigterm: boolean; sigtermExitCode: number; stopDelayMs: number }

/** PID 1 without a handler: the kernel drops SIGTERM, so the runtime SIGKILLs at the end of the grace period. */
export const IGNORES_SIGTERM: Traits = { handlesSigterm: false, sigtermExitCode: 137, stopDelayMs: 0 };
export const exitsOnSigterm = (code: number, delayMs: number): Traits => ({ handlesSigterm: true, sigtermExitCode: code, stopDelayMs: delayMs });

/** The process exits the shell (or subshell) with this status. */
export class ExitSignal { constructor(readonly code: number) {} }

/**
 * The process blocks from `at` on and never exits by itself. `traits` is set when the blocking
 * process replaced PID 1 (exec); `interruptible` when a shell waiting in `wait` or a loop of short
 * commands could still run a SIGTERM trap.
 */
export class ForeverSignal {
  constructor(readonly at: number, readonly traits?: Traits, readonly interruptible: false | 'wait' | 'loop' = false) {}
}

/** Forever, by a process that replaced the shell with `exec` (its traits are PID 1's). */
export class ExecReplaced extends ForeverSignal {}

export const MAX_OUTPUT_LINES = 200;
const MAX_FILE_CHARS = 4_096;
/** Simulation stops (the process is taken to run forever) past 30 virtual days or this many commands. */
export const HORIZON_MS = 30 * 24 * 3600_000;

export interface FileState { exists: 'yes' | 'no' | 'unknown'; content: string; dir: boolean }

interface FileEvent { t: number; seq: number; path: string; op: 'write' | 'remove' | 'mkdir'; content: string }

/** Paths whose contents only the container itself creates: unknown paths there do not exist. */
const EPHEMERAL = /^\/(tmp|var\/tmp|run|dev\/shm|root|home)(\/|$)/;
/** Top-level directories images fill with content the catalog does not list: unknown paths there may exist. */
const IMAGE_ROOTS = /^\/(etc|usr|var|opt|srv|lib|lib64|bin|sbin|app|data|proc|sys|dev|docker-entrypoint\.d|docker-entrypoint-initdb\.d|cockroach|models|www)(\/|$)/;
const FILE_LIKE = /\/[^/]*\.[a-z0-9]{1,8}$|\/(machine-id|hostname|hosts|resolv\.conf|localtime|timezone|passwd|group|shadow)$/i;
const SYSTEM_DIRS = ['/', '/bin', '/sbin', '/etc', '/tmp', '/var', '/var/log', '/var/tmp', '/var/run', '/var/lib', '/usr', '/usr/bin', '/usr/sbin',
  '/usr/local', '/usr/local/bin', '/usr/share', '/lib', '/home', '/root', '/dev', '/proc', '/sys', '/opt', '/srv', '/mnt', '/run', '/dev/shm'];

export class World {
  readonly output: { atMs: number; line: string }[] = [];
  readonly listeners: Listener[] = [];
  /** Resident memory a stress tool allocates. */
  memoryBytes?: number;
  private readonly byPath = new Map<string, FileEvent[]>();
  private seq = 0;
  private lines = 0;

  /**
   * The volume and image files the container was given, as of each kubelet rewrite: the first from
   * the start, each later one from its `t` on. `complete` are the mounts whose whole content the
   * files list (configMap, secret, downwardAPI, projected volumes) by then.
   */
  private readonly bases: { t: number; files: Map<string, string>; complete: string[] }[];

  constructor(
    readonly image: ImageInfo,
    /** Volume and image files present at start (path → content). */
    initial: Map<string, string>,
    /** Mount paths of the container's volumes. */
    private readonly mounts: string[],
    /** The kubelet's later rewrites of volume files. */
    updates: readonly FileUpdate[] = [],
  ) {
    const completeOf = (files: Map<string, string>, before: string[]) =>
      [...new Set([...before, ...mounts.filter((m) => [...files.keys()].some((k) => k === m || k.startsWith(`${m}/`)))])];
    this.bases = [{ t: -Infinity, files: initial, complete: completeOf(initial, []) }];
    for (const u of [...updates].sort((a, b) => a.atMs - b.atMs)) {
      const prev = this.bases[this.bases.length - 1];
      const files = new Map(prev.files);
      for (const path of u.removed) files.delete(path);
      for (const [path, content] of Object.entries(u.files)) files.set(path, content);
      this.bases.push({ t: u.atMs, files, complete: completeOf(files, prev.complete) });
    }
  }

  /** The given files as the process sees them at t. */
  private base(t: number): { files: Map<string, string>; complete: string[] } {
    let i = this.bases.length - 1;
    while (i > 0 && this.bases[i].t > t) i--;
    return this.bases[i];
  }

  emit(atMs: number, line: string): void {
    if (this.lines++ < MAX_OUTPUT_LINES * 4) this.output.push({ atMs, line });
  }

  /** The log holds as many lines as a Program keeps: simulating further only matters for files and exit. */
  get outputFull(): boolean { return this.lines >= MAX_OUTPUT_LINES; }

  listen(l: Listener): void {
    if (!this.listeners.some((x) => x.port === l.port && x.protocol === l.protocol && x.fromMs === l.fromMs)) this.listeners.push(l);
  }

  write(path: string, t: number, text: string, append: boolean): void {
    const before = append ? this.stat(path, t) : undefined;
    const content = ((before?.exists === 'yes' ? before.content : '') + text).slice(-MAX_FILE_CHARS);
    this.push({ t, seq: this.seq++, path, op: 'write', content });
  }

  remove(path: string, t: number): void {
    for (const p of this.knownPaths(t)) if (p.startsWith(`${path}/`)) this.push({ t, seq: this.seq++, path: p, op: 'remove', content: '' });
    this.push({ t, seq: this.seq++, path, op: 'remove', content: '' });
  }

  mkdir(path: string, t: number): void {
    this.push({ t, seq: this.seq++, path, op: 'mkdir', content: '' });
  }

  /** Keeps each path's events ordered by time; runs of writes keep only the first and the latest. */
  private push(e: FileEvent): void {
    const list = this.byPath.get(e.path) ?? [];
    this.byPath.set(e.path, list);
    let i = list.length;
    while (i > 0 && (list[i - 1].t > e.t || (list[i - 1].t === e.t && list[i - 1].seq > e.seq))) i--;
    if (e.op === 'write' && i === list.length && i >= 2 && list[i - 1].op === 'write' && list[i - 2].op === 'write') list[i - 1] = e;
    else list.splice(i, 0, e);
  }

  /**
   * What the container sees at `path` at time t: its own changes, the volume files it was given, the
   * image's system directories and binaries. Other paths are 'no' where only the container could have
   * made them (EPHEMERAL dirs, a volume whose files are all listed, a top-level dir images do not have)
   * and 'unknown' where image or shared-volume content nobody listed may be: readers find it empty,
   * `test -e` does not.
   */
  stat(path: string, t: number): FileState {
    const last = this.lastEvent(path, t);
    if (last) return { exists: last.op === 'remove' ? 'no' : 'yes', content: last.content, dir: last.op === 'mkdir' };
    const base = this.base(t);
    if (base.files.has(path)) return { exists: 'yes', content: base.files.get(path) as string, dir: false };
    const prefix = `${path === '/' ? '' : path}/`;
    // A hostPath or volume mounted on a file path (`/etc/machine-id`, `app.conf`) is a file of unknown content.
    if (this.mounts.includes(path) && FILE_LIKE.test(path)) return { exists: 'yes', content: '', dir: false };
    const isDir = SYSTEM_DIRS.includes(path) || this.mounts.some((m) => m === path || m.startsWith(prefix))
      || [...base.files.keys()].some((k) => k.startsWith(prefix)) || this.knownPaths(t).some((k) => k.startsWith(prefix))
      || path === this.image.workingDir;
    if (isDir) return { exists: 'yes', content: '', dir: true };
    if (/^\/(usr\/(local\/)?)?s?bin\/[^/]+$/.test(path)) return { exists: this.image.binaries.includes(path.slice(path.lastIndexOf('/') + 1)) ? 'yes' : 'no', content: '', dir: false };
    // Other volumes (emptyDir, PVCs, hostPath) may hold anything other containers or earlier Pods wrote.
    const mount = this.mounts.filter((m) => path.startsWith(`${m}/`)).sort((a, b) => b.length - a.length)[0];
    if ((mount && base.complete.includes(mount)) || EPHEMERAL.test(path)) return { exists: 'no', content: '', dir: false };
    const wd = this.image.workingDir;
    if (!mount && !IMAGE_ROOTS.test(path) && !(wd && wd !== '/' && path.startsWith(`${wd}/`))) return { exists: 'no', content: '', dir: false };
    return { exists: 'unknown', content: '', dir: false };
  }

  /** Names directly under `dir` at time t. */
  list(dir: string, t: number): string[] {
    const prefix = dir.endsWith('/') ? dir : `${dir}/`;
    const names = new Set<string>();
    for (const p of [...this.base(t).files.keys(), ...this.knownPaths(t)]) {
      if (p.startsWith(prefix) && this.stat(p, t).exists === 'yes') names.add(p.slice(prefix.length).split('/')[0]);
    }
    return [...names].sort();
  }

  /** Every path the program or the volumes know about that exists at t. */
  knownPaths(t: number): string[] {
    const base = this.base(t).files;
    const paths = new Set<string>([...base.keys(), ...this.byPath.keys()]);
    return [...paths].filter((p) => {
      const last = this.lastEvent(p, t);
      return last ? last.op !== 'remove' : base.has(p);
    });
  }

  private lastEvent(path: string, t: number): FileEvent | undefined {
    const list = this.byPath.get(path);
    if (!list) return undefined;
    for (let i = list.length - 1; i >= 0; i--) if (list[i].t <= t) return list[i];
    return undefined;
  }

  /** The files the program created (and removed) over time, up to `until`. */
  fileTimeline(until: number | undefined): { path: string; createdAtMs: number; removedAtMs?: number; content?: string; dir?: boolean }[] {
    const out: { path: string; createdAtMs: number; removedAtMs?: number; content?: string; dir?: boolean }[] = [];
    const open = new Map<string, (typeof out)[number]>();
    const sorted = [...this.byPath.values()].flat().filter((e) => until === undefined || e.t <= until).sort((a, b) => a.t - b.t || a.seq - b.seq);
    for (const e of sorted) {
      const cur = open.get(e.path);
      if (e.op === 'remove') { if (cur) { cur.removedAtMs = e.t; open.delete(e.path); } continue; }
      if (cur) { cur.content = e.op === 'write' ? e.content : cur.content; continue; }
      const entry = { path: e.path, createdAtMs: e.t, ...(e.op === 'mkdir' ? { dir: true } : { content: e.content }) };
      out.push(entry);
      open.set(e.path, entry);
    }
    return out;
  }
}

/** Where a stream goes: the container log, a file, nowhere, or a capture buffer. */
export interface Sink { write(text: string, t: number): void; flush(t: number): void }

export class LogSink implements Sink {
  private partial = '';
  private lastT = 0;
  constructor(private readonly world: World) {}
  write(text: string, t: number): void {
    const parts = (this.partial + text).split('\n');
    this.partial = parts.pop() as string;
    for (const line of parts) this.world.emit(t, line);
    this.lastT = t;
  }
  flush(t: number): void { if (this.partial) this.world.emit(Math.max(t, this.lastT), this.partial); this.partial = ''; }
}

export class FileSink implements Sink {
  constructor(private readonly world: World, private readonly path: string) {}
  write(text: string, t: number): void { this.world.write(this.path, t, text, true); }
  flush(): void {}
}

export class CaptureSink implements Sink {
  text = '';
  write(text: string): void { this.text += text; }
  flush(): void {}
}

export const NULL_SINK: Sink = { write: () => undefined, flush: () => undefined };

/** A process's standard input: text read so far by `pos`; `open` when it never reaches EOF (container stdin). */
export interface Stdin { text: string; pos: number; open?: boolean }
export const noStdin = (): Stdin => ({ text: '', pos: 0 });

export interface IO { stdout: Sink; stderr: Sink; stdin: Stdin }
